package org.forewarn.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.forewarn.customer.CustomerState;
import org.forewarn.rules.Decided;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.OutreachRequest;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.forewarn.shared.StableId;
import org.springframework.stereotype.Component;

/**
 * Turns what the rules decided into records: detections opened and resolved, waiting outreach called off when the
 * rule that decided it no longer detects its problem, new outreach created once per dedupe key (customer, problem, order, rule) and checked for consent.
 * Returns the wakeups to schedule: those the rules asked for and the send times of new outreach.
 */
@Component
public class OutreachPlanner {

	static final String SEND_LABEL = "send";

	private final OutreachStore outreach;
	private final DetectionStore detections;

	OutreachPlanner(OutreachStore outreach, DetectionStore detections) {
		this.outreach = outreach;
		this.detections = detections;
	}

	public List<Wakeup> apply(Evaluation evaluation, CustomerState state) {
		Trigger trigger = evaluation.trigger();
		Instant now = trigger.time();
		String customerId = state.customerId();
		List<Decided> detected = evaluation.decisions().detections();
		Set<String> stillDetections = new HashSet<>();
		for (Decided d : detected) {
			if (stillDetections.add(d.problem() + "|" + d.subject() + "|" + d.rule())) {
				detections.open(customerId, d, evaluation.ruleVersion(), now);
			}
		}
		String resolution = resolution(trigger);
		for (Detection open : detections.findOpen(customerId)) {
			if (!stillDetections.contains(open.problem() + "|" + open.subject() + "|" + open.rule())) {
				detections.resolve(open, now, resolution);
			}
		}
		for (Outreach waiting : outreach.findByCustomer(customerId)) {
			if (!OutreachStatus.WAITING.contains(waiting.status())) {
				continue;
			}
			String reason = cancellation(waiting, evaluation.decisions().cancellations());
			// called off when the rule that decided it no longer sees the problem, even if another rule still does
			if (reason == null && !stillDetections.contains(
					waiting.problem() + "|" + subject(waiting.orderId()) + "|" + waiting.rule())) {
				reason = resolution;
			}
			if (reason != null) {
				outreach.transition(waiting.id(), OutreachStatus.WAITING, OutreachStatus.CANCELLED, reason, now, null);
			}
		}
		List<Wakeup> wakeups = new ArrayList<>();
		for (OutreachRequest request : evaluation.decisions().outreach()) {
			Outreach created = create(request, evaluation, state, now);
			if (created != null && created.status() == OutreachStatus.SCHEDULED && created.sendAt().isAfter(now)) {
				wakeups.add(new Wakeup(customerId, created.sendAt(), created.orderId(), SEND_LABEL));
			}
		}
		evaluation.decisions().wakeups().stream().filter(w -> w.at().isAfter(now)).forEach(wakeups::add);
		return wakeups;
	}

	private Outreach create(OutreachRequest request, Evaluation evaluation, CustomerState state, Instant now) {
		Decided d = request.decided();
		String dedupeKey = String.join("|", state.customerId(), d.problem(), d.subject(), d.rule());
		if (outreach.existsByDedupeKey(dedupeKey)) {
			return null;
		}
		String refusal = Consent.refusal(state.customer(), request.channel());
		OutreachStatus status = refusal == null ? OutreachStatus.SCHEDULED : OutreachStatus.SUPPRESSED;
		String explanation = "Rule '" + d.rule() + "' (rule set " + evaluation.ruleVersion() + ") decided on "
				+ evaluation.trigger() + ". Matched: " + d.explanation();
		Outreach record = new Outreach(StableId.of(dedupeKey), state.customerId(), d.orderId(), d.rule(),
				evaluation.ruleVersion(), d.problem(), request.channel(), request.template(), now,
				request.dueAt(now), status, refusal, null, explanation);
		return outreach.insert(record, dedupeKey) ? record : null;
	}

	private static String cancellation(Outreach waiting, List<Decided> cancellations) {
		return cancellations.stream()
			.filter(c -> c.problem().equals(waiting.problem()) && c.subject().equals(subject(waiting.orderId())))
			.map(c -> "cancelled by rule '" + c.rule() + "': " + c.explanation())
			.findFirst().orElse(null);
	}

	private static String resolution(Trigger trigger) {
		return trigger.isTimer() ? "resolved: no longer detected at " + trigger.time()
				: "resolved: " + trigger.type();
	}

	private static String subject(String orderId) {
		return orderId == null ? "" : orderId;
	}
}
