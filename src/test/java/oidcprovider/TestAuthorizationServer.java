package oidcprovider;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in a Spring context of its own, on a free
 * port, with one registered client ({@code forewarn}) and users whose ID tokens carry a {@code roles} claim. Lives
 * outside {@code org.forewarn} so that Forewarn's own component scan never picks it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
		"org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration",
		"org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
public class TestAuthorizationServer {

	/** Users: name, password, and the values of their roles claim (none: the claim is left out). */
	public record TestUser(String name, String password, List<String> roles) {
	}

	private static List<TestUser> users = List.of();

	/**
	 * Starts the provider; {@code redirectUri} is the client's ({@code http://localhost:PORT/login/oauth2/code/ID}).
	 */
	public static ConfigurableApplicationContext start(String redirectUri, List<TestUser> testUsers) {
		users = testUsers;
		String client = "--spring.security.oauth2.authorizationserver.client.forewarn.";
		return SpringApplication.run(TestAuthorizationServer.class,
				// not Forewarn's ./config nor its application.yml: this is another application
				"--spring.config.location=optional:classpath:/no-such-config.yml", "--server.port=0",
				"--spring.main.banner-mode=off", "--management.endpoints.access.default=none",
				client + "registration.client-id=forewarn", client + "registration.client-secret={noop}forewarn-secret",
				client + "registration.client-authentication-methods=client_secret_basic",
				client + "registration.authorization-grant-types=authorization_code",
				client + "registration.redirect-uris=" + redirectUri,
				client + "registration.scopes=openid,profile", client + "require-authorization-consent=false");
	}

	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Bean
	InMemoryUserDetailsManager testUsers() {
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
		for (TestUser user : users) {
			manager.createUser(User.withUsername(user.name()).password("{noop}" + user.password())
				.authorities(user.roles().stream().map(r -> "CLAIM_" + r).toArray(String[]::new)).build());
		}
		return manager;
	}

	/** The ID token carries the user's roles claim, as a directory group mapping would. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim() {
		return context -> {
			if (!"id_token".equals(context.getTokenType().getValue())) {
				return;
			}
			List<String> roles = context.getPrincipal().getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.filter(a -> a.startsWith("CLAIM_")).map(a -> a.substring(6)).toList();
			if (!roles.isEmpty()) {
				context.getClaims().claim("roles", roles);
			}
		};
	}
}
