package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.forewarn.channel.DeliveryResult;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a send attempt came to, together with the attempt's outcome and any wakeup it needs, in one
 * transaction: sent (with the provider's message id), retried later with backoff, failed for good with the
 * provider's code (and the fallback channel owed, unless the template itself is broken), or FAILED because it may
 * have gone out: no answer after the provider may have had it, or no outcome at all (interrupted). Those are never
 * retried and get no fallback; they count as gone out (caps, other rules) until a person decides.
 */
@Component
class DeliveryOutcomes {

	private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

	static final String INTERRUPTED = "interrupted";
	static final String RETRY_LABEL = "retry";
	/** How the reason of every record that may have gone out begins. */
	static final String MAY_HAVE_GONE_OUT = "may have gone out: ";

	private final OutreachStore outreach;
	private final AttemptStore attempts;
	private final RetryBackoff backoff;
	private final TransactionTemplate transaction;
	private final OutreachMeters meters;

	DeliveryOutcomes(OutreachStore outreach, AttemptStore attempts, RetryBackoff backoff,
			TransactionTemplate transaction, OutreachMeters meters) {
		this.meters = meters;
		this.outreach = outreach;
		this.attempts = attempts;
		this.backoff = backoff;
		this.transaction = transaction;
	}

	/**
	 * A message that failed before anything was handed over (a template that does not render, an SMTP server that
	 * cannot be reached): its attempt is claimed and recorded in one transaction, so no claim is ever left open by
	 * a send that never started.
	 */
	void withoutSending(Outreach o, int attempt, DeliveryResult result, Instant now, Consumer<Wakeup> schedule) {
		transaction.executeWithoutResult(tx -> {
			if (attempts.claim(o, attempt - 1, now)) {
				record(o, attempt, result, now, schedule);
			}
		});
	}

	/** Records how the attempt ended, in one transaction with what it changes. */
	void record(Outreach o, int attempt, DeliveryResult result, Instant now, Consumer<Wakeup> schedule) {
		transaction.executeWithoutResult(tx -> {
			attempts.finish(o.id(), attempt, now, result.outcome().name(), result.code(), result.reason());
			switch (result.outcome()) {
				case SENT -> outreach.sent(o.id(), OutreachStatus.SENT, result.reason(), now, result.providerId());
				case TASK_OPENED -> outreach.sent(o.id(), OutreachStatus.OPEN, result.reason(), now, null);
				case RETRY -> {
					if (attempt < backoff.maxAttempts()) {
						Instant next = now.plus(backoff.after(o.id(), attempt));
						outreach.reschedule(o.id(), List.of(OutreachStatus.SCHEDULED), next, "retry " + (attempt + 1)
								+ " of " + backoff.maxAttempts() + " at " + next + " after: " + result.reason(), now);
						schedule.accept(new Wakeup(o.customerId(), next, o.orderId(), RETRY_LABEL));
						meters.retry(o.channel(), result.code(), true);
					}
					else {
						outreach.fail(o.id(), List.of(OutreachStatus.SCHEDULED), "gave up after " + attempt
								+ " attempts: " + result.reason(), result.code(), now, true);
						meters.retry(o.channel(), result.code(), false);
					}
				}
				case UNCERTAIN -> {
					// the attempt began at now: if it went out, it went out then, and caps count it from then
					outreach.mayHaveGoneOut(o.id(), MAY_HAVE_GONE_OUT + result.reason() + "; not sent again",
							result.code(), now, now);
				}
				default -> {
					boolean fallback = !DeliveryResult.TEMPLATE.equals(result.code());
					outreach.fail(o.id(), List.of(OutreachStatus.SCHEDULED), result.reason(), result.code(), now,
							fallback);
				}
			}
		});
	}

	/** Waits longer (quiet hours, a cap): stays SCHEDULED at {@code until}, with a wakeup then. */
	void defer(Outreach o, Instant until, String reason, Instant now, Consumer<Wakeup> schedule) {
		transaction.executeWithoutResult(tx -> {
			if (outreach.reschedule(o.id(), List.of(OutreachStatus.SCHEDULED), until, reason, now)) {
				schedule.accept(new Wakeup(o.customerId(), until, o.orderId(), OutreachCreator.SEND_LABEL));
			}
		});
	}

	/**
	 * A send was claimed and never got its outcome: the process stopped while the provider was being called. It
	 * may or may not have gone out; like an answer that never came, it is not sent again, no fallback is made, and it
	 * counts as sent when its attempt started, so nothing reaches the customer twice. People see why in the reason.
	 */
	void interrupted(Outreach o, Attempt open, Instant now) {
		transaction.executeWithoutResult(tx -> {
			attempts.finish(o.id(), open.attempt(), now, DeliveryResult.Outcome.UNCERTAIN.name(), INTERRUPTED,
					"no outcome recorded; found at " + now);
			outreach.mayHaveGoneOut(o.id(), MAY_HAVE_GONE_OUT + "interrupted while sending (attempt " + open.attempt()
					+ " started " + open.startedAt() + "), no outcome recorded; not sent again", INTERRUPTED, now,
					open.startedAt());
		});
		log.warn("Outreach {} ({} {} for order {}) may have gone out: interrupted while sending attempt {} started {}; "
				+ "it is not sent again", o.id(), o.problem(), o.channel(), o.orderId(), open.attempt(),
				open.startedAt());
	}
}
