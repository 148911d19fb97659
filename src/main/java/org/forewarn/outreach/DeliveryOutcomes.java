package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.forewarn.channel.DeliveryResult;
import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what a send attempt came to, together with the attempt's outcome and any wakeup it needs, in one
 * transaction: sent (with the provider's message id), retried later with backoff, or failed for good with the
 * provider's code (and the fallback channel owed, unless the template itself is broken).
 */
@Component
class DeliveryOutcomes {

	static final String INTERRUPTED = "interrupted";
	static final String RETRY_LABEL = "retry";

	private final OutreachStore outreach;
	private final AttemptStore attempts;
	private final RetryBackoff backoff;
	private final TransactionTemplate transaction;

	DeliveryOutcomes(OutreachStore outreach, AttemptStore attempts, RetryBackoff backoff,
			TransactionTemplate transaction) {
		this.outreach = outreach;
		this.attempts = attempts;
		this.backoff = backoff;
		this.transaction = transaction;
	}

	/** True when the outreach went out (or its task opened). */
	boolean record(Outreach o, int attempt, DeliveryResult result, Instant now, Consumer<Wakeup> schedule) {
		return Boolean.TRUE.equals(transaction.execute(tx -> {
			attempts.finish(o.id(), attempt, now, result.outcome().name(), result.code(), result.reason());
			switch (result.outcome()) {
				case SENT -> {
					return outreach.sent(o.id(), OutreachStatus.SENT, result.reason(), now, result.providerId());
				}
				case TASK_OPENED -> {
					return outreach.sent(o.id(), OutreachStatus.OPEN, result.reason(), now, null);
				}
				case RETRY -> {
					if (attempt < backoff.maxAttempts()) {
						Instant next = now.plus(backoff.after(o.id(), attempt));
						outreach.reschedule(o.id(), List.of(OutreachStatus.SCHEDULED), next, "retry " + (attempt + 1)
								+ " of " + backoff.maxAttempts() + " at " + next + " after: " + result.reason(), now);
						schedule.accept(new Wakeup(o.customerId(), next, o.orderId(), RETRY_LABEL));
					}
					else {
						outreach.fail(o.id(), List.of(OutreachStatus.SCHEDULED), "gave up after " + attempt
								+ " attempts: " + result.reason(), result.code(), now, true);
					}
					return false;
				}
				default -> {
					boolean fallback = !DeliveryResult.TEMPLATE.equals(result.code());
					outreach.fail(o.id(), List.of(OutreachStatus.SCHEDULED), result.reason(), result.code(), now,
							fallback);
					return false;
				}
			}
		}));
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
	 * may or may not have gone out; it is not sent again, and no fallback is made, so nothing reaches the customer
	 * twice. People see why in the reason and can resend by hand.
	 */
	void interrupted(Outreach o, Attempt open, Instant now) {
		transaction.executeWithoutResult(tx -> {
			attempts.finish(o.id(), open.attempt(), now, DeliveryResult.Outcome.FAILED.name(), INTERRUPTED,
					"no outcome recorded; found at " + now);
			outreach.fail(o.id(), List.of(OutreachStatus.SCHEDULED), "interrupted while sending (attempt "
					+ open.attempt() + " started " + open.startedAt() + "): it may have gone out, so it is not sent "
					+ "again", INTERRUPTED, now, false);
		});
	}
}
