package org.forewarn.rules;

import static org.forewarn.rules.Events.activity;
import static org.forewarn.rules.Events.cancelRequested;
import static org.forewarn.rules.Events.customer;
import static org.forewarn.rules.Events.delivered;
import static org.forewarn.rules.Events.feedback;
import static org.forewarn.rules.Events.orderPlaced;
import static org.forewarn.rules.Events.planChanged;
import static org.forewarn.rules.Events.ticketOpened;
import static org.forewarn.rules.OutreachCheck.expect;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** rules/churn.drl: each signal of a customer drifting away opens one follow-up task for a person. */
@ExtendWith(ReplayContextExtension.class)
class ChurnRulesScenarioTest {

	static final String LOW_RATING = "churn-low-rating";
	static final String CANCEL = "churn-cancel-requested";
	static final String DOWNGRADE = "churn-downgrade-after-ticket";
	static final String SLIDING = "churn-usage-sliding";
	static final String REPEATED_LATE = "churn-repeated-late";

	@BeforeEach
	void knownCustomer(Scenario s) {
		s.at(s.day(0, 9), customer(true));
	}

	@Test
	void lowRatingOpensATask(Scenario s) {
		s.at(s.day(0, 10), feedback(1, "csat5"));

		expect(s.only()).decided(LOW_RATING, "churn.risk", null)
			.by("task", "churn_low_rating")
			.decidedAt(s.day(0, 10))
			.taskOpened(s.day(0, 10));
	}

	@Test
	void goodRatingIsNoSignal(Scenario s) {
		s.at(s.day(0, 10), feedback(4, "csat5"), feedback(8, "nps10"));

		s.expectNoOutreach();
	}

	@Test
	void cancellationRequestOpensATask(Scenario s) {
		s.at(s.day(0, 10), cancelRequested());

		expect(s.only()).decided(CANCEL, "churn.risk", null)
			.by("task", "churn_cancel_requested")
			.taskOpened(s.day(0, 10));
	}

	@Test
	void downgradeAfterASupportTicketOpensATask(Scenario s) {
		s.at(s.day(0, 10), ticketOpened("T-1"));
		s.at(s.day(3, 10), planChanged("pro", "basic", "downgrade"));

		expect(s.only()).decided(DOWNGRADE, "churn.risk", null)
			.by("task", "churn_downgrade_after_ticket")
			.taskOpened(s.day(3, 10));
	}

	@Test
	void downgradeWithoutATicketOrUpgradeAfterOneIsNoSignal(Scenario s) {
		s.at(s.day(0, 10), planChanged("pro", "basic", "downgrade"));
		s.at(s.day(1, 10), ticketOpened("T-1")); // the ticket came after the downgrade
		s.at(s.day(2, 10), planChanged("basic", "pro", "upgrade"));

		s.expectNoOutreach();
	}

	@Test
	void usageFallingBelowHalfOfItsAverageOpensATask(Scenario s) {
		s.at(s.day(0, 10), activity("logins", 10));
		s.at(s.day(7, 10), activity("logins", 12));
		s.at(s.day(14, 10), activity("logins", 8));
		s.at(s.day(21, 10), activity("logins", 4)); // 4 against an average of 10

		expect(s.only()).decided(SLIDING, "churn.risk", null)
			.by("task", "churn_usage_sliding")
			.taskOpened(s.day(21, 10));
	}

	@Test
	void usageDipWithTooFewReadingsOrAboveHalfIsNoSignal(Scenario s) {
		s.at(s.day(0, 10), activity("logins", 10), activity("sessions", 10));
		s.at(s.day(7, 10), activity("logins", 10), activity("sessions", 10));
		s.at(s.day(14, 10), activity("logins", 2)); // only three readings of logins
		s.at(s.day(14, 10), activity("sessions", 10));
		s.at(s.day(21, 10), activity("sessions", 6)); // four readings, but 6 is above half of 10

		s.expectNoOutreach();
	}

	@Test
	void secondLateDeliveryWithinHalfAYearOpensATask(Scenario s) {
		s.at(s.day(0, 10), orderPlaced("o1").promisedBy(s.day(2, 10)), orderPlaced("o2").promisedBy(s.day(3, 10)));
		s.at(s.day(4, 10), delivered("o1"));
		s.expectNoOutreach(REPEATED_LATE); // one late delivery is bad luck (shipment.late told the customer)

		s.at(s.day(5, 10), delivered("o2"));
		expect(s.only(REPEATED_LATE)).decided(REPEATED_LATE, "churn.risk", null)
			.by("task", "churn_repeated_problems")
			.taskOpened(s.day(5, 10));
	}
}
