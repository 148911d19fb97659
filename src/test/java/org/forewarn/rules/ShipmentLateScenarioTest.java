package org.forewarn.rules;

import static org.forewarn.rules.Events.customer;
import static org.forewarn.rules.Events.delivered;
import static org.forewarn.rules.Events.etaChanged;
import static org.forewarn.rules.Events.orderPlaced;
import static org.forewarn.rules.Events.shipped;
import static org.forewarn.rules.OutreachCheck.expect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * rules/shipments.drl, shipment.late: checked a day and a half before the promise and sent a day before it (so
 * quiet hours can move it earlier), or as soon as the carrier's estimate says so.
 */
@ExtendWith(ReplayContextExtension.class)
class ShipmentLateScenarioTest {

	static final String NOT_DELIVERED = "shipment-late-notice";
	static final String ESTIMATE_LATE = "shipment-late-estimate";

	@Test
	void notDeliveredADayBeforeThePromiseEmailsThen(Scenario s) {
		s.at(s.day(0, 10), customer(true),
				orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(5, 10)));
		s.at(s.day(1, 8), shipped("o1")); // on time, no estimate, no scans

		s.advanceTo(s.day(3, 21, 59));
		s.expectNoOutreach();

		s.advanceTo(s.day(3, 23));
		expect(s.only()).decided(NOT_DELIVERED, "shipment.late", "o1")
			.by("email", "shipment_late")
			.decidedAt(s.day(3, 22)).sendAt(s.day(4, 10))
			.scheduled();

		s.advanceTo(s.day(4, 12));
		expect(s.only()).sent(s.day(4, 10));
	}

	@Test
	void deliveredWhileTheMessageWaitsCallsItOff(Scenario s) {
		s.at(s.day(0, 10), customer(true),
				orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(5, 10)));
		s.at(s.day(1, 8), shipped("o1"));
		s.advanceTo(s.day(3, 23)); // checked and waiting to be sent at day 4, 10:00
		s.at(s.day(4, 7), delivered("o1"));

		s.advanceTo(s.day(4, 12));
		expect(s.only()).decided(NOT_DELIVERED, "shipment.late", "o1").cancelled("resolved: order.delivered");
	}

	@Test
	void deliveredBeforeThenNeedsNoOutreach(Scenario s) {
		s.at(s.day(0, 10), customer(true),
				orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(5, 10)));
		s.at(s.day(1, 8), shipped("o1"));
		s.at(s.day(3, 15), delivered("o1"));

		s.advanceTo(s.day(6, 12));
		s.expectNoOutreach();
	}

	@Test
	void carrierEstimateAfterThePromiseAtShippingEmailsRightAway(Scenario s) {
		s.at(s.day(0, 10), customer(true),
				orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(5, 10)));
		s.at(s.day(1, 8), shipped("o1").estimatedDelivery(s.day(6, 18)));

		expect(s.only()).decided(ESTIMATE_LATE, "shipment.late", "o1")
			.by("email", "shipment_late_estimate")
			.decidedAt(s.day(1, 8))
			.sent(s.day(1, 8));

		// the customer already knows: the day-before check must not write a second time
		s.advanceTo(s.day(6, 12));
		expect(s.only()).decided(ESTIMATE_LATE, "shipment.late", "o1");
	}

	@Test
	void estimateChangedToAfterThePromiseEmailsRightAway(Scenario s) {
		s.at(s.day(0, 10), customer(true),
				orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(5, 10)));
		s.at(s.day(1, 8), shipped("o1").estimatedDelivery(s.day(4, 12)));
		s.expectNoOutreach(); // the first estimate keeps the promise

		s.at(s.day(2, 14), etaChanged("o1", s.day(7, 12)));
		expect(s.only()).decided(ESTIMATE_LATE, "shipment.late", "o1")
			.by("email", "shipment_late_estimate")
			.decidedAt(s.day(2, 14))
			.sent(s.day(2, 14));
	}

	@Test
	void aLaterEstimateAddsNoSecondEmailAboutTheSameDelay(Scenario s) {
		s.at(s.day(0, 10), customer(true),
				orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(5, 10)));
		s.at(s.day(1, 8), shipped("o1"));
		s.advanceTo(s.day(4, 12)); // the day-before email went out at day 4, 10:00

		s.at(s.day(4, 14), etaChanged("o1", s.day(7, 12)));

		s.advanceTo(s.day(6, 12));
		expect(s.only()).decided(NOT_DELIVERED, "shipment.late", "o1").sent(s.day(4, 10));
	}
}
