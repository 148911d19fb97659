package org.forewarn.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A body field of the wrong type is told what was expected and what came, in the types' own short names. */
class JsonMessagesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Body(List<String> roles, int count) {
	}

	@Test
	void aFieldOfTheWrongTypeNamesBothTypesWithoutTheirPackages() {
		String roles = plain("{\"roles\":{\"not\":\"a list\"},\"count\":1}");
		String count = plain("{\"roles\":[],\"count\":\"abc\"}");

		assertThat(roles).startsWith("Cannot deserialize value of type ArrayList<String> from Object value")
			.doesNotContain("`", "java.", "tools.");
		assertThat(count).contains("Cannot deserialize value of type int from String \"abc\"")
			.doesNotContain("`", "java.", "tools.");
	}

	private static String plain(String body) {
		return JsonMessages.plain(catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, Body.class)));
	}
}
