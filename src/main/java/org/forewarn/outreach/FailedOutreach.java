package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.forewarn.rules.Wakeup;
import org.forewarn.shared.StableId;
import org.springframework.stereotype.Component;

/**
 * What a person does with a FAILED record that waits for one (it may have gone out, or failed without a fallback):
 * send it again as a new record linked by {@code resendOf} (the old one stays FAILED: statuses only move forward),
 * or let it be. Either way the old record is marked handled by the person, with a step in its history. The new
 * record's dedupe key is the old one's plus {@code |resend-N}, so it never collides and no rule makes it again.
 */
@Component
public class FailedOutreach {

	private static final Pattern RESEND_SUFFIX = Pattern.compile("\\|resend-\\d+$");

	/** A resend made: the new record and the wakeup that dispatches it. */
	public record Resent(Outreach record, Wakeup wakeup) {
	}

	private final OutreachStore outreach;

	FailedOutreach(OutreachStore outreach) {
		this.outreach = outreach;
	}

	/** Empty when the record does not wait for a person (any more). Call in a transaction. */
	public Optional<Resent> resend(String id, String actor, String note, Instant now) {
		Optional<Outreach> found = outreach.find(id);
		if (found.isEmpty() || !outreach.handle(id, actor, now)) {
			return Optional.empty();
		}
		Outreach old = found.get();
		String base = RESEND_SUFFIX.matcher(outreach.dedupeKey(id).orElseThrow()).replaceFirst("");
		for (int n = 1; n < 1000; n++) {
			String key = base + "|resend-" + n;
			String newId = StableId.of(key);
			String reason = "sent again by " + actor + " (resend of " + id + ")" + note(note);
			Outreach copy = new Outreach(newId, old.customerId(), old.orderId(), old.rule(), old.ruleVersion(),
					old.problem(), old.channel(), old.template(), old.decidedAt(), now, OutreachStatus.SCHEDULED, reason,
					null, old.explanation(), old.fallbackFor(), null, old.policy(), Outreach.Delivery.NONE, id, null,
					null);
			// false when an earlier resend in the chain took the key: the next one is tried
			if (outreach.insert(copy, key, actor, now)) {
				outreach.note(id, now, OutreachStatus.FAILED, "sent again as " + newId + " by " + actor + note(note),
						actor);
				return Optional.of(new Resent(outreach.find(newId).orElseThrow(),
						OutreachPlanner.dispatchWakeup(old.customerId(), old.orderId(), now)));
			}
		}
		throw new IllegalStateException("no free resend key for " + id);
	}

	/** "Let it be": handled by a person, nothing sent. Empty when it does not wait for a person. */
	public Optional<Outreach> acknowledge(String id, String actor, String note, Instant now) {
		if (!outreach.handle(id, actor, now)) {
			return Optional.empty();
		}
		outreach.note(id, now, OutreachStatus.FAILED, "let be by " + actor + note(note), actor);
		return outreach.find(id);
	}

	public List<Outreach> waiting(int limit) {
		return outreach.needingPerson(limit);
	}

	private static String note(String note) {
		return note == null || note.isBlank() ? "" : ": " + note;
	}
}
