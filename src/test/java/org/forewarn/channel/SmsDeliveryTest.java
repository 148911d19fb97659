package org.forewarn.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * SMS go through the real Twilio SDK; forewarn.channels.sms.api-base-url aims its HTTP requests at an in-process
 * WireMock server that answers like Twilio's Messages API.
 */
class SmsDeliveryTest {

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String SID = "AC0123456789abcdef0123456789abcdef";
	private static final String TOKEN = "test-auth-token";
	private static final String FROM = "+15550001111";
	private static final String TO = "+15552223333";
	private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

	@TempDir
	Path templates;

	private ChannelDispatch dispatch;

	@BeforeEach
	void setUp() throws Exception {
		// the test owns its template, so the exact Body below follows from this line alone
		Files.writeString(templates.resolve("late.sms.txt"), "Hi {{name}}, order {{orderId}} is running late.\n");
		ChannelSettings.Sms sms = ChannelTestSupport.sms(SID, TOKEN, FROM, twilio.baseUrl());
		ChannelSettings settings = ChannelTestSupport.settings(templates, "x <x@shop.test>", sms);
		dispatch = ChannelTestSupport.dispatch(settings, null, new MockEnvironment(),
				ChannelTestSupport.migratedH2());
	}

	@Test
	void sdkRequestReachesStubWithFormParamsAndBasicAuth() {
		twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(twilioMessage("SM00000000000000000000000000000001", "queued"))));

		DeliveryResult result = dispatch.deliver(message("out-sms-1"), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
		assertThat(result.reason()).isEqualTo("accepted by Twilio as SM00000000000000000000000000000001");
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
			.withBasicAuth(new BasicCredentials(SID, TOKEN))
			.withFormParam("To", equalTo(TO))
			.withFormParam("From", equalTo(FROM))
			.withFormParam("Body", equalTo("Hi Grace, order ORD-42 is running late.\n")));
		assertThat(dispatch.modes()).containsEntry("sms", "Twilio account " + SID);
		assertThat(dispatch.message("out-sms-1").orElseThrow().recorded()).isFalse();
	}

	@Test
	void twilioErrorGivesFailedResultWithTwilioCode() {
		twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"code": 21211, "message": "The 'To' number +15552223333 is not a valid phone number.",
					 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""")));

		DeliveryResult result = dispatch.deliver(message("out-sms-2"), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.reason()).contains("21211").contains("HTTP 400").contains("not a valid phone number");
		// a 4xx is final: the SDK must not retry it, and nothing is stored as sent
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
		assertThat(dispatch.message("out-sms-2")).isEmpty();
	}

	@Test
	void anAnswerAfterTheReadTimeoutMayHaveSentTheMessage() {
		// the stub reads the whole request, then answers after the 2 s read timeout of ChannelTestSupport
		twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(5000)
			.withHeader("Content-Type", "application/json")
			.withBody(twilioMessage("SM00000000000000000000000000000003", "queued"))));

		DeliveryResult result = dispatch.deliver(message("out-sms-3"), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.UNCERTAIN);
		assertThat(result.code()).isEqualTo(DeliveryResult.UNCERTAIN);
		assertThat(result.reason()).startsWith("no answer from Twilio after the request was sent: ")
			.contains("timed out");
		assertThat(dispatch.message("out-sms-3")).isEmpty();
	}

	@Test
	void twilioNotReachedIsWorthARetry() throws Exception {
		int nothingListening;
		try (ServerSocket socket = new ServerSocket(0)) {
			nothingListening = socket.getLocalPort();
		}
		ChannelDispatch unreachable = ChannelTestSupport.dispatch(ChannelTestSupport.settings(templates,
				"x <x@shop.test>", ChannelTestSupport.sms(SID, TOKEN, FROM, "http://localhost:" + nothingListening)),
				null, new MockEnvironment(), ChannelTestSupport.migratedH2());

		DeliveryResult result = unreachable.deliver(message("out-sms-4"), Instant.now());

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
		assertThat(result.code()).isEqualTo("connection");
		assertThat(result.reason()).startsWith("Twilio not reached: ");
	}

	private static OutgoingMessage message(String outreachId) {
		return new OutgoingMessage(outreachId, "sms", "late", TO, Locale.ENGLISH,
				Map.of("name", "Grace", "orderId", "ORD-42"));
	}

	/** The shape of Twilio's answer to a created message (fields the SDK maps). */
	private static String twilioMessage(String sid, String status) {
		return """
				{"sid": "%s", "account_sid": "%s", "to": "%s", "from": "%s",
				 "body": "Hi Grace, order ORD-42 is running late.", "status": "%s", "direction": "outbound-api",
				 "num_segments": "1", "num_media": "0", "price": null, "price_unit": "USD", "api_version": "2010-04-01",
				 "date_created": "Thu, 12 Mar 2026 10:00:00 +0000", "date_updated": "Thu, 12 Mar 2026 10:00:00 +0000",
				 "date_sent": null, "error_code": null, "error_message": null, "messaging_service_sid": null,
				 "uri": "/2010-04-01/Accounts/%s/Messages/%s.json", "subresource_uris": {}}"""
			.formatted(sid, SID, TO, FROM, status, SID, sid);
	}
}
