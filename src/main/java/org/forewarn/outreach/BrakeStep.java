package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.forewarn.brake.BrakeMeters;
import org.forewarn.brake.HourlyCeiling;
import org.forewarn.brake.Pause;
import org.forewarn.brake.Pauses;
import org.forewarn.brake.ProviderRates;
import org.forewarn.channel.ChannelDispatch;
import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The brake at the moment of sending, after the guardrails (so a deadline still expires a paused record): a pause
 * keeps the record SCHEDULED with the pause as its reason; a first send above its rule's hourly ceiling waits for
 * review; a send over the provider's rate is put back for a moment. Nothing held here is lost or failed.
 */
@Component
class BrakeStep {

	private final Pauses pauses;
	private final HourlyCeiling ceilings;
	private final ProviderRates rates;
	private final BrakeMeters meters;
	private final ChannelDispatch channels;
	private final OutreachStore outreach;
	private final DeliveryOutcomes outcomes;
	private final GuardrailSettings guardrails;
	private final OutreachSettings timing;
	private final TransactionTemplate transaction;

	BrakeStep(Pauses pauses, HourlyCeiling ceilings, ProviderRates rates, BrakeMeters meters, ChannelDispatch channels,
			OutreachStore outreach, DeliveryOutcomes outcomes, GuardrailSettings guardrails, OutreachSettings timing,
			TransactionTemplate transaction) {
		this.pauses = pauses;
		this.ceilings = ceilings;
		this.rates = rates;
		this.meters = meters;
		this.channels = channels;
		this.outreach = outreach;
		this.outcomes = outcomes;
		this.guardrails = guardrails;
		this.timing = timing;
		this.transaction = transaction;
	}

	/** True when the brake holds this due record back now; {@code schedule} takes the wakeups that needs. */
	boolean holdsBack(Outreach o, Instant now, Consumer<Wakeup> schedule) {
		Optional<Pause> pause = pauses.holding(o.rule(), o.problem(), o.channel());
		if (pause.isPresent()) {
			paused(o, pause.get(), now, schedule);
			return true;
		}
		if (countsTowardCeiling(o)) {
			int ceiling = ceilings.ceiling(o.policy().hourlyCeiling());
			if (!ceilings.admit(o.rule(), ceiling, o.id())) {
				aboveCeiling(o, ceiling, now, schedule);
				return true;
			}
		}
		if (channels.reachesProvider(o.channel()) && !rates.acquire(o.channel())) {
			Instant retry = now.plus(rates.retryAfter());
			outcomes.defer(o, retry, "waiting for its turn at the " + o.channel() + " provider ("
					+ rates.perSecond(o.channel()) + " per second per instance)", now, schedule);
			meters.held("rate", o.channel());
			return true;
		}
		return false;
	}

	/**
	 * A first send of a rule's own decision: retries, approved records (a person decided) and fallbacks (the record
	 * they stand in for was counted) pass.
	 */
	private static boolean countsTowardCeiling(Outreach o) {
		return o.delivery().attempts() == 0 && o.reviewUntil() == null && o.fallbackFor() == null;
	}

	/**
	 * Stays SCHEDULED at its send time, the pause as its reason (written once, not at every look). The overdue sweep
	 * skips it while the pause lasts; resuming wakes it. A deadline gets a wakeup of its own, so it still expires.
	 */
	private void paused(Outreach o, Pause pause, Instant now, Consumer<Wakeup> schedule) {
		String reason = pause.reason();
		transaction.executeWithoutResult(tx -> {
			if (!reason.equals(o.statusReason())
					&& outreach.reschedule(o.id(), List.of(OutreachStatus.SCHEDULED), o.sendAt(), reason, now)) {
				meters.held("paused", o.channel());
			}
			Instant deadline = o.policy().notLaterThan();
			if (deadline != null) {
				schedule.accept(OutreachPlanner.dispatchWakeup(o.customerId(), o.orderId(),
						deadline.plus(timing.deadlineGrace()).plusSeconds(1)));
			}
		});
	}

	/** One decision for a person instead of a storm: PENDING_REVIEW, expiring like any review. */
	private void aboveCeiling(Outreach o, int ceiling, Instant now, Consumer<Wakeup> schedule) {
		Instant until = now.plus(guardrails.review().expireAfter());
		String reason = "above the hourly ceiling (" + ceiling + " per hour): waiting for approval until " + until;
		transaction.executeWithoutResult(tx -> {
			if (outreach.holdForReview(o.id(), reason, until, now)) {
				schedule.accept(new Wakeup(o.customerId(), until, o.orderId(), OutreachCreator.REVIEW_LABEL));
				meters.held("ceiling", o.channel());
			}
		});
	}
}
