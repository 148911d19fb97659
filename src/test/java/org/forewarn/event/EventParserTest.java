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
			time without seconds  | {"id":"e","type":"order.paid","time":"2026-12-06T10:00Z","customerId":"c","orderId":"o"} | time: '2026-12-06T10:00Z' is not an RFC 3339 time with offset: the seconds are missing (hh:mm:ss), e.g. 2017-10-02T10:56:33-03:00
			offset of hours only  | {"id":"e","type":"order.paid","time":"2026-12-06T10:00:00+03","customerId":"c","orderId":"o"} | time: '2026-12-06T10:00:00+03' is not an RFC 3339 time with offset: the offset '+03' is not Z or +hh:mm / -hh:mm
			offset with seconds   | {"id":"e","type":"order.paid","time":"2026-12-06T10:00:00+03:00:30","customerId":"c","orderId":"o"} | time: '2026-12-06T10:00:00+03:00:30' is not an RFC 3339 time with offset: the offset '+03:00:30' is not Z
			data time no seconds  | {"id":"e","type":"order.placed","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"shipBy":"2017-10-03T10:00-03:00"}} | data.shipBy: '2017-10-03T10:00-03:00' is not an RFC 3339 time with offset: the seconds are missing
			second 60 off a leap  | {"id":"e","type":"order.paid","time":"2016-12-31T10:00:60Z","customerId":"c","orderId":"o"} | time: '2016-12-31T10:00:60Z' is not an RFC 3339 time with offset
			missing customer      | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","orderId":"o"}          | customerId: required
			missing order         | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c"}       | orderId: required for order.paid events
			id not a string       | {"id":7,"type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"} | id: must be a non-empty string
			data not an object    | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":3} | data: must be a JSON object
			bad time in data      | {"id":"e","type":"order.placed","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"shipBy":"soon"}} | data.shipBy: 'soon' is not an RFC 3339 time
			bad boolean in data   | {"id":"e","type":"order.payment_failed","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"hard":"yes"}} | data.hard: expected boolean
			missing required data | {"id":"e","type":"shipment.exception","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{}} | data.code: required for shipment.exception events
			bad consent           | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"consent":{"sms":"no"}}} | data.consent.sms: expected boolean
			reserved id prefix    | {"id":"timer-0001","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"} | id: the prefix 'timer-' is reserved
			reserved, other case  | {"id":"TIMER-0001","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"} | id: the prefix 'timer-' is reserved
			control character     | {"id":"e\\u0000","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"} | id: must not contain control characters
			line separator in id  | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o\\u2028Bcc: x"} | orderId: must not contain control characters or line breaks (position 1)
			control in ticketId   | {"id":"e","type":"account.ticket_opened","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"ticketId":"t\\u0007x"}} | data.ticketId: must not contain control characters
			NUL in trackingNumber | {"id":"e","type":"order.shipped","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"trackingNumber":"t\\u0000x"}} | data.trackingNumber: must not contain control characters
			break in feedback's order | {"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"score":3,"orderId":"a\\nb"}} | data.orderId: must not contain control characters
			bad time zone         | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"timeZone":"Mars/Olympus"}} | data.timeZone: 'Mars/Olympus' is not an IANA time zone
			time zone as offset   | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"timeZone":"+03:00"}} | data.timeZone: '+03:00' is not an IANA time zone such as America/Sao_Paulo (an offset
			time zone as UTC+3    | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"timeZone":"UTC+3"}} | data.timeZone: 'UTC+3' is not an IANA time zone
			locale with underscore | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"locale":"pt_BR"}} | data.locale: 'pt_BR' is not a BCP 47 language tag such as pt-BR or en (write 'pt-BR': a dash, not an underscore)
			locale that is no tag | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"locale":"not a locale!!"}} | data.locale: 'not a locale!!' is not a BCP 47 language tag
			phone without country | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"phone":"(11) 91234-5678"}} | data.phone: not an E.164 phone number (+ country code and number, 8 to 15 digits
			phone with letters    | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"phone":"+1 555 CALL NOW"}} | data.phone: not an E.164 phone number
			phone too long        | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"phone":"+1234567890123456"}} | data.phone: not an E.164 phone number
			email without @       | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"email":"not an email"}} | data.email: not an email address (name@domain): needs exactly one @
			email with two @      | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"email":"x@y@z"}} | data.email: not an email address (name@domain): needs exactly one @
			email with a header   | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"email":"a@b\\r\\nBcc: victim@example.com"}} | data.email: not an email address (name@domain)
			email with a break    | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"email":"a@b.example\\r\\n"}} | data.email: not an email address (name@domain): a control character at position 11
			email in brackets     | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"email":"<a@b.example>"}} | data.email: not an email address (name@domain):
			year out of range     | {"id":"e","type":"order.paid","time":"+10000-10-02T10:56:33Z","customerId":"c","orderId":"o"} | time: year 10000 is outside
			data time far ahead   | {"id":"e","type":"order.placed","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"promisedBy":"9999-01-01T00:00:00Z"}} | data.promisedBy: year 9999 is outside
			huge number           | {"id":"e","type":"account.activity","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"metric":"m","value":1e400}} | data.value: must be a finite number
			a name twice          | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","customerId":"d","orderId":"o"} | event: not valid JSON (Duplicate Object property "customerId")
			a name twice in data  | {"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"consent":{"email":false,"email":true}}} | event: not valid JSON (Duplicate Object property "email")
			half a pair in id     | {"id":"e\\ud800","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"} | id: not valid Unicode: half of a surrogate pair alone at position 1
			low half alone        | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"s\\udfff","orderId":"o"} | customerId: not valid Unicode: half of a surrogate pair alone at position 1
			halves swapped        | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o\\ude00\\ud83d"} | orderId: not valid Unicode: half of a surrogate pair alone at position 1
			half a pair in data   | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"notes":["ok","a\\ud800"]}} | data.notes[1]: not valid Unicode
			half a pair in a name | {"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o","data":{"x":{"n\\ud800":1}}} | data.x (a name in it): not valid Unicode
			unknown scale         | {"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"score":3,"scale":"NPS10"}} | data.scale: 'NPS10' is not one of csat5, nps10
			score off the scale   | {"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"score":7,"scale":"csat5"}} | data.score: 7 is outside 1-5 on csat5
			score off by default  | {"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"score":0}} | data.score: 0 is outside 1-5 on csat5 (the scale when none is given)
			score off nps         | {"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"score":11,"scale":"nps10"}} | data.score: 11 is outside 0-10 on nps10
			unknown direction     | {"id":"e","type":"account.plan_changed","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"direction":"Downgrade"}} | data.direction: 'Downgrade' is not one of upgrade, downgrade
			""")
	void rejectsWithAReasonNamingTheField(String name, String json, String reason) {
		assertThatThrownBy(() -> EventParser.parse(json))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageStartingWith(reason);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			+5511912345678      | E.164 as it is
			+55 (11) 91234-5678 | spaces, brackets and dashes
			0044 20.7946.0018   | a leading 00 and dots
			''                  | blank: the customer has no phone
			""")
	void acceptsPhonesThatReadAsE164(String phone, String what) {
		Event event = EventParser.parse("""
				{"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"phone":"%s"}}"""
			.formatted(phone));

		assertThat(event.text("phone")).isEqualTo(phone);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			ana@example.com                | plain
			ana.souza+orders@example.com   | plus addressing
			josé@exemplo.com.br            | internationalised
			' ana@example.com '            | spaces around it
			''                             | blank: the customer has no email
			""")
	void acceptsEmailsMailCanGoTo(String email, String what) {
		Event event = EventParser.parse("""
				{"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"email":"%s"}}"""
			.formatted(email));

		assertThat(event.text("email")).isEqualTo(email);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			locale   | pt-BR
			locale   | PT-br
			locale   | zh-Hant-TW
			locale   | ''
			timeZone | America/Sao_Paulo
			timeZone | UTC
			timeZone | Etc/GMT+3
			""")
	void acceptsBcp47LocalesAndIanaZones(String field, String value) {
		Event event = EventParser.parse("""
				{"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c","data":{"%s":"%s"}}"""
			.formatted(field, value));

		assertThat(event.text(field)).isEqualTo(value);
	}

	@Test
	void anEventStoredBeforeLocalesAndZonesWereCheckedIsStillReadBack() {
		Event stored = EventParser.parseInternal("""
				{"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"locale":"pt_BR","timeZone":"UTC+3"}}""");

		assertThat(stored.text("locale")).isEqualTo("pt_BR");
		assertThat(stored.text("timeZone")).isEqualTo("UTC+3");
	}

	@Test
	void anEventStoredBeforeEmailsWereCheckedIsStillReadBack() {
		Event stored = EventParser.parseInternal("""
				{"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"email":"not an email","consent":{"email":false}}}""");

		assertThat(stored.text("email")).isEqualTo("not an email");
	}

	@Test
	void anEventStoredBeforePhonesWereCheckedIsStillReadBack() {
		Event stored = EventParser.parseInternal("""
				{"id":"e","type":"customer.updated","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"phone":"(11) 91234-5678","consent":{"sms":false}}}""");

		assertThat(stored.text("phone")).isEqualTo("(11) 91234-5678");
	}

	@ParameterizedTest(name = "{0} of {1} characters")
	@CsvSource({ "id, 129", "customerId, 129", "orderId, 129" })
	void rejectsIdsLongerThanTheLimit(String field, int length) {
		String json = """
				{"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o"}"""
			.replace("\"" + field + "\":\"" + (field.equals("id") ? "e" : field.substring(0, 1)) + "\"",
					"\"" + field + "\":\"" + "x".repeat(length) + "\"");

		assertThatThrownBy(() -> EventParser.parse(json))
			.hasMessage(field + ": " + length + " characters, more than the limit of 128");
	}

	@Test
	void readsALeapSecondAsTheSecondBeforeIt() {
		Event event = EventParser.parse("""
				{"id":"e","type":"order.placed","time":"2016-12-31T23:59:60Z","customerId":"c","orderId":"o",
				 "data":{"promisedBy":"2016-12-31T20:59:60-03:00"}}""");

		assertThat(event.instant()).hasToString("2016-12-31T23:59:59Z");
		assertThat(event.instant("promisedBy")).hasToString("2016-12-31T23:59:59Z");
	}

	@Test
	void anEventStoredBeforeTimesWereHeldToRfc3339IsStillReadBack() {
		Event stored = EventParser.parseInternal("""
				{"id":"e","type":"order.placed","time":"2017-10-02T10:56Z","customerId":"c","orderId":"o",
				 "data":{"shipBy":"2017-10-03T10:00:00+03"}}""");

		assertThat(stored.instant()).hasToString("2017-10-02T10:56:00Z");
		assertThat(stored.instant("shipBy")).hasToString("2017-10-03T07:00:00Z");
	}

	@Test
	void countsLengthsInCharactersAnEmojiBeingOne() {
		String emoji = "\uD83D\uDE00";
		Event event = EventParser.parse("""
				{"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"%s",
				 "data":{"score":5,"comment":"%s"}}""".formatted(emoji.repeat(128), emoji.repeat(2_000)));
		assertThat(event.customerId()).hasSize(256);

		assertThatThrownBy(() -> EventParser.parse("""
				{"id":"e","type":"account.activity","time":"2017-10-02T10:56:33Z","customerId":"%s",
				 "data":{"metric":"m","value":1}}""".formatted(emoji.repeat(129))))
			.hasMessage("customerId: 129 characters, more than the limit of 128");
		assertThatThrownBy(() -> EventParser.parse("""
				{"id":"e","type":"account.activity","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"metric":"%s","value":1}}""".formatted(emoji.repeat(201))))
			.hasMessage("data.metric: 201 characters, more than the limit of 200");
	}

	@Test
	void keepsTheEventsTimeToTheMicrosecondAsTheDatabaseDoes() {
		Event event = EventParser.parse("""
				{"id":"e1","type":"order.paid","time":"2017-10-02T10:56:33.123456789-03:00","customerId":"c1",
				 "orderId":"o1"}""");

		assertThat(event.instant()).hasToString("2017-10-02T13:56:33.123456Z");
	}

	@Test
	void boundsTextFieldsAndTheWholeDataObject() {
		String metric = "m".repeat(60_000);
		assertThatThrownBy(() -> EventParser.parse("""
				{"id":"e","type":"account.activity","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"metric":"%s","value":1}}""".formatted(metric)))
			.hasMessage("data.metric: 60000 characters, more than the limit of 200");
		assertThatThrownBy(() -> EventParser.parse("""
				{"id":"e","type":"order.paid","time":"2017-10-02T10:56:33Z","customerId":"c","orderId":"o",
				 "data":{"notes":"%s"}}""".formatted("n".repeat(20_000))))
			.hasMessageStartingWith("data: 20012 characters of JSON, more than the limit of 16384");
		assertThat(EventParser.parse("""
				{"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"score":1,"comment":"%s"}}""".formatted("c".repeat(2_000))).text("comment")).hasSize(2_000);
	}

	@Test
	void acceptsWholeSurrogatePairsTheScalesEndsAndDataNestedUpToTheLimit() {
		Event event = EventParser.parse("""
				{"id":"e\\ud83d\\ude00","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"score":0,"scale":"nps10","comment":"\\ud83d\\ude00 ok"}}""");
		assertThat(event.id()).isEqualTo("e\uD83D\uDE00");
		assertThat(EventParser.parse(feedbackNested(EventLimits.MAX_DATA_DEPTH - 1)).type()).isEqualTo("account.feedback");

		assertThatThrownBy(() -> EventParser.parse(feedbackNested(EventLimits.MAX_DATA_DEPTH)))
			.hasMessage("data: nested more than 32 levels of objects and arrays deep (at data.extra" + "[0]".repeat(31)
					+ ")");
	}

	/** A feedback whose data holds an unknown field {@code levels} arrays deep: data itself is one level more. */
	private static String feedbackNested(int levels) {
		return """
				{"id":"e","type":"account.feedback","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"score":5,"extra":%s1%s}}""".formatted("[".repeat(levels), "]".repeat(levels));
	}

	@Test
	void timersMayUseTheReservedPrefixWhenTheyComeFromForewarnItself() {
		Event timer = EventParser.parseInternal("""
				{"id":"timer-abc","type":"timer.fired","time":"2017-10-02T10:56:33Z","customerId":"c",
				 "data":{"label":"promise check","dueAt":"2017-10-02T10:56:33Z"}}""");

		assertThat(timer.id()).isEqualTo("timer-abc");
	}
}
