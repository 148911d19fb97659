package org.forewarn.outreach;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.DeliveryResult;
import org.forewarn.channel.OutgoingMessage;
import org.forewarn.channel.PreparedMessage;
import org.forewarn.customer.CustomerState;
import org.forewarn.logging.LogContext;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a customer's outreach whose time has come, in the customer's lane, the channels at the same time
 * ({@link ChannelSends}). Before a send: reviews that ran out expire, fallbacks still owed are created, and the
 * guardrails are checked again (consent, open ticket, quiet hours, frequency cap). Each send is claimed first (an
 * attempt row committed before the provider is called), so nothing goes out twice: a claimed attempt that never got
 * its outcome (the process stopped mid-send) ends the record as FAILED "interrupted" instead of sending again.
 */
@Component
public class OutreachDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutreachDispatcher.class);
	/** A failure's fallback is due at once: each pass takes one more step along a chain (sms, email, task). */
	private static final int MAX_PASSES = 8;

	private final OutreachStore outreach;
	private final AttemptStore attempts;
	private final Guardrails guardrails;
	private final Fallbacks fallbacks;
	private final OutreachReview review;
	private final ChannelDispatch channels;
	private final MessageVariables messages;
	private final DeliveryOutcomes outcomes;
	private final DeliverySettlement settlement;
	private final HoldoutGroups holdout;
	private final BrakeStep brake;
	private final ChannelSends channelSends;
	private final Clock clock;

	OutreachDispatcher(OutreachStore outreach, AttemptStore attempts, Guardrails guardrails, Fallbacks fallbacks,
			OutreachReview review, ChannelDispatch channels, MessageVariables messages, DeliveryOutcomes outcomes,
			DeliverySettlement settlement, HoldoutGroups holdout, BrakeStep brake, ChannelSends channelSends,
			Clock clock) {
		this.holdout = holdout;
		this.brake = brake;
		this.outreach = outreach;
		this.attempts = attempts;
		this.guardrails = guardrails;
		this.fallbacks = fallbacks;
		this.review = review;
		this.channels = channels;
		this.messages = messages;
		this.outcomes = outcomes;
		this.settlement = settlement;
		this.channelSends = channelSends;
		this.clock = clock;
	}

	/**
	 * What one dispatch did: the "now" it dispatched at, and whether it left nothing due by then undone (false when it
	 * stopped after its last pass still finding work).
	 */
	public record Dispatched(Instant now, boolean finished) {
	}

	/**
	 * Handles what is due for this customer now; {@code schedule} takes the wakeups this needs (retries, sends moved
	 * by quiet hours or caps, fallbacks created). "Now" is the clock only: an event's own time (which may be ahead,
	 * or long past) never decides whether a message is due, nor its quiet hours, caps or deadline.
	 */
	public Dispatched dispatchDue(CustomerState state, Consumer<Wakeup> schedule) {
		Instant now = clock.instant();
		for (int pass = 0; pass < MAX_PASSES; pass++) {
			boolean changed = false;
			Map<String, List<Outreach>> due = new LinkedHashMap<>();
			for (Outreach o : outreach.findOpenWork(state.customerId())) {
				try (LogContext.Scope scope = LogContext.outreach(o.id(), o.rule(), o.customerId())) {
					if (review.expireIfDue(o, now)) {
						changed = true;
					}
					else if (o.status() == OutreachStatus.SCHEDULED && !o.sendAt().isAfter(now)) {
						due.computeIfAbsent(o.channel(), channel -> new ArrayList<>()).add(o);
					}
					// a record whose send below fails is found owing its fallback in the next pass
					else if (fallbackOwed(o)) {
						changed |= fallbacks.create(o, state, now, schedule);
					}
				}
			}
			if (!due.isEmpty()) {
				channelSends.sendEach(List.copyOf(due.values()), records -> records.forEach(o -> {
					try (LogContext.Scope scope = LogContext.outreach(o.id(), o.rule(), o.customerId())) {
						dispatch(o, state, now, schedule);
					}
				}));
				changed = true;
			}
			if (!changed) {
				return new Dispatched(now, true);
			}
		}
		return new Dispatched(now, false);
	}

	private static boolean fallbackOwed(Outreach o) {
		return !OutreachStatus.WAITING.contains(o.status());
	}

	/** A retry or an interrupted send has begun going out already: only a first send is ever held out. */
	private boolean heldOut(Outreach o) {
		Double percent = o.policy().holdoutPercent();
		return o.delivery().attempts() == 0 && percent != null && holdout.heldOut(o.customerId(), percent);
	}

	private void dispatch(Outreach o, CustomerState state, Instant now, Consumer<Wakeup> schedule) {
		Optional<Attempt> interrupted = o.delivery().attempts() == 0 ? Optional.empty() : attempts.unfinished(o.id());
		if (interrupted.isPresent()) {
			outcomes.interrupted(o, interrupted.get(), now);
			settlement.settle(o, state, interrupted.get().startedAt(), now, schedule);
			return;
		}
		Guardrails.Verdict verdict = guardrails.atSend(o, state, now);
		if (verdict instanceof Guardrails.Verdict.Suppress s) {
			outreach.suppress(o.id(), s.reason(), now, s.fallbackDue());
			return;
		}
		if (verdict instanceof Guardrails.Verdict.Expire e) {
			outreach.transition(o.id(), List.of(OutreachStatus.SCHEDULED), OutreachStatus.EXPIRED, e.reason(), now,
					null);
			log.info("Outreach {} ({} {} for order {}) expired: {}", o.id(), o.problem(), o.channel(), o.orderId(),
					e.reason());
			return;
		}
		if (verdict instanceof Guardrails.Verdict.Defer d) {
			outcomes.defer(o, d.until(), d.reason(), now, schedule);
			return;
		}
		if (brake.holdsBack(o, now, schedule)) { // pause, hourly ceiling, provider rate (org.forewarn.brake)
			return;
		}
		if (heldOut(o)) {
			// at the moment it would have gone out, after every guardrail: what would have been sent stays visible
			outreach.transition(o.id(), List.of(OutreachStatus.SCHEDULED), OutreachStatus.HELD_OUT,
					"holdout group of experiment '" + holdout.salt() + "' (" + o.policy().holdoutPercent()
							+ "% of customers): would have been sent now, not sent", now, null);
			return;
		}
		int attempt = o.delivery().attempts() + 1;
		// all that can fail or take time without reaching the customer comes before the claim: loading the record
		// this one stands in for, rendering, building the message, connecting to SMTP; after it, only the hand-over
		Outreach replaced = o.fallbackFor() == null ? null : outreach.find(o.fallbackFor()).orElse(null);
		DeliveryResult result;
		OutgoingMessage message = messages.message(o, state, replaced);
		// approved after review: the content the reviewer read goes out as it is
		message = review.approvedContent(o).map(message::withApproved).orElse(message);
		try (PreparedMessage prepared = channels.prepare(message)) {
			if (prepared.failure() != null) {
				outcomes.withoutSending(o, attempt, prepared.failure(), now, schedule);
				return;
			}
			if (!attempts.claim(o, attempt - 1, now)) {
				return;
			}
			result = channels.send(prepared, now);
			log.debug("Outreach {} ({} {} for order {}), attempt {}: {}", o.id(), o.problem(), o.channel(),
					o.orderId(), attempt, result.outcome());
			// recorded before the connection closes: a slow goodbye from the server must not delay the outcome
			outcomes.record(o, attempt, result, now, schedule);
		}
		if (result.outcome() == DeliveryResult.Outcome.UNCERTAIN) {
			settlement.settle(o, state, now, now, schedule);
		}
	}
}
