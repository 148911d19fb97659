package org.forewarn.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;

import org.forewarn.shared.JsonMessages;

import tools.jackson.core.JacksonException;

/**
 * Errors answered as RFC 9457 problem details, each naming the request parameter ({@code parameter}) or body
 * field ({@code field}) at fault. Spring MVC's own errors (405, 406, 404 for unknown paths ...) are problems too
 * ({@code spring.mvc.problemdetails.enabled}). POST /api/events reads its own body and answers per event; nothing here reaches it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadRequestProblems {

	/** Controllers word their 400 reasons "name: what is wrong"; the name is the parameter. */
	private static final Pattern NAMED_REASON = Pattern.compile("^([A-Za-z][A-Za-z0-9_.]*): ");
	/** Jackson's words for a name given twice in one object (spring.jackson.read.strict-duplicate-detection). */
	private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
		return problem("Invalid parameter", e.getName() + ": '" + e.getValue() + "' is not a valid " + expected,
				"parameter", e.getName());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e) {
		return problem("Missing parameter", e.getParameterName() + ": required " + e.getParameterType()
				+ " parameter is missing", "parameter", e.getParameterName());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			String field = json.getPath().stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
			return problem("Unreadable body", field + ": " + JsonMessages.plain(json), "field", field);
		}
		Matcher duplicate = e.getCause() instanceof JacksonException json
				? DUPLICATE.matcher(String.valueOf(json.getOriginalMessage())) : null;
		if (duplicate != null && duplicate.find()) {
			String field = duplicate.group(1);
			return problem("Unreadable body", field + ": given twice; send each field once", "field", field);
		}
		String reason = e.getCause() instanceof JacksonException json ? JsonMessages.plain(json)
				: "the body is missing or is not JSON";
		return problem("Unreadable body", "body: " + reason + "; send a JSON object", "field", "body");
	}

	/**
	 * A controller's own refusal (400, 404, 409 ...) as a problem. A 400 or 404 reason worded "name: what is wrong"
	 * names the parameter (a 404 so when the path has several variables, or the id came as a query parameter); any
	 * other names the path's one variable, when it has exactly one (the id not found).
	 */
	@ExceptionHandler(ResponseStatusException.class)
	ProblemDetail statusWithReason(ResponseStatusException e, HttpServletRequest request) {
		HttpStatusCode status = e.getStatusCode();
		String reason = e.getReason() == null ? e.getMessage() : e.getReason();
		Matcher named = NAMED_REASON.matcher(reason);
		boolean mayName = status.value() == HttpStatus.BAD_REQUEST.value()
				|| status.value() == HttpStatus.NOT_FOUND.value();
		String parameter = mayName && named.find() ? named.group(1) : onlyPathVariable(request);
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = status.value() == HttpStatus.BAD_REQUEST.value()
				? parameter == null ? "Bad request" : "Invalid parameter"
				: known == null ? "Error" : known.getReasonPhrase();
		return problem(status, title, reason, parameter == null ? null : "parameter", parameter);
	}

	private static String onlyPathVariable(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return variables instanceof Map<?, ?> map && map.size() == 1 ? String.valueOf(map.keySet().iterator().next())
				: null;
	}

	private static ProblemDetail problem(String title, String detail, String property, String name) {
		return problem(HttpStatus.BAD_REQUEST, title, detail, property, name);
	}

	private static ProblemDetail problem(HttpStatusCode status, String title, String detail, String property,
			String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (property != null) {
			problem.setProperty(property, name);
		}
		return problem;
	}
}
