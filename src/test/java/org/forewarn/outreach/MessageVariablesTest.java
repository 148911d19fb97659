package org.forewarn.outreach;

import java.time.Instant;

import org.forewarn.customer.CustomerState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The placeholders {@code validate} accepts are exactly the values a message carries. */
class MessageVariablesTest {

	@Test
	void namesAreTheValuesAMessageCarries() {
		Outreach sms = new Outreach("o-1", "c1", "o1", "rule", "v", "shipment.late", "sms", "shipment_late",
				Instant.EPOCH, Instant.EPOCH, OutreachStatus.SCHEDULED, null, null, "", null, null, null, null);

		assertThat(new MessageVariables(null).message(sms, new CustomerState("c1"), null).variables().keySet())
			.containsExactlyInAnyOrderElementsOf(MessageVariables.NAMES);
	}
}
