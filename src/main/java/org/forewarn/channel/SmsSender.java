package org.forewarn.channel;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/** Sends SMS through the Twilio Java SDK. */
final class SmsSender implements Sender {

	private final TwilioRestClient client;
	private final String from;

	SmsSender(TwilioRestClient client, String from) {
		this.client = client;
		this.from = from;
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
			Message sent = Message.creator(new PhoneNumber(message.recipient()), new PhoneNumber(from),
					rendered.text()).create(client);
			return new DeliveryResult(DeliveryResult.Outcome.SENT, "accepted by Twilio as " + sent.getSid());
		}
		catch (ApiException e) {
			return DeliveryResult.failed("Twilio error " + e.getCode() + " (HTTP " + e.getStatusCode() + "): "
					+ e.getMessage());
		}
		catch (RuntimeException e) {
			return DeliveryResult.failed("Twilio request failed: " + e.getMessage());
		}
	}
}
