package org.forewarn.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.rules.Events.customer;
import static org.forewarn.rules.Events.orderPaid;
import static org.forewarn.rules.Events.orderPlaced;
import static org.forewarn.rules.Events.paymentFailed;
import static org.forewarn.rules.Events.shipped;
import static org.forewarn.rules.OutreachCheck.expect;

import org.forewarn.engine.IntakeResult;
import org.forewarn.outreach.Outreach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** rules/orders.drl, order.not_shipped; plus what holds for every rule: consent, duplicate events, dedupe keys. */
@ExtendWith(ReplayContextExtension.class)
class OrderRulesScenarioTest {

	static final String NOT_SHIPPED = "order-not-shipped-notice";
	static final String HARD_DECLINE = "payment-failed-hard";

	@Test
	void notShippedADayAfterShipByEmailsAtTheEndOfTheGrace(Scenario s) {
		s.at(s.day(0, 10), customer(true), orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(9, 10)));

		s.advanceTo(s.day(2, 9, 59));
		s.expectNoOutreach(); // one day of grace after shipBy

		s.advanceTo(s.day(2, 12));
		expect(s.only()).decided(NOT_SHIPPED, "order.not_shipped", "o1")
			.by("email", "order_not_shipped")
			.decidedAt(s.day(2, 10)).sendAt(s.day(2, 10))
			.sent(s.day(2, 10));
	}

	@Test
	void shippedBeforeTheGraceEndsNeedsNoOutreach(Scenario s) {
		s.at(s.day(0, 10), customer(true), orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(9, 10)));
		// late against shipBy, but within the day of grace
		s.at(s.day(2, 9), shipped("o1"));

		s.advanceTo(s.day(3, 12));
		s.expectNoOutreach();
	}

	@Test
	void customerWithoutEmailConsentIsSuppressed(Scenario s) {
		s.at(s.day(0, 10), customer(false), orderPlaced("o1").shipBy(s.day(1, 10)));

		s.advanceTo(s.day(2, 12));
		expect(s.only()).decided(NOT_SHIPPED, "order.not_shipped", "o1")
			.by("email", "order_not_shipped")
			.sendAt(s.day(2, 10))
			.suppressed("no email consent");
	}

	@Test
	void theSameEventTwiceIsADuplicateAndActedOnOnce(Scenario s) {
		s.at(s.day(0, 10), customer(true), orderPlaced("o1"));
		Events.Draft decline = paymentFailed("o1", true).id("decline-1");

		IntakeResult first = s.feed(s.day(0, 11), decline);
		IntakeResult again = s.feed(s.day(0, 11), decline);

		assertThat(first.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
		assertThat(again.status()).isEqualTo(IntakeResult.Status.DUPLICATE);
		expect(s.only()).decided(HARD_DECLINE, "payment.failed", "o1")
			.by("email", "payment_failed_hard")
			.sent(s.day(0, 11));
	}

	@Test
	void aRuleMatchingAgainOnLaterEventsNeverCreatesASecondRecord(Scenario s) {
		s.at(s.day(0, 10), customer(true), orderPlaced("o1").shipBy(s.day(1, 10)));
		s.advanceTo(s.day(2, 10));
		Outreach first = s.only();

		// still not shipped: the rule matches again on each of these
		s.at(s.day(2, 11), customer(true));
		s.at(s.day(3, 9), orderPaid("o1"));
		s.at(s.day(5, 9), orderPlaced("o2"));

		Outreach after = s.only(NOT_SHIPPED);
		assertThat(after).isEqualTo(first);
		assertThat(s.history(after)).extracting(h -> h.status().name()).containsExactly("SCHEDULED", "SENT");
	}
}
