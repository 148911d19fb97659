package org.forewarn.event;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Event times are read exactly as {@link OffsetDateTime#parse(CharSequence)} reads them, whatever the text, but for
 * a leap second, which it cannot read.
 */
class OffsetTimesTest {

	private static final String DIGITS_AND_MORE = "0123456789-+:.TtZz ,/x";

	@Test
	void randomTimesOfEveryCommonShapeReadAsTheGeneralParserReadsThem() {
		Random random = new Random(20261204);
		for (int i = 0; i < 100_000; i++) {
			assertReadAlike(randomTime(random));
		}
	}

	@Test
	void textsOneCharacterAwayFromATimeAreAcceptedOrRejectedAlike() {
		Random random = new Random(42);
		for (int i = 0; i < 100_000; i++) {
			StringBuilder text = new StringBuilder(randomTime(random));
			int at = random.nextInt(text.length());
			switch (random.nextInt(3)) {
				case 0 -> text.setCharAt(at, DIGITS_AND_MORE.charAt(random.nextInt(DIGITS_AND_MORE.length())));
				case 1 -> text.deleteCharAt(at);
				default -> text.insert(at, DIGITS_AND_MORE.charAt(random.nextInt(DIGITS_AND_MORE.length())));
			}
			assertReadAlike(text.toString());
		}
	}

	@Test
	void edgesAndShapesLeftToTheGeneralParser() {
		String[] texts = { "2017-10-02T10:56:33Z", "2017-10-02T10:56:33-03:00", "2017-10-02T10:56:33.1+05:30",
				"2017-10-02T10:56:33.123456789Z", "2017-10-02T10:56:33.1234567891Z", "2017-10-02T10:56:33.Z",
				"2017-10-02t10:56:33z", "2017-10-02T10:56Z", "2017-10-02T10:56:33+01", "2017-10-02T10:56:33+0100",
				"2017-10-02T10:56:33+01:00:30", "2017-10-02T10:56:33-00:00", "2017-10-02T10:56:33+18:00",
				"2017-10-02T10:56:33+18:01", "2017-10-02T10:56:33+05:60", "2016-02-29T00:00:00Z",
				"2017-02-29T00:00:00Z", "2017-13-01T00:00:00Z", "2017-10-02T24:00:00Z", "2017-10-02T23:58:60Z",
				"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
				"2017-10-02 10:56:33Z", "２０17-10-02T10:56:33Z", "2017-10-02T10:56:33", "", "Z" };
		for (String text : texts) {
			assertReadAlike(text);
		}
	}

	@Test
	void aLeapSecondIsReadAsTheSecondBeforeIt() {
		assertThat(OffsetTimes.parse("2016-12-31T23:59:60Z")).isEqualTo(OffsetDateTime.parse("2016-12-31T23:59:59Z"));
		assertThat(OffsetTimes.parse("2016-12-31T20:59:60.5-03:00"))
			.isEqualTo(OffsetDateTime.parse("2016-12-31T20:59:59.5-03:00"));
		assertThatThrownBy(() -> OffsetTimes.parse("2016-12-31T10:00:60Z")).isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> OffsetTimes.parse("2016-12-31T23:59:61Z")).isInstanceOf(DateTimeParseException.class);
	}

	private static void assertReadAlike(String text) {
		OffsetDateTime expected;
		try {
			expected = OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException rejected) {
			assertThatThrownBy(() -> OffsetTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
			return;
		}
		OffsetDateTime read = OffsetTimes.parse(text);
		assertThat(read).as(text).isEqualTo(expected); // the same local time and the same offset
	}

	private static String randomTime(Random random) {
		String fraction = switch (random.nextInt(4)) {
			case 0 -> "";
			case 1 -> "." + pad(random.nextInt(1000), 3);
			case 2 -> "." + pad(random.nextInt(1_000_000), 6);
			default -> "." + pad(random.nextInt(1_000_000_000), 1 + random.nextInt(9));
		};
		String offset = switch (random.nextInt(3)) {
			case 0 -> "Z";
			case 1 -> (random.nextBoolean() ? "+" : "-") + pad(random.nextInt(19), 2) + ":" + pad(random.nextInt(60), 2);
			default -> (random.nextBoolean() ? "+" : "-") + pad(random.nextInt(15), 2) + ":" + (random.nextBoolean()
					? "00" : "30");
		};
		return pad(random.nextInt(10_000), 4) + "-" + pad(1 + random.nextInt(12), 2) + "-"
				+ pad(1 + random.nextInt(31), 2) + "T" + pad(random.nextInt(24), 2) + ":" + pad(random.nextInt(60), 2)
				+ ":" + pad(random.nextInt(60), 2) + fraction + offset;
	}

	private static String pad(int value, int width) {
		String text = Integer.toString(value);
		if (text.length() > width) {
			text = text.substring(text.length() - width);
		}
		return "0".repeat(width - text.length()) + text;
	}
}
