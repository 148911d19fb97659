package org.forewarn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Answers like Twilio's Messages API, for the real Twilio SDK aimed at a local WireMock server, and signs webhook
 * requests the way Twilio does (HMAC-SHA1 over the URL and the sorted POST parameters, base64), written out here
 * independently of the SDK's validator that Forewarn uses.
 */
public final class TwilioStub {

	public static final String SID = "AC0123456789abcdef0123456789abcdef";
	public static final String TOKEN = "test-auth-token";
	public static final String FROM = "+15550001111";
	public static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
	/** The account, which Forewarn's health check fetches. */
	public static final String ACCOUNT = "/2010-04-01/Accounts/" + SID + ".json";

	private final WireMockExtension wireMock;

	public TwilioStub(WireMockExtension wireMock) {
		this.wireMock = wireMock;
	}

	/** Settings that send SMS through the SDK to this stub. */
	public String[] settings() {
		return settings(wireMock.baseUrl());
	}

	/** Settings that send SMS through the SDK to a stub at {@code baseUrl}. */
	public static String[] settings(String baseUrl) {
		return new String[] { "--forewarn.channels.sms.account-sid=" + SID, "--forewarn.channels.sms.auth-token=" + TOKEN,
				"--forewarn.channels.sms.from-number=" + FROM, "--forewarn.channels.sms.api-base-url=" + baseUrl };
	}

	/** Every message is accepted with this SID. */
	public void accepts(String messageSid) {
		wireMock.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created(messageSid)));
	}

	/** The answers in order, one per request; the last one stays. */
	public void answers(ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			wireMock.stubFor(post(urlEqualTo(MESSAGES)).inScenario("answers")
				.whenScenarioStateIs(state(i))
				.willReturn(responses[i])
				.willSetStateTo(state(Math.min(i + 1, responses.length - 1))));
		}
	}

	private static String state(int answer) {
		return answer == 0 ? STARTED : "answer " + answer;
	}

	public int requests() {
		return wireMock.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size();
	}

	/**
	 * Answers GET Messages.json with the messages it was sent, as {@link TwilioMessageList} (registered on the WireMock
	 * server) lists them.
	 */
	public void lists() {
		wireMock.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)));
	}

	/** GET Messages.json fails with this HTTP status: Twilio cannot say what went out. */
	public void listFails(int status) {
		wireMock.stubFor(get(urlPathEqualTo(MESSAGES))
			.willReturn(error(status, 20000 + status, "Service Unavailable")));
	}

	/** How many times Forewarn asked for the message list. */
	public int listRequests() {
		return wireMock.findAll(getRequestedFor(urlPathEqualTo(MESSAGES))).size();
	}

	public static ResponseDefinitionBuilder created(String messageSid) {
		return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
				{"sid": "%s", "account_sid": "%s", "to": "+15552223333", "from": "%s", "body": "hi",
				 "status": "queued", "direction": "outbound-api", "num_segments": "1", "num_media": "0",
				 "price": null, "price_unit": "USD", "api_version": "2010-04-01",
				 "date_created": "Thu, 12 Mar 2026 10:00:00 +0000", "date_updated": "Thu, 12 Mar 2026 10:00:00 +0000",
				 "date_sent": null, "error_code": null, "error_message": null, "messaging_service_sid": null,
				 "uri": "/2010-04-01/Accounts/%s/Messages/%s.json", "subresource_uris": {}}"""
			.formatted(messageSid, SID, FROM, SID, messageSid));
	}

	/** The account as Twilio answers a fetch of it: active. */
	public static ResponseDefinitionBuilder activeAccount() {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody("{\"sid\": \"" + SID + "\", \"status\": \"active\"}");
	}

	/** A Twilio error answer: HTTP status, Twilio error code and message. */
	public static ResponseDefinitionBuilder error(int status, int code, String message) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
			.withBody("{\"code\": %d, \"message\": \"%s\", \"more_info\": \"https://www.twilio.com/docs/errors/%d\", "
					.formatted(code, message, code) + "\"status\": " + status + "}");
	}

	/** The X-Twilio-Signature Twilio would send for a POST of {@code params} to {@code url}. */
	public static String signature(String url, Map<String, String> params) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
