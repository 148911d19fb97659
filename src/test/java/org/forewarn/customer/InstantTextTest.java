package org.forewarn.customer;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/** A state's instants are written exactly as {@link Instant#toString()} writes them, as they are read back. */
class InstantTextTest {

	private static final JsonMapper WITH = JsonMapper.builder()
		.addModule(new SimpleModule().addSerializer(Instant.class, new InstantText())).build();
	private static final JsonMapper WITHOUT = JsonMapper.builder().build();

	@Test
	void everyPrecisionAndDayOfFourMillenniaIsWrittenAsInstantWritesIt() {
		Random random = new Random(20261204);
		long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long end = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		int[] precisions = { 0, 1_000_000, 1000, 1 };
		for (int i = 0; i < 200_000; i++) {
			long seconds = first + (long) (random.nextDouble() * (end - first));
			int unit = precisions[i % precisions.length];
			int nanos = unit == 0 ? 0 : random.nextInt(1_000_000_000 / unit) * unit;
			assertWrittenAsInstantWritesIt(Instant.ofEpochSecond(seconds, nanos));
		}
	}

	@Test
	void theEdgesOfTheFastPathAndBeyondIt() {
		for (String text : new String[] { "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
				"-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.9Z",
				"2024-02-29T12:00:00.000001Z", "2026-12-04T21:40:00.120Z", "2026-12-04T21:40:00.000000001Z" }) {
			assertWrittenAsInstantWritesIt(Instant.parse(text));
		}
		assertWrittenAsInstantWritesIt(Instant.MIN);
		assertWrittenAsInstantWritesIt(Instant.MAX);
	}

	@Test
	void whatItWritesIsReadBackAsTheSameInstant() {
		Instant at = Instant.parse("2017-03-21T18:22:48.123456Z");
		assertThat(WITHOUT.readValue(WITH.writeValueAsString(at), Instant.class)).isEqualTo(at);
	}

	private static void assertWrittenAsInstantWritesIt(Instant instant) {
		assertThat(WITH.writeValueAsString(instant)).isEqualTo('"' + instant.toString() + '"')
			.isEqualTo(WITHOUT.writeValueAsString(instant));
	}
}
