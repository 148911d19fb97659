package org.forewarn.channel;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.RequestNotExecutedException;

import com.twilio.base.Page;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * Sends SMS through the Twilio Java SDK. Sorted by whether Twilio may have the message: an HTTP error answer is sure
 * (429 and 5xx are worth a retry, any other refusal such as 21211 invalid number or 21610 opted out is final), and so
 * is a failure to connect (refused, timed out, unknown host: retried); a request that was sent and got no readable
 * answer (a read timeout, a connection lost mid-answer, an answer the SDK cannot read) may have created the message,
 * and is {@code UNCERTAIN}.
 */
final class SmsSender implements Sender {

	/** Messages to one number from ours, newest first: enough to find one sent minutes ago. */
	private static final long LOOKUP_PAGE = 50;

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
	public Handover prepare(OutgoingMessage message, RenderedMessage rendered) {
		MessageCreator creator = Message.creator(new PhoneNumber(message.recipient()), new PhoneNumber(from),
				rendered.text());
		if (statusCallback != null) {
			creator.setStatusCallback(URI.create(statusCallback));
		}
		return () -> create(creator);
	}

	private DeliveryResult create(MessageCreator creator) {
		try {
			Message sent = creator.create(client);
			return DeliveryResult.sent("accepted by Twilio as " + sent.getSid(), sent.getSid());
		}
		catch (ApiException e) {
			Integer status = e.getStatusCode();
			if (status == null) {
				// no HTTP answer: the SDK reports I/O failures (and answers it cannot read) this way
				return withoutAnswer(e);
			}
			String reason = "Twilio error " + e.getCode() + " (HTTP " + status + "): " + e.getMessage();
			String code = e.getCode() != null ? String.valueOf(e.getCode()) : "HTTP " + status;
			boolean worthRetry = status == 429 || status >= 500;
			return worthRetry ? DeliveryResult.retry(reason, code) : DeliveryResult.failed(reason, code);
		}
		catch (ApiConnectionException e) {
			return withoutAnswer(e);
		}
	}

	private static DeliveryResult withoutAnswer(RuntimeException e) {
		if (requestNotSent(e)) {
			return DeliveryResult.retry("Twilio not reached: " + e.getMessage(), "connection");
		}
		return DeliveryResult.uncertain("no answer from Twilio after the request was sent: " + e.getMessage());
	}

	/** True when the failure came before any of the request could reach Twilio. */
	private static boolean requestNotSent(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConnectException || t instanceof ConnectTimeoutException
					|| t instanceof UnknownHostException || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException
					|| t instanceof ConnectionRequestTimeoutException || t instanceof RequestNotExecutedException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Twilio's message list for the recipient from our number, newest first, searched for this text created between
	 * {@code from} and {@code to}. Not filtered by DateSent: a message still queued at Twilio has none yet.
	 */
	@Override
	public SentLookup lookup(OutgoingMessage message, RenderedMessage rendered, Instant from, Instant to,
			Predicate<String> taken) {
		Page<Message> page;
		try {
			page = Message.reader().setTo(new PhoneNumber(message.recipient())).setFrom(new PhoneNumber(this.from))
				.setPageSize(LOOKUP_PAGE).firstPage(client);
		}
		catch (ApiException e) {
			return SentLookup.unknown("Twilio could not be asked: " + (e.getStatusCode() == null ? ""
					: "HTTP " + e.getStatusCode() + ", error " + e.getCode() + ": ") + e.getMessage());
		}
		catch (RuntimeException e) {
			return SentLookup.unknown("Twilio could not be asked: " + e);
		}
		for (Message listed : page.getRecords()) {
			ZonedDateTime created = listed.getDateCreated() != null ? listed.getDateCreated() : listed.getDateSent();
			boolean inWindow = created != null && !created.toInstant().isBefore(from)
					&& !created.toInstant().isAfter(to);
			if (inWindow && sameText(listed.getBody(), rendered.text()) && !taken.test(listed.getSid())) {
				String status = listed.getStatus() == null ? null : listed.getStatus().toString();
				return SentLookup.found(listed.getSid(), status,
						listed.getErrorCode() == null ? null : String.valueOf(listed.getErrorCode()),
						"Twilio lists it as " + listed.getSid() + " (" + listed.getStatus() + ", created "
								+ created.toInstant() + ")");
			}
		}
		return SentLookup.notFound("Twilio lists no message with this text to the number created between " + from
				+ " and " + to);
	}

	private static boolean sameText(String listed, String sent) {
		return listed != null && sent != null && listed.strip().equals(sent.strip());
	}
}
