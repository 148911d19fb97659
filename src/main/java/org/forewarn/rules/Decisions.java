package org.forewarn.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.forewarn.logging.PersonalData;

/**
 * The only thing rules act on: the global {@code decide}. Rules never send, sleep or call out; they record
 * detections, outreach requests, wakeups and cancellations here and the engine carries them out.
 */
public final class Decisions {

	private final String customerId;
	/** The customer's phone numbers, masked in a failure's message however an exception wrote them. */
	private final List<String> phones;
	private final List<Decided> detections = new ArrayList<>();
	private final List<OutreachRequest> outreach = new ArrayList<>();
	private final List<Wakeup> wakeups = new ArrayList<>();
	private final List<String> wakeupRules = new ArrayList<>();
	private final List<Wakeup> whileAsked = new ArrayList<>();
	private final List<Decided> cancellations = new ArrayList<>();
	private final List<RuleFailure> failures = new ArrayList<>();
	private String currentRule = "(outside a rule)";
	private List<?> currentEvidence = List.of();
	private int[] marks = new int[5];
	private int firings;
	/** Firings per rule, counted only late in an evaluation that fires that often: which rules keep it going. */
	private final Map<String, Integer> lateFirings = new HashMap<>();
	private boolean cutShort;

	/** A rule whose action failed at this trigger; what it decided in that firing was dropped. */
	public record RuleFailure(String rule, String error) {
	}

	Decisions(String customerId) {
		this(customerId, List.of());
	}

	Decisions(String customerId, List<String> phones) {
		this.customerId = customerId;
		this.phones = phones;
	}

	/** Records that {@code problem} holds for the order (null for an account-wide problem). */
	public void problem(String problem, String orderId) {
		detections.add(decided(problem, orderId));
	}

	/** Asks for outreach about a problem (which also records the problem). Due at once unless told otherwise. */
	public OutreachRequest outreach(String problem, String orderId, String channel, String template) {
		Decided decided = decided(problem, orderId);
		detections.add(decided);
		OutreachRequest request = new OutreachRequest(decided, channel, template);
		outreach.add(request);
		return request;
	}

	/** Evaluate this customer again at {@code at}; a null moment is ignored. */
	public void wakeAt(Instant at, String orderId, String label) {
		if (at != null) {
			wakeups.add(new Wakeup(customerId, at, orderId, label));
			wakeupRules.add(currentRule);
		}
	}

	/**
	 * As {@link #wakeAt}, for as long as the rules keep asking for it: withdrawn when an evaluation of the customer
	 * before then no longer asks for it (a deadline check of an order since shipped or delivered).
	 */
	public void wakeAtWhileAsked(Instant at, String orderId, String label) {
		if (at != null) {
			Wakeup wakeup = new Wakeup(customerId, at, orderId, label);
			wakeups.add(wakeup);
			wakeupRules.add(currentRule);
			whileAsked.add(wakeup);
		}
	}

	/** Calls off scheduled outreach about the problem for the order, with a reason. */
	public void cancel(String problem, String orderId, String reason) {
		cancellations.add(new Decided(problem, orderId, currentRule, reason));
	}

	/** {@code evidence}: the facts the firing matched, put into words only when the rule decides something. */
	void enterRule(String rule, List<?> evidence) {
		this.currentRule = rule;
		this.currentEvidence = evidence;
		this.marks = new int[] { detections.size(), outreach.size(), wakeups.size(), cancellations.size(),
				whileAsked.size() };
		if (++firings > RuleEngine.MAX_FIRINGS / 2) {
			lateFirings.merge(rule, 1, Integer::sum);
		}
	}

	/** Drops what the failing rule decided in this firing; the decisions of other firings stand. */
	void ruleFailed(String rule, Exception error) {
		detections.subList(marks[0], detections.size()).clear();
		outreach.subList(marks[1], outreach.size()).clear();
		wakeups.subList(marks[2], wakeups.size()).clear();
		wakeupRules.subList(marks[2], wakeupRules.size()).clear();
		cancellations.subList(marks[3], cancellations.size()).clear();
		whileAsked.subList(marks[4], whileAsked.size()).clear();
		Throwable cause = error.getCause() != null ? error.getCause() : error;
		// kept on the Rules page and logged: no contact detail of the customer's may be quoted whole there
		failures.add(new RuleFailure(rule, PersonalData.mask(cause.toString(), phones)));
	}

	/**
	 * A condition of these rules threw while the facts were matched, which stops the evaluation: they fail, what the
	 * rules fired so far decided stands, and as the others may not have fired, no rule's silence counts.
	 */
	void conditionFailed(List<String> rules, RuntimeException error) {
		cutShort = true;
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = PersonalData.mask("its condition failed: " + cause
				+ (cause == error ? "" : " (" + firstLine(error) + ")"), phones);
		rules.forEach(rule -> failures.add(new RuleFailure(rule, message)));
	}

	private static String firstLine(Throwable error) {
		return String.valueOf(error.getMessage()).lines().findFirst().orElse("").strip();
	}

	/**
	 * The evaluation was stopped after too many firings: the rules that kept it going (those that fired at least
	 * half as often as the busiest one in its second half) fail, and all they decided is dropped; the others'
	 * decisions stand. As the rules that had not fired yet decided nothing, no rule's silence counts ({@link
	 * #failed}): nothing is called off, resolved or withdrawn.
	 */
	void cutShort() {
		cutShort = true;
		int most = lateFirings.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		lateFirings.forEach((rule, count) -> {
			if (2 * count >= most) {
				dropAllOf(rule);
				failures.add(new RuleFailure(rule, "the rules fired " + firings + " times at one trigger, this one "
						+ count + " times of the last " + (firings - RuleEngine.MAX_FIRINGS / 2) + ": it probably makes "
						+ "itself match again (inserting or changing facts it matches); the evaluation was stopped"));
			}
		});
	}

	private void dropAllOf(String rule) {
		detections.removeIf(d -> d.rule().equals(rule));
		outreach.removeIf(r -> r.decided().rule().equals(rule));
		cancellations.removeIf(d -> d.rule().equals(rule));
		for (int i = wakeups.size() - 1; i >= 0; i--) {
			if (wakeupRules.get(i).equals(rule)) {
				Wakeup dropped = wakeups.remove(i);
				wakeupRules.remove(i);
				whileAsked.removeIf(w -> w == dropped);
			}
		}
	}

	private Decided decided(String problem, String orderId) {
		return new Decided(problem, orderId, currentRule, evidence());
	}

	/** The facts the firing matched, as text: taken now, as a later action may change a fact. */
	private String evidence() {
		StringBuilder text = new StringBuilder(256);
		for (int i = 0; i < currentEvidence.size(); i++) {
			text.append(i == 0 ? "" : "; ").append(currentEvidence.get(i));
		}
		return text.toString();
	}

	public List<Decided> detections() { return detections; }
	public List<OutreachRequest> outreach() { return outreach; }
	public List<Wakeup> wakeups() { return wakeups; }
	/** The wakeups among {@link #wakeups()} asked for only while the rules keep asking for them. */
	public List<Wakeup> whileAsked() { return whileAsked; }
	public List<Decided> cancellations() { return cancellations; }
	public List<RuleFailure> failures() { return failures; }

	/**
	 * Whether the rule failed at this trigger, or the evaluation was cut short: then its silence does not mean its
	 * problem resolved.
	 */
	public boolean failed(String rule) {
		return cutShort || failures.stream().anyMatch(f -> f.rule().equals(rule));
	}
}
