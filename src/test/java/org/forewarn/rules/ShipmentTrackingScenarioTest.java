package org.forewarn.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.forewarn.rules.Events.customer;
import static org.forewarn.rules.Events.orderCancelled;
import static org.forewarn.rules.Events.orderPlaced;
import static org.forewarn.rules.Events.scanned;
import static org.forewarn.rules.Events.shipmentException;
import static org.forewarn.rules.Events.shipped;
import static org.forewarn.rules.OutreachCheck.expect;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.StatusChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** rules/shipments.drl, shipment.stalled and shipment.exception: what the carrier reports on the way. */
@ExtendWith(ReplayContextExtension.class)
class ShipmentTrackingScenarioTest {

	static final String STALLED = "shipment-stalled-notice";
	static final String ADDRESS = "shipment-exception-address";
	static final String DAMAGED = "shipment-exception-replace";
	static final String DELAYED = "shipment-exception-delay";

	/** Every scenario: an order shipped on day 1 at 08:00 and first scanned at 12:00; the promise is far away. */
	@BeforeEach
	void shippedAndScanned(Scenario s) {
		s.at(s.day(0, 10), customer(true),
				orderPlaced("o1").shipBy(s.day(1, 10)).promisedBy(s.day(14, 10)));
		s.at(s.day(1, 8), shipped("o1"));
		s.at(s.day(1, 12), scanned("o1", "Leipzig hub"));
	}

	@Test
	void fortyEightHoursWithoutAScanEmailsThen(Scenario s) {
		s.advanceTo(s.day(3, 11, 59));
		s.expectNoOutreach();

		s.advanceTo(s.day(3, 14));
		expect(s.only()).decided(STALLED, "shipment.stalled", "o1")
			.by("email", "shipment_stalled")
			.decidedAt(s.day(3, 12))
			.sent(s.day(3, 12));
	}

	@Test
	void aNewScanWithinFortyEightHoursKeepsItQuiet(Scenario s) {
		s.at(s.day(3, 9), scanned("o1", "Berlin depot"));

		s.advanceTo(s.day(5, 8)); // past the first scan's 48 hours, not the second's
		s.expectNoOutreach();
	}

	@Test
	void weatherWaitsFourHoursThenEmails(Scenario s) {
		s.at(s.day(2, 8), shipmentException("o1", "weather"));

		expect(s.only()).decided(DELAYED, "shipment.exception", "o1")
			.by("email", "shipment_exception_delay")
			.decidedAt(s.day(2, 8)).sendAt(s.day(2, 12))
			.scheduled();

		s.advanceTo(s.day(2, 13));
		expect(s.only()).sent(s.day(2, 12));
	}

	@Test
	void weatherCancelledWhenTheParcelMovesAgainFirst(Scenario s) {
		s.at(s.day(2, 8), shipmentException("o1", "weather"));
		s.at(s.day(2, 10), scanned("o1", "Berlin depot")); // a scan clears the exception

		s.advanceTo(s.day(2, 13)); // past the send time: nothing may go out now
		Outreach record = s.only();
		expect(record).decided(DELAYED, "shipment.exception", "o1")
			.sendAt(s.day(2, 12))
			.cancelled("resolved: shipment.scanned");
		assertThat(s.history(record)).extracting(StatusChange::status, StatusChange::at).containsExactly(
				tuple(OutreachStatus.SCHEDULED, s.day(2, 8)), tuple(OutreachStatus.CANCELLED, s.day(2, 10)));
	}

	@Test
	void delayCancelledWhenTheOrderIsCancelledFirst(Scenario s) {
		s.at(s.day(2, 8), shipmentException("o1", "customs"));
		s.at(s.day(2, 9), orderCancelled("o1")); // nothing left to deliver: no "still on its way" email

		s.advanceTo(s.day(2, 13));
		expect(s.only()).decided(DELAYED, "shipment.exception", "o1")
			.sendAt(s.day(2, 12))
			.cancelled("resolved: order.cancelled");
	}

	@Test
	void weatherEmailCalledOffWhenTheParcelTurnsOutDamaged(Scenario s) {
		s.at(s.day(2, 8), shipmentException("o1", "weather"));
		s.at(s.day(2, 10), shipmentException("o1", "damaged")); // a person takes over; "still on its way" is wrong now

		s.advanceTo(s.day(2, 13));
		expect(s.only(DELAYED)).sendAt(s.day(2, 12)).cancelled("resolved: shipment.exception");
		expect(s.only(DAMAGED)).taskOpened(s.day(2, 10));
	}

	@Test
	void addressProblemOfACancelledOrderAsksNothing(Scenario s) {
		s.at(s.day(2, 7), orderCancelled("o1"));
		s.at(s.day(2, 8), shipmentException("o1", "address_issue")); // e.g. on its way back

		s.advanceTo(s.day(2, 13));
		s.expectNoOutreach();
	}

	@Test
	void damagedParcelOpensATaskForAPerson(Scenario s) {
		s.at(s.day(2, 8), shipmentException("o1", "damaged"));

		expect(s.only()).decided(DAMAGED, "shipment.exception", "o1")
			.by("task", "shipment_exception_replace")
			.sendAt(s.day(2, 8))
			.taskOpened(s.day(2, 8));
	}

	@Test
	void addressProblemAsksTheCustomerAtOnce(Scenario s) {
		s.at(s.day(2, 8), shipmentException("o1", "address_issue"));

		expect(s.only()).decided(ADDRESS, "shipment.exception", "o1")
			.by("email", "shipment_exception_address")
			.sendAt(s.day(2, 8))
			.sent(s.day(2, 8));
	}
}
