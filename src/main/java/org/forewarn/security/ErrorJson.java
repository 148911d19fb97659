package org.forewarn.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The error the filters answer before a request reaches Spring MVC: an RFC 9457 problem, like the controllers',
 * naming the request header at fault.
 */
final class ErrorJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorJson() {
	}

	static String of(int status, String title, String detail, String path, String header) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", path);
		if (header != null) {
			body.put("header", header);
		}
		return JSON.writeValueAsString(body);
	}

	static void write(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(body);
	}

	/** 403 for a signed-in caller without the endpoint's role. */
	static AccessDeniedHandler accessDenied() {
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) -> write(
				response, HttpServletResponse.SC_FORBIDDEN, of(403, "Forbidden", "the roles of this account do not "
						+ "allow " + request.getMethod() + " " + request.getRequestURI(), request.getRequestURI(),
						null));
	}
}
