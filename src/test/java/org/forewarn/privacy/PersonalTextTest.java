package org.forewarn.privacy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is left of stored text once its personal data is gone. */
class PersonalTextTest {

	@Test
	void aPrunedPayloadKeepsTheEnvelopeAndOnlyNonPersonalFields() {
		String pruned = PersonalText.withoutPersonalData("{\"id\":\"e1\",\"type\":\"account.feedback\",\"time\":"
				+ "\"2026-01-05T10:00:00Z\",\"customerId\":\"c1\",\"orderId\":\"o1\",\"data\":{\"score\":2,\"scale\":"
				+ "\"csat5\",\"comment\":\"Ana says no\",\"email\":\"ana@example.com\",\"anything\":\"else\"}}");

		assertThat(pruned).contains("\"id\":\"e1\"", "\"customerId\":\"c1\"", "\"orderId\":\"o1\"", "\"score\":2",
				"\"scale\":\"csat5\"").doesNotContain("Ana", "ana@", "anything");
		assertThat(PersonalText.envelopeOnly(pruned)).contains("\"data\":{}", "\"id\":\"e1\"").doesNotContain("score");
	}

	@Test
	void reasonsLoseNotesAddressesNumbersAndKnownValues() {
		assertThat(PersonalText.scrub("resolved by lea: called Ana at home", List.of())).isEqualTo("resolved by lea");
		assertThat(PersonalText.scrub("rejected by max: not for Ana", List.of())).isEqualTo("rejected by max");
		assertThat(PersonalText.scrub("SMTP 550 5.1.1 <ana.souza@example.com>: no such user", List.of()))
			.isEqualTo("SMTP 550 5.1.1 <[erased]>: no such user");
		assertThat(PersonalText.scrub("Twilio 21211: '+55 11 98765-4321' is not a valid number", List.of()))
			.isEqualTo("Twilio 21211: '[erased]' is not a valid number");
		assertThat(PersonalText.scrub("undeliverable to ANA SOUZA", List.of("Ana Souza", "x")))
			.isEqualTo("undeliverable to [erased]");
		assertThat(PersonalText.scrub("quiet hours", List.of("Ana"))).isEqualTo("quiet hours");
		assertThat(PersonalText.scrub("retry 2 of 5 at 2026-01-05T10:00:00Z", List.of()))
			.as("times are not phone numbers").isEqualTo("retry 2 of 5 at 2026-01-05T10:00:00Z");
		assertThat(PersonalText.scrub(null, List.of())).isNull();
	}

	@Test
	void aPhoneIsKnownAsWrittenAndInE164AsTheStateKeepsIt() {
		List<String> known = new ArrayList<>();
		PersonalText.collectContact(PersonalText.read("{\"phone\":\"0044 20.7946/0018\",\"name\":\"Ana\"}"), known);

		assertThat(known).containsExactly("0044 20.7946/0018", "+442079460018", "Ana");
		assertThat(PersonalText.scrub("unreachable: +442079460018", known)).isEqualTo("unreachable: [erased]");
	}
}
