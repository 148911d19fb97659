package org.forewarn.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc3339Test {

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-05T10:00:00Z", "2026-03-05T10:00:00.123Z", "2026-03-05T10:00:00-03:00",
			"2026-03-05T10:00:00.123456789+05:30", "2026-03-05t10:00:00z", "2026-03-05T10:00:00.5-00:00" })
	void takesTheShapesItAllows(String time) {
		assertThat(Rfc3339.problem(time)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"2026-03-05T10:00Z|the seconds are missing",
			"2026-03-05T10:00:00|the offset is missing",
			"2026-03-05T10:00:00+03|the offset '+03' is not Z",
			"2026-03-05T10:00:00+03:00:30|the offset '+03:00:30' is not Z",
			"2026-03-05T10:00:00.Z|the offset '.Z' is not Z",
			"2026-03-05T10:00:00+0300|the offset '+0300' is not Z",
			"2026-03-05T10:00:00ZZ|the offset 'ZZ' is not Z" })
	void namesWhatIsWrongWithTheOthers(String time, String problem) {
		assertThat(Rfc3339.problem(time)).startsWith(problem);
	}
}
