package org.forewarn.channel;

import java.net.URI;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * Sends SMS through the Twilio Java SDK. Rate limits (429), Twilio's server errors (5xx) and connection problems are
 * worth a retry; any other refusal (21211 invalid number, 21610 the recipient opted out, ...) is final.
 */
final class SmsSender implements Sender {

	private final TwilioRestClient client;
	private final String from;
	private final String statusCallback;

	SmsSender(TwilioRestClient client, String from, String statusCallback) {
		this.client = client;
		this.from = from;
		this.statusCallback = statusCallback;
	}

	@Override
	public String channel() {
		return "sms";
	}

	@Override
	public String mode() {
		return "Twilio account " + client.getAccountSid();
	}

	@Override
	public boolean isRecording() {
		return false;
	}

	@Override
	public DeliveryResult send(OutgoingMessage message, RenderedMessage rendered) {
		try {
			MessageCreator creator = Message.creator(new PhoneNumber(message.recipient()), new PhoneNumber(from),
					rendered.text());
			if (statusCallback != null) {
				creator.setStatusCallback(URI.create(statusCallback));
			}
			Message sent = creator.create(client);
			return DeliveryResult.sent("accepted by Twilio as " + sent.getSid(), sent.getSid());
		}
		catch (ApiException e) {
			Integer status = e.getStatusCode();
			String code = e.getCode() != null ? String.valueOf(e.getCode()) : status != null ? "HTTP " + status : "unknown";
			String reason = "Twilio error " + e.getCode() + " (HTTP " + status + "): " + e.getMessage();
			boolean worthRetry = status != null && (status == 429 || status >= 500);
			return worthRetry ? DeliveryResult.retry(reason, code) : DeliveryResult.failed(reason, code);
		}
		catch (ApiConnectionException e) {
			return DeliveryResult.retry("Twilio not reached: " + e.getMessage(), "connection");
		}
		catch (RuntimeException e) {
			// the request may have reached Twilio: not retried, so nothing can go out twice
			return DeliveryResult.failed("Twilio request failed: " + e, "error");
		}
	}
}
