package org.forewarn.customer;

import java.time.Instant;

import org.forewarn.event.EventParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events that arrive after later ones (a client sending again what failed, a carrier's feed catching up) fold into
 * the state by their own time: an older consent or profile field never undoes a newer one, a late scan neither hides a newer one
 * nor clears an exception reported after it, and an exception older than the newest scan or the delivery is over
 * already.
 */
class OutOfOrderFoldTest {

	private final CustomerState state = new CustomerState("c1");

	@Test
	void anOlderConsentDoesNotUndoANewerOne() {
		apply("customer.updated", "2026-03-05T10:00:00Z", null, "{\"consent\":{\"email\":false,\"sms\":true}}");
		apply("customer.updated", "2026-03-05T08:00:00Z", null,
				"{\"name\":\"Ana\",\"consent\":{\"email\":true,\"sms\":false}}");

		assertThat(state.customer().isEmailConsent()).isFalse();
		assertThat(state.customer().isSmsConsent()).isTrue();
		assertThat(state.customer().getName()).as("the rest of the profile as processed").isEqualTo("Ana");

		apply("customer.updated", "2026-03-05T11:00:00Z", null, "{\"consent\":{\"email\":true}}");
		assertThat(state.customer().isEmailConsent()).isTrue();
	}

	/**
	 * A consent stamped a little ahead of the clock (intake allows some skew) must not outlive the customer's STOP or
	 * unsubscribe heard after it, stamped by the clock; an update older than that consent still changes nothing.
	 */
	@Test
	void anOptOutHeardAfterAConsentStampedAheadTurnsItOff() {
		apply("customer.updated", "2026-03-05T10:04:00Z", null, "{\"consent\":{\"email\":true,\"sms\":true}}");
		apply("customer.updated", "2026-03-05T10:00:00Z", null,
				"{\"consent\":{\"sms\":false},\"source\":\"inbound SMS STOP\"}");
		assertThat(state.customer().isSmsConsent()).isFalse();
		assertThat(state.customer().isEmailConsent()).isTrue();

		apply("customer.updated", "2026-03-05T10:02:00Z", null, "{\"consent\":{\"sms\":true}}");
		assertThat(state.customer().isSmsConsent()).as("older than the consent the opt-out overrode").isFalse();
		apply("customer.updated", "2026-03-05T10:01:00Z", null, "{\"consent\":{\"email\":false}}");
		assertThat(state.customer().isEmailConsent()).as("not an opt-out: older, so no change").isTrue();
		apply("customer.updated", "2026-03-05T10:05:00Z", null, "{\"consent\":{\"sms\":true}}");
		assertThat(state.customer().isSmsConsent()).as("given again later").isTrue();
	}

	@Test
	void anOlderProfileFieldDoesNotReplaceANewerOneAlsoAfterTheStateIsStored() throws Exception {
		apply("customer.updated", "2026-03-05T10:00:00Z", null,
				"{\"email\":\"new@example.com\",\"timeZone\":\"Europe/Lisbon\"}");
		apply("customer.updated", "2026-03-05T08:00:00Z", null,
				"{\"email\":\"old@example.com\",\"phone\":\"+351910000000\",\"timeZone\":\"UTC\"}");

		Customer customer = state.customer();
		assertThat(customer.getEmail()).isEqualTo("new@example.com");
		assertThat(customer.getTimeZone()).isEqualTo("Europe/Lisbon");
		assertThat(customer.getPhone()).as("never set by a newer update").isEqualTo("+351910000000");

		CustomerState stored = CustomerStateStore.JSON.readValue(CustomerStateStore.JSON.writeValueAsString(state),
				CustomerState.class);
		CustomerStateReducer.apply(stored, EventParser.parse("{\"id\":\"late\",\"type\":\"customer.updated\","
				+ "\"time\":\"2026-03-05T09:00:00Z\",\"customerId\":\"c1\",\"data\":{\"email\":\"old@example.com\","
				+ "\"phone\":\"+351920000000\"}}"));
		assertThat(stored.customer().getEmail()).isEqualTo("new@example.com");
		assertThat(stored.customer().getPhone()).isEqualTo("+351920000000");
	}

	@Test
	void aPhoneIsKeptInE164AndABlankOneSaysThereIsNone() {
		apply("customer.updated", "2026-03-05T10:00:00Z", null, "{\"phone\":\"+55 (11) 91234-5678\"}");
		assertThat(state.customer().getPhone()).isEqualTo("+5511912345678");
		assertThat(CustomerStateStore.phoneKey(state.customer().getPhone())).isEqualTo("+5511912345678");

		CustomerStateReducer.apply(state, EventParser.parseInternal("{\"id\":\"stored\",\"type\":\"customer.updated\","
				+ "\"time\":\"2026-03-05T10:30:00Z\",\"customerId\":\"c1\",\"data\":{\"phone\":\"(11) 91234-5678\"}}"));
		assertThat(state.customer().getPhone()).as("stored before phones were checked: kept as written")
			.isEqualTo("(11) 91234-5678");
		assertThat(CustomerStateStore.phoneKey(state.customer().getPhone())).isNull();

		apply("customer.updated", "2026-03-05T11:00:00Z", null, "{\"phone\":\"\"}");
		assertThat(state.customer().getPhone()).isEmpty();
		assertThat(CustomerStateStore.phoneKey(state.customer().getPhone())).isNull();
	}

	@Test
	void aLateScanTakesItsPlaceInTime() {
		shipped();
		scan("2026-03-04T00:00:00Z");
		scan("2026-03-05T20:00:00Z");
		scan("2026-03-04T12:00:00Z");

		Shipment shipment = state.shipment("o1");
		assertThat(shipment.getLastScanAt()).isEqualTo(Instant.parse("2026-03-05T20:00:00Z"));
		assertThat(shipment.getScans()).extracting(Scan::at).isSorted();
	}

	@Test
	void aScanClearsOnlyAnExceptionReportedBeforeIt() {
		shipped();
		exception("2026-03-05T10:00:00Z", "weather");
		scan("2026-03-05T09:00:00Z");
		assertThat(state.shipment("o1").getExceptionCode()).isEqualTo("weather");

		scan("2026-03-05T11:00:00Z");
		assertThat(state.shipment("o1").getExceptionCode()).isNull();

		exception("2026-03-05T10:30:00Z", "customs");
		assertThat(state.shipment("o1").getExceptionCode()).as("older than the newest scan: over already").isNull();
	}

	@Test
	void anOlderExceptionDoesNotReplaceTheOneOpenNow() {
		shipped();
		exception("2026-03-06T10:00:00Z", "customs");
		exception("2026-03-05T10:00:00Z", "weather");

		assertThat(state.shipment("o1").getExceptionCode()).isEqualTo("customs");
		assertThat(state.shipment("o1").getExceptionAt()).isEqualTo(Instant.parse("2026-03-06T10:00:00Z"));
	}

	@Test
	void anExceptionFromBeforeTheDeliveryDoesNotReopenIt() {
		shipped();
		apply("order.delivered", "2026-03-06T12:00:00Z", "o1", "{}");
		exception("2026-03-06T11:00:00Z", "damaged");

		assertThat(state.shipment("o1").getExceptionCode()).isNull();
	}

	private void shipped() {
		apply("order.placed", "2026-03-01T10:00:00Z", "o1", "{\"promisedBy\":\"2026-03-10T00:00:00Z\"}");
		apply("order.shipped", "2026-03-02T10:00:00Z", "o1", "{\"carrier\":\"DHL\"}");
	}

	private void scan(String at) {
		apply("shipment.scanned", at, "o1", "{\"location\":\"hub\",\"status\":\"in transit\"}");
	}

	private void exception(String at, String code) {
		apply("shipment.exception", at, "o1", "{\"code\":\"" + code + "\"}");
	}

	private int events;

	private void apply(String type, String time, String orderId, String data) {
		CustomerStateReducer.apply(state, EventParser.parse("{\"id\":\"e" + events++ + "\",\"type\":\"" + type
				+ "\",\"time\":\"" + time + "\",\"customerId\":\"c1\""
				+ (orderId == null ? "" : ",\"orderId\":\"" + orderId + "\"") + ",\"data\":" + data + "}"));
	}
}
