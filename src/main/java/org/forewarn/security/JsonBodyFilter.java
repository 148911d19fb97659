package org.forewarn.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API takes JSON bodies only: a POST, PUT or PATCH whose body is declared as anything else (a form,
 * {@code text/plain}: what a page elsewhere can make a browser send) is answered 415. A request without a body
 * needs no content type. The one exception is a CSV import ({@code text/csv} to {@link #CSV_PATHS}). Runs after
 * sign-in and authorization, so a stranger learns nothing from it.
 */
final class JsonBodyFilter extends OncePerRequestFilter {

	private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
	/** Endpoints whose body is a CSV file. */
	private static final Set<String> CSV_PATHS = Set.of("/api/suppressions/import");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!WITH_BODY.contains(request.getMethod()) || isJsonOrEmpty(request) || isCsvImport(request)) {
			chain.doFilter(request, response);
			return;
		}
		String type = request.getContentType();
		ErrorJson.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorJson.of(415,
				"Unsupported Media Type", "Content-Type: " + (type == null ? "missing" : "'" + type + "' is not accepted")
						+ "; send the body as application/json", request.getRequestURI(), "Content-Type"));
	}

	private static boolean isCsvImport(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || !CSV_PATHS.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
			return false;
		}
		try {
			return MediaType.parseMediaType(type).equalsTypeAndSubtype(MediaType.parseMediaType("text/csv"));
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	private static boolean isJsonOrEmpty(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || type.isBlank()) {
			return request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(media)
					|| "application".equals(media.getType()) && media.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}
}
