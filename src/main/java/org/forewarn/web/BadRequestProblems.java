package org.forewarn.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.JacksonException;

/**
 * Bad requests answered as RFC 9457 problem details, each naming the request parameter ({@code parameter}) or body
 * field ({@code field}) at fault. POST /api/events reads its own body and answers per event; nothing here reaches it.
 */
@RestControllerAdvice
class BadRequestProblems {

	/** Controllers word their 400 reasons "name: what is wrong"; the name is the parameter. */
	private static final Pattern NAMED_REASON = Pattern.compile("^([A-Za-z][A-Za-z0-9_.]*): ");

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
			return problem("Unreadable body", field + ": " + json.getOriginalMessage(), "field", field);
		}
		String reason = e.getCause() instanceof JacksonException json ? json.getOriginalMessage()
				: "the body is missing or is not JSON";
		return problem("Unreadable body", "body: " + reason + "; send a JSON object", "field", "body");
	}

	@ExceptionHandler(ResponseStatusException.class)
	Object statusWithReason(ResponseStatusException e) throws ResponseStatusException {
		if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value() || e.getReason() == null) {
			throw e; // other statuses keep Spring Boot's error answer
		}
		Matcher named = NAMED_REASON.matcher(e.getReason());
		return named.find() ? problem("Invalid parameter", e.getReason(), "parameter", named.group(1))
				: problem("Bad request", e.getReason(), null, null);
	}

	private static ProblemDetail problem(String title, String detail, String property, String name) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		if (property != null) {
			problem.setProperty(property, name);
		}
		return problem;
	}
}
