package org.forewarn.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ana@example.com", "ana.souza+orders@example.com", "josé@exemplo.com.br",
			"用户@例子.广告", "o'brien@example.ie", "a_b-c!#$%&*=?^`{|}~/@sub.example.co.uk", "x@localhost",
			"UPPER@EXAMPLE.COM", "emoji😀@example.com" })
	void acceptsWhatRealAddressesLookLike(String address) {
		assertThat(EmailAddresses.problem(address)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			not an email                      | needs exactly one @
			x@y@z                             | needs exactly one @
			@example.com                      | needs a name before the @
			ana@                              | needs a name before the @ and a domain after it
			ana souza@example.com             | a space at position 3
			<yy@example.com>                  | '<' at position 0
			Ana <ana@example.com>             | a space at position 3
			ana@example.com,bob@example.com   | needs exactly one @
			ana;bob@example.com               | ';' at position 3
			"ana"@example.com                 | '"' at position 0
			ana@[192.0.2.1]                   | '[' at position 4
			ana@example..com                  | an empty label in the domain
			ana@.example.com                  | an empty label in the domain
			ana@example.com.                  | an empty label in the domain
			""")
	void refusesWhatCannotBeOne(String address, String problem) {
		assertThat(EmailAddresses.problem(address)).startsWith(problem);
	}

	@Test
	void refusesControlCharactersLineBreaksAndLoneSurrogates() {
		assertThat(EmailAddresses.problem("a@b\r\nBcc: victim@example.com")).isEqualTo("needs exactly one @");
		assertThat(EmailAddresses.problem("a@b.example\r\nX-Extra: 1")).isEqualTo(
				"a control character at position 11");
		assertThat(EmailAddresses.problem("a\u0000@b.example")).isEqualTo("a control character at position 1");
		assertThat(EmailAddresses.problem("a\u00a0b@b.example")).isEqualTo("a space at position 1");
		assertThat(EmailAddresses.problem("a\ud800@b.example")).isEqualTo(
				"half of a surrogate pair alone at position 1");
		assertThat(EmailAddresses.problem("a@b.example\udc00")).isEqualTo(
				"half of a surrogate pair alone at position 11");
	}

	@Test
	void refusesMoreThan254Characters() {
		String domain = "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".example";
		String longest = "a".repeat(EmailAddresses.MAX - domain.length()) + domain;
		assertThat(EmailAddresses.problem(longest)).isNull();
		assertThat(EmailAddresses.problem("a" + longest)).isEqualTo("longer than 254 characters");
	}
}
