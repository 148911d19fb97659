package org.forewarn.shared;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The line named for a file that is not UTF-8 is the line of its first bad byte, whatever its line endings. */
class Utf8TextTest {

	@Test
	void utf8TextHasNoBadLine() {
		assertThat(Utf8Text.firstLineNotUtf8("pr\u00e9vu\r\n\u00e7a \uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8)))
			.isZero();
		assertThat(Utf8Text.firstLineNotUtf8(new byte[0])).isZero();
	}

	@Test
	void theBadBytesLineIsCountedWithLfCrlfOrCrEndings() {
		assertThat(Utf8Text.firstLineNotUtf8(latin1("a\nb\npr\u00e9vu\n"))).isEqualTo(3);
		assertThat(Utf8Text.firstLineNotUtf8(latin1("a\r\nb\r\npr\u00e9vu\r\n"))).isEqualTo(3);
		assertThat(Utf8Text.firstLineNotUtf8(latin1("a\rb\rpr\u00e9vu\r"))).isEqualTo(3);
	}

	@Test
	void aSequenceCutShortAtTheEndIsNotUtf8() {
		byte[] cut = {'o', 'k', '\n', (byte) 0xC3};

		assertThat(Utf8Text.firstLineNotUtf8(cut)).isEqualTo(2);
	}

	private static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}
}
