package org.forewarn.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.forewarn.customer.CustomerState;
import org.forewarn.rules.Decided;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.OutreachRequest;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;

/**
 * Turns what the rules decided into records: detections opened and resolved, waiting outreach called off when the
 * rule that decided it no longer detects its problem, and new outreach created once per dedupe key (customer,
 * problem, order, rule; plus the follow-up step, and the occurrence once a problem whose notice was called off comes
 * back: {@link Occurrences}) through the guardrails of {@link OutreachCreator}. While one
 * outreach about a problem is waiting or has gone out, other rules detecting the same problem add none: one
 * outreach per (customer, problem, order) unless a rule asks for a follow-up step. Returns the wakeups to schedule:
 * those the rules asked for, the send times of new outreach and their review deadlines.
 */
@Component
public class OutreachPlanner {

	/**
	 * Label of a wakeup that only dispatches what is due for its customer (sends, review expiries, fallbacks owed)
	 * and does not ask the rules again: the rules decided when the work was made, and its time may lie before events
	 * of the customer processed since.
	 */
	static final String DISPATCH_LABEL = "dispatch";

	private final OutreachStore outreach;
	private final DetectionStore detections;
	private final OutreachCreator creator;

	OutreachPlanner(OutreachStore outreach, DetectionStore detections, OutreachCreator creator) {
		this.outreach = outreach;
		this.detections = detections;
		this.creator = creator;
	}

	/** The customer's detections not resolved yet, as {@link #apply} takes them. */
	public List<Detection> openDetections(String customerId) {
		return detections.findOpen(customerId);
	}

	/**
	 * {@code existing}: the customer's outreach records as they were when the rules were evaluated; {@code openBefore}:
	 * their {@link #openDetections} then. A detection still open needs no write, one no longer detected is resolved.
	 */
	public List<Wakeup> apply(Evaluation evaluation, CustomerState state, List<Outreach> existing,
			List<Detection> openBefore) {
		Trigger trigger = evaluation.trigger();
		Instant now = trigger.time();
		String customerId = state.customerId();
		List<Decided> detected = evaluation.decisions().detections();
		Set<String> alreadyOpen = new HashSet<>();
		openBefore.forEach(open -> alreadyOpen.add(detectionKey(open.problem(), open.subject(), open.rule())));
		Set<String> stillDetections = new HashSet<>();
		for (Decided d : detected) {
			String key = detectionKey(d.problem(), d.subject(), d.rule());
			if (stillDetections.add(key) && !alreadyOpen.contains(key)) {
				detections.open(customerId, d, evaluation.ruleVersion(), now);
			}
		}
		for (Detection open : openBefore) {
			if (!stillDetections.contains(detectionKey(open.problem(), open.subject(), open.rule()))
					&& !evaluation.decisions().failed(open.rule())) {
				detections.resolve(open, now, resolution(evaluation, open.rule()));
			}
		}
		for (Outreach waiting : existing) {
			if (!OutreachStatus.WAITING.contains(waiting.status())) {
				continue;
			}
			String reason = cancellation(waiting, evaluation.decisions().cancellations());
			// called off when the rule that decided it no longer sees the problem, even if another rule still does
			if (reason == null && !evaluation.decisions().failed(waiting.rule()) && !stillDetections.contains(
					detectionKey(waiting.problem(), subject(waiting.orderId()), waiting.rule()))) {
				reason = resolution(evaluation, waiting.rule());
			}
			if (reason != null) {
				outreach.transition(waiting.id(), OutreachStatus.WAITING, OutreachStatus.CANCELLED, reason, now, null);
			}
		}
		List<Wakeup> wakeups = new ArrayList<>();
		Map<String, Outreach> existingById = new HashMap<>();
		existing.forEach(o -> existingById.put(o.id(), o));
		Set<String> existingIds = existingById.keySet();
		for (OutreachRequest request : evaluation.decisions().outreach()) {
			Decided d = request.decided();
			String detection = detectionKey(d.problem(), d.subject(), d.rule());
			String key = Occurrences.dedupeKey(customerId + "|" + detection, request.step(),
					!alreadyOpen.contains(detection), existingById);
			if (creator.addsNothing(key, request.maxTriggerAge(), trigger.occurredAt(), existingIds)
					|| request.step() <= 1 && outreach.anotherAboutProblem(customerId, request.decided())) {
				continue;
			}
			wakeups.addAll(creator.create(draft(request, key, evaluation, state, now), state, now, trigger.occurredAt())
				.wakeups());
		}
		// after the event's own time, not the moment it was reasoned about: a late event's wakeups since then fire at
		// once and decide at their own time, as they would for a customer the rules had not decided for lately
		evaluation.decisions().wakeups().stream().filter(w -> w.at().isAfter(trigger.occurredAt()))
			.forEach(wakeups::add);
		return wakeups;
	}

