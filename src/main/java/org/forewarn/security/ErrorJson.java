package org.forewarn.security;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The error body the filters write before a request reaches Spring MVC, shaped like Spring Boot's own. */
final class ErrorJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ErrorJson() {
	}

	static String of(int status, String error, String message, String path) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status);
		body.put("error", error);
		body.put("message", message);
		body.put("path", path);
		return JSON.writeValueAsString(body);
	}
}
