package org.forewarn.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventParserTest {

	@Test
	void parsesAValidEventKeepingUnknownDataFields() {
		Event event = EventParser.parse("""
				{"id":"e1","type":"order.placed","time":"2017-10-02T10:56:33-03:00","customerId":"c1","orderId":"o1",
				 "data":{"promisedBy":"2017-10-20T00:00:00-03:00","giftWrap":true}}""");

		assertThat(event.type()).isEqualTo("order.placed");
		assertThat(event.instant()).hasToString("2017-10-02T13:56:33Z");
		assertThat(event.instant("promisedBy")).hasToString("2017-10-20T03:00:00Z");
		assertThat(event.bool("giftWrap")).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			not JSON              | {"id":                                                                              | event: not valid JSON
			not an object         | [1,2]                                                                               | event: must be a JSON object
			missing id            | {"type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"} | id: required
			missing type          | {"id":"e","time":"2017-10-02T10:56:33Z","customerId":"c"}                           | type: required
			unknown type          | {"id":"e","type":"order.teleported","time":"2017-10-02T10:56:33Z","customerId":"c"} | type: unknown event type 'order.teleported'
			internal type         | {"id":"e","type":"timer.fired","time":"2017-10-02T10:56:33Z","customerId":"c"}      | type: unknown event type 'timer.fired'
			missing time          | {"id":"e","type":"order.paid","customerId":"c","orderId":"o"}                       | time: required
			time without offset   | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33","customerId":"c","orderId":"o"} | time: '2017-10-02T10:56:33' is not an RFC 3339 time
			missing customer      | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","orderId":"o"}          | customerId: required
			missing order         | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c"}       | orderId: required for order.paid events
			id not a string       | {"id":7,"type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"} | id: must be a non-empty string
			data not an object    | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":3} | data: must be a JSON object
			bad time in data      | {"id":"e","type":"order.placed","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"shipBy":"soon"}} | data.shipBy: 'soon' is not an RFC 3339 time
			bad boolean in data   | {"id":"e","type":"order.payment_failed","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"hard":"yes"}} | data.hard: expected boolean
			missing required data | {"id":"e","type":"shipment.exception","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{}} | data.code: required for shipment.exception events
			bad consent           | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"consent":{"sms":"no"}}} | data.consent.sms: expected boolean
			""")
	void rejectsWithAReasonNamingTheField(String name, String json, String reason) {
		assertThatThrownBy(() -> EventParser.parse(json))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageStartingWith(reason);
	}
}
