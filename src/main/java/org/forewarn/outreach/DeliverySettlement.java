package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.OutgoingMessage;
import org.forewarn.channel.SentLookup;
import org.forewarn.customer.CustomerState;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Settles an SMS that may have gone out by asking Twilio: when its message list shows this text sent to the customer
 * from the attempt on, the record is SENT after all, with Twilio's SID (and Twilio's status applied as a delivery
 * report would). Otherwise it stays FAILED "may have gone out", with what Twilio said; it is never sent again
 * automatically, because a message Twilio had not listed yet (still being created) could still go out. Email cannot
 * be settled this way: SMTP has no such list.
 */
@Component
class DeliverySettlement {

	private static final Logger log = LoggerFactory.getLogger(DeliverySettlement.class);

	/** Twilio's clock and ours may differ a little: the window around the attempt is this much wider each side. */
	static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

	private final OutreachStore outreach;
	private final ChannelDispatch channels;
	private final MessageVariables messages;
	private final DeliveryReports reports;
	private final ApprovedMessages approved;

	DeliverySettlement(OutreachStore outreach, ChannelDispatch channels, MessageVariables messages,
			DeliveryReports reports, ApprovedMessages approved) {
		this.approved = approved;
		this.outreach = outreach;
		this.channels = channels;
		this.messages = messages;
		this.reports = reports;
	}

	/** {@code o} may have gone out in an attempt started at {@code attemptedAt}; asks the provider if it did. */
	void settle(Outreach o, CustomerState state, Instant attemptedAt, Instant now, Consumer<Wakeup> schedule) {
		if (!"sms".equals(o.channel())) {
			return;
		}
		Outreach replaced = o.fallbackFor() == null ? null : outreach.find(o.fallbackFor()).orElse(null);
		OutgoingMessage fresh = messages.message(o, state, replaced);
		// the text compared is the one sent: an approved message as it was approved
		OutgoingMessage message = approved.of(o).map(fresh::withApproved).orElse(fresh);
		SentLookup answer = channels.lookup(message, attemptedAt.minus(CLOCK_MARGIN), now.plus(CLOCK_MARGIN),
				sid -> outreach.findByProviderId(sid).isPresent());
		if (answer.answer() == SentLookup.Answer.FOUND
				&& outreach.foundSent(o.id(), "sent after all: " + answer.detail() + "; asked at " + now, now,
						answer.providerId())) {
			log.info("Outreach {} ({} {} for order {}) did go out: {}", o.id(), o.problem(), o.channel(), o.orderId(),
					answer.detail());
			Wakeup fallback = reports.report(answer.providerId(), answer.providerStatus(), answer.providerCode(), now)
				.fallbackWakeup();
			if (fallback != null) {
				schedule.accept(fallback);
			}
			return;
		}
		outreach.find(o.id())
			.filter(current -> current.status() == OutreachStatus.FAILED)
			.ifPresent(current -> outreach.transition(o.id(), List.of(OutreachStatus.FAILED), OutreachStatus.FAILED,
					current.statusReason() + "; " + answer.detail() + " (asked at " + now + ")", now, null));
		log.warn("Outreach {} ({} {} for order {}) still may have gone out, a person decides: {}", o.id(), o.problem(),
				o.channel(), o.orderId(), answer.detail());
	}
}
