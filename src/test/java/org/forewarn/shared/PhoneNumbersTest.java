package org.forewarn.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			+5511912345678        | +5511912345678
			' +55 (11) 91234-5678 ' | +5511912345678
			0044 20.7946.0018     | +442079460018
			+1/555/222/3333       | +15552223333
			+12345678             | +12345678
			+123456789012345      | +123456789012345
			+44 (0) 20 7946 0958  | +442079460958
			+44(0)2079460958      | +442079460958
			0049 (0)30-1234567    | +49301234567
			+55 (11) 91234-5678   | +5511912345678
			""")
	void readsNumbersWrittenTheWaysPeopleAndSystemsWriteThem(String written, String e164) {
		assertThat(PhoneNumbers.e164(written)).contains(e164);
	}

	@ParameterizedTest(name = "''{0}''")
	@NullSource
	@ValueSource(strings = { "", "   ", "(11) 91234-5678", "911", "+1234567", "+1234567890123456", "+0123456789",
			"+1 555 CALL NOW", "++15552223333", "+1555222333x4", "tel:+15552223333" })
	void refusesWhatIsNoE164Number(String written) {
		assertThat(PhoneNumbers.e164(written)).isEmpty();
	}
}
