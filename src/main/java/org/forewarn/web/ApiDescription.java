package org.forewarn.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): how to sign in, and the
 * problem details every {@code /api} operation can answer, added here once instead of on each controller.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	private static final String PROBLEM = "Problem";

	@Bean
	OpenAPI forewarnApi() {
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details; `parameter`, `field` or `header` names what is at fault")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Invalid parameter"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().example("status: unknown status 'bogus'; ALL or one of [...]"))
			.addProperty("instance", new StringSchema().example("/api/followups"))
			.addProperty("parameter", new StringSchema().example("status"))
			.addProperty("field", new StringSchema().example("roles"))
			.addProperty("header", new StringSchema().example("Content-Type"));
		return new OpenAPI()
			.info(new Info().title("Forewarn API").version("1")
				.description("Events in, outreach out. Sign in with an API token (`Authorization: Bearer fwt_...`, "
						+ "see `token create`) or HTTP Basic. Each operation names the role it needs; `admin` has "
						+ "every role. Errors are RFC 9457 problem details (`application/problem+json`).")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.bearerFormat("fwt_..."))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSchemas(PROBLEM, problem))
			.security(List.of(new SecurityRequirement().addList("token"), new SecurityRequirement().addList("basic")));
	}

	/**
	 * 401 and 403 on every /api operation, 400 where it takes parameters or a body, 404 where an id is in the path;
	 * public paths need no sign-in.
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
			if (!path.startsWith("/api/")) {
				operation.setSecurity(List.of());
				return;
			}
			add(operation, "401", "Not signed in, or an unknown token", "sign in with 'Authorization: Bearer "
					+ "<API token>' or HTTP Basic (user name and password)");
			add(operation, "403", "Signed in without the role this operation needs",
					"the roles of this account do not allow GET " + path);
			boolean takesInput = operation.getRequestBody() != null || operation.getParameters() != null
					&& operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
			if (takesInput) {
				add(operation, "400", "A parameter or a body field is not valid: the problem names it",
						"status: unknown status 'bogus'; ALL or one of [...]");
			}
			if (path.contains("{")) {
				add(operation, "404", "Nothing has the id in the path", "no outreach 0f3c...");
			}
		}));
	}

	private static void add(Operation operation, String status, String description, String detail) {
		if (operation.getResponses().containsKey(status)) {
			return;
		}
		Example example = new Example().value(Map.of("type", "about:blank", "status", Integer.parseInt(status),
				"detail", detail));
		operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType()
				.schema(new ObjectSchema().$ref("#/components/schemas/" + PROBLEM)).addExamples("example", example))));
	}
}
