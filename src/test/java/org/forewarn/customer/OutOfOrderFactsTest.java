package org.forewarn.customer;

import java.time.Instant;

import org.forewarn.event.EventParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders, parcels and account signals fold by the events' own time, as consent and profile fields do: whatever order
 * the events arrive in, the state is the one their times say. Each case folds the same events in time order and in
 * the order that went wrong, and compares.
 */
class OutOfOrderFactsTest {

	private static final String PLACED = "{\"shipBy\":\"2026-03-06T10:00:00Z\",\"promisedBy\":\"2026-03-08T10:00:00Z\"}";

	private int events;

	@Test
	void aParcelShippedBeforeItsOrderWasHeardOfLearnsThePromiseAndADeliveryAlreadyKnown() {
		CustomerState late = new CustomerState("c1");
		apply(late, "order.shipped", "2026-03-05T12:00:00Z", "o1", "{\"estimatedDelivery\":\"2026-03-10T10:00:00Z\"}");
		apply(late, "order.placed", "2026-03-05T10:00:00Z", "o1", PLACED);
		assertThat(late.shipments().get("o1").getPromisedBy()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
		assertThat(late.shipments().get("o1").isEstimateAfterPromise()).isTrue();

		CustomerState deliveredFirst = new CustomerState("c1");
		apply(deliveredFirst, "order.placed", "2026-03-05T10:00:00Z", "o1", PLACED);
		apply(deliveredFirst, "order.delivered", "2026-03-07T10:00:00Z", "o1", "{}");
		apply(deliveredFirst, "order.shipped", "2026-03-05T12:00:00Z", "o1", "{}");
		apply(deliveredFirst, "shipment.exception", "2026-03-06T10:00:00Z", "o1", "{\"code\":\"damaged\"}");
		Shipment parcel = deliveredFirst.shipments().get("o1");
		assertThat(parcel.isInTransit()).isFalse();
		assertThat(parcel.hasOpenException()).as("older than the delivery").isFalse();
	}

	@Test
	void anOlderDescriptionOrEstimateArrivingLateDoesNotReplaceANewerOne() {
		CustomerState state = new CustomerState("c1");
		apply(state, "order.placed", "2026-03-05T10:00:00Z", "o1", "{\"shipBy\":\"2026-03-07T10:00:00Z\"}");
		apply(state, "order.placed", "2026-03-05T08:00:00Z", "o1", "{\"shipBy\":\"2026-03-04T10:00:00Z\"}");
		assertThat(state.orders().get("o1").getShipBy()).isEqualTo(Instant.parse("2026-03-07T10:00:00Z"));

		apply(state, "shipment.eta_changed", "2026-03-05T14:00:00Z", "o1",
				"{\"estimatedDelivery\":\"2026-03-09T10:00:00Z\"}");
		apply(state, "order.shipped", "2026-03-05T12:00:00Z", "o1",
				"{\"carrier\":\"X\",\"estimatedDelivery\":\"2026-03-12T10:00:00Z\"}");
		apply(state, "shipment.eta_changed", "2026-03-05T13:00:00Z", "o1",
				"{\"estimatedDelivery\":\"2026-03-11T10:00:00Z\"}");
		Shipment parcel = state.shipments().get("o1");
		assertThat(parcel.getEstimatedDelivery()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
		assertThat(parcel.getCarrier()).isEqualTo("X");

		apply(state, "order.payment_failed", "2026-03-05T11:00:00Z", "o1", "{\"hard\":false}");
		apply(state, "order.payment_failed", "2026-03-05T09:00:00Z", "o1", "{\"hard\":true}");
		assertThat(state.orders().get("o1").isPaymentFailureHard()).isFalse();
	}

	@Test
	void aTicketClosedBeforeItsOpeningArrivesStaysClosedAndOneOpenedAgainLaterIsOpen() {
		CustomerState state = new CustomerState("c1");
		apply(state, "account.ticket_closed", "2026-03-05T12:00:00Z", null, "{\"ticketId\":\"T1\"}");
		apply(state, "account.ticket_opened", "2026-03-05T10:00:00Z", null, "{\"ticketId\":\"T1\"}");
		assertThat(state.account().hasOpenTicket()).isFalse();
		assertThat(state.account().getLastTicketOpenedAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));

		apply(state, "account.ticket_opened", "2026-03-05T14:00:00Z", null, "{\"ticketId\":\"T1\"}");
		CustomerState stored = CustomerStateStore.JSON.readValue(CustomerStateStore.JSON.writeValueAsString(state),
				CustomerState.class);
		apply(stored, "account.ticket_closed", "2026-03-05T12:00:00Z", null, "{\"ticketId\":\"T1\"}");
		assertThat(stored.account().getOpenTickets()).as("reopened after that close").containsExactly("T1");
		assertThat(stored.account().getLastTicketOpenedAt()).isEqualTo(Instant.parse("2026-03-05T14:00:00Z"));
	}

	@Test
	void usageReadingsTakeTheirPlaceByTimeAndTheNewestPlanChangeStands() {
		CustomerState state = new CustomerState("c1");
		for (int hour = 10; hour <= 14; hour++) {
			apply(state, "account.activity", "2026-03-05T" + hour + ":00:00Z", null,
					"{\"metric\":\"logins\",\"value\":10}");
		}
		apply(state, "account.activity", "2026-03-05T08:00:00Z", null, "{\"metric\":\"logins\",\"value\":1}");
		ActivityTrend trend = ActivityTrend.of("c1", "logins", state.account().getActivity().get("logins"));
		assertThat(trend.getLatest()).isEqualTo(10.0);

		apply(state, "account.plan_changed", "2026-03-05T12:00:00Z", null, "{\"to\":\"pro\",\"direction\":\"upgrade\"}");
		apply(state, "account.plan_changed", "2026-03-05T10:00:00Z", null,
				"{\"to\":\"basic\",\"direction\":\"downgrade\"}");
		assertThat(state.account().isDowngraded()).isFalse();
		assertThat(state.account().getPlan()).isEqualTo("pro");
	}

	@Test
	void anOrderIdOnAnEventAboutSomethingElseMakesNoOrder() {
		CustomerState state = new CustomerState("c1");
		apply(state, "customer.updated", "2026-03-05T10:00:00Z", "ghost", "{\"name\":\"Ana\"}");
		apply(state, "account.activity", "2026-03-05T10:00:00Z", "ghost-2", "{\"metric\":\"logins\",\"value\":1}");
		assertThat(state.orders()).isEmpty();

		apply(state, "order.placed", "2026-03-05T11:00:00Z", "o1", PLACED);
		apply(state, "account.feedback", "2026-03-05T12:00:00Z", "o1", "{\"score\":2,\"scale\":\"csat5\"}");
		assertThat(state.orders().get("o1").getTimeline()).extracting(TimelineEntry::type)
			.containsExactly("order.placed", "account.feedback");
		assertThat(state.account().getFeedback()).extracting(Feedback::getOrderId).containsExactly("o1");
	}

	private void apply(CustomerState state, String type, String time, String orderId, String data) {
		CustomerStateReducer.apply(state, EventParser.parse("{\"id\":\"e" + events++ + "\",\"type\":\"" + type
				+ "\",\"time\":\"" + time + "\",\"customerId\":\"c1\""
				+ (orderId == null ? "" : ",\"orderId\":\"" + orderId + "\"") + ",\"data\":" + data + "}"));
	}
}
