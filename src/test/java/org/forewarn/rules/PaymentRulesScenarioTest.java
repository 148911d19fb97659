package org.forewarn.rules;

import static org.forewarn.rules.Events.customer;
import static org.forewarn.rules.Events.orderPaid;
import static org.forewarn.rules.Events.paymentFailed;
import static org.forewarn.rules.OutreachCheck.expect;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** rules/orders.drl, payment.failed: a hard decline at once, a soft one only after the provider's retry day. */
@ExtendWith(ReplayContextExtension.class)
class PaymentRulesScenarioTest {

	static final String HARD = "payment-failed-hard";
	static final String SOFT = "payment-failed-soft";

	/** An order without shipping deadlines, so only the payment rules have anything to say. */
	@BeforeEach
	void anOrderWithoutDeadlines(Scenario s) {
		s.at(s.day(0, 10), customer(true), Events.orderPlaced("o1"));
	}

	@Test
	void hardDeclineEmailsAtOnce(Scenario s) {
		s.at(s.day(0, 10, 5), paymentFailed("o1", true));

		expect(s.only()).decided(HARD, "payment.failed", "o1")
			.by("email", "payment_failed_hard")
			.decidedAt(s.day(0, 10, 5)).sendAt(s.day(0, 10, 5))
			.sent(s.day(0, 10, 5));
	}

	@Test
	void softDeclinePaidWithinTheRetryDayNeedsNoOutreach(Scenario s) {
		s.at(s.day(0, 10, 5), paymentFailed("o1", false));
		s.at(s.day(0, 22), orderPaid("o1")); // the provider's retry went through

		s.advanceTo(s.day(2, 12));
		s.expectNoOutreach();
	}

	@Test
	void softDeclineStillUnpaidAfterTheRetryDayEmailsThen(Scenario s) {
		s.at(s.day(0, 10, 5), paymentFailed("o1", false));

		s.advanceTo(s.day(1, 10, 4));
		s.expectNoOutreach();

		s.advanceTo(s.day(1, 12));
		expect(s.only()).decided(SOFT, "payment.failed", "o1")
			.by("email", "payment_failed_soft")
			.decidedAt(s.day(1, 10, 5))
			.sent(s.day(1, 10, 5));
	}

	@Test
	void paidBeforeTheFailureDoesNotCountAsPaid(Scenario s) {
		// an earlier payment, then a soft decline of a later charge: still outstanding
		s.at(s.day(0, 10, 1), orderPaid("o1"));
		s.at(s.day(0, 10, 5), paymentFailed("o1", false));

		s.advanceTo(s.day(1, 12));
		expect(s.only()).decided(SOFT, "payment.failed", "o1").sent(s.day(1, 10, 5));
	}
}
