package org.forewarn.outreach;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Links left pointing at localhost are worth a warning once mail or SMS really go out, and only then. */
@ExtendWith(OutputCaptureExtension.class)
class PublicUrlWarningTest {

	private static final String WARNING = "forewarn.links.public-url is http://localhost:8080";

	@Test
	void localhostIsWarnedAboutOnceMailOrSmsReallyGoOut(CapturedOutput output) {
		links("http://localhost:8080", new MockEnvironment());
		assertThat(output).doesNotContain(WARNING);

		links("http://localhost:8080", new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com"));
		assertThat(output).contains(WARNING);
	}

	@Test
	void aPublicAddressIsNot(CapturedOutput output) {
		links("https://forewarn.example.com", new MockEnvironment()
			.withProperty("forewarn.channels.sms.account-sid", "AC123").withProperty("spring.mail.host", "smtp"));

		assertThat(output).doesNotContain("forewarn.links.public-url is");
	}

	private static void links(String publicUrl, MockEnvironment environment) {
		UnsubscribeLinks links = new UnsubscribeLinks(new LinkSettings(publicUrl, "a-configured-secret"), null,
				Clock.systemUTC(), environment);
		assertThat(links.url("c-1")).startsWith(publicUrl + "/unsubscribe?c=c-1&sig=");
	}
}
