package org.forewarn.event;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body that is not JSON is told what is wrong with it, not which parser setting refused it. */
class NotJsonMessagesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"id":"a"} {"id":"b"}       | event: not valid JSON (Trailing token (START_OBJECT) found after value)
			{"value":NaN}               | event: not valid JSON (Non-standard token 'NaN')
			{"id":"a" /* note */}       | event: not valid JSON (Unexpected character ('/' (code 47)): maybe a (non-standard) comment?)
			""")
	void saysWhatIsWrongWithoutTheParsersNames(String body, String message) {
		assertThatThrownBy(() -> EventParser.tree(body.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidEventException.class).hasMessage(message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			deep   | Document nesting depth (501) exceeds the maximum allowed (500)
			number | Number value length (1001) exceeds the maximum allowed (1000)
			""")
	void limitsAreNamedByTheirValuesAlone(String what, String message) {
		String body = what.equals("deep") ? "[".repeat(1001) + "]".repeat(1001) : "{\"v\":" + "1".repeat(1001) + "}";

		assertThatThrownBy(() -> EventParser.tree(body.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(InvalidEventException.class).message().contains(message).doesNotContain("`", "Feature");
	}
}