	/** Whether a trigger is a wakeup that only dispatches: the rules are not evaluated for it. */
	public static boolean onlyDispatches(Trigger trigger) {
		return trigger.isTimer() && DISPATCH_LABEL.equals(trigger.data("label"));
	}

	/** Whether the wakeup only dispatches work that was due at its time (the rules are not asked again). */
	public static boolean onlyDispatches(Wakeup wakeup) {
		return DISPATCH_LABEL.equals(wakeup.label());
	}

	/**
	 * The wakeup that dispatches work of a customer due at {@code at}; the same one every time it is asked for, so
	 * asking again while it is pending schedules nothing new.
	 */
	static Wakeup dispatchWakeup(String customerId, String orderId, Instant at) {
		return new Wakeup(customerId, at, orderId, DISPATCH_LABEL);
	}

	/** A wakeup that dispatches whatever of the customer's work is due at {@code at}, whichever order it is for. */
	public static Wakeup dispatchNow(String customerId, Instant at) {
		return dispatchWakeup(customerId, null, at);
	}

	private static OutreachCreator.Draft draft(OutreachRequest request, String dedupeKey, Evaluation evaluation,
			CustomerState state, Instant now) {
		Decided d = request.decided();
		String explanation = "Rule '" + d.rule() + "' (rule set " + evaluation.ruleVersion() + ") decided on "
				+ evaluation.trigger() + ". Matched: " + d.explanation();
		SendPolicy policy = new SendPolicy(request.notLaterThan(), SendPolicy.join(request.fallback()),
				request.defersWhenCapped(), request.step(), request.holdoutPercent(), request.hourlyCeiling());
		return new OutreachCreator.Draft(dedupeKey, state.customerId(), d.orderId(), d.rule(),
				evaluation.ruleVersion(), d.problem(), request.channel(), request.template(), request.dueAt(now),
				explanation, null, policy, request.needsReview(), request.maxTriggerAge(),
				request.dueWithin());
	}

	private static String cancellation(Outreach waiting, List<Decided> cancellations) {
		return cancellations.stream()
			.filter(c -> c.problem().equals(waiting.problem()) && c.subject().equals(subject(waiting.orderId())))
			.map(c -> "cancelled by rule '" + c.rule() + "': " + c.explanation())
			.findFirst().orElse(null);
	}

	/** Why a detection or the outreach of {@code rule} ends now: its problem resolved, or its rule was removed. */
	private static String resolution(Evaluation evaluation, String rule) {
		if (!evaluation.hasRule(rule)) {
			return "rule '" + rule + "' is no longer in the rules (rule set " + evaluation.ruleVersion() + ")";
		}
		Trigger trigger = evaluation.trigger();
		return trigger.isTimer() ? "resolved: no longer detected at " + trigger.time()
				: "resolved: " + trigger.type();
	}

	/** What tells one detection from another: its problem, subject (the order, or none) and rule. */
	private static String detectionKey(String problem, String subject, String rule) {
		return problem + "|" + subject + "|" + rule;
	}

	private static String subject(String orderId) {
		return orderId == null ? "" : orderId;
	}
}
