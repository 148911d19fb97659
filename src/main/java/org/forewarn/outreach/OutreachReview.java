package org.forewarn.outreach;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;

/**
 * Review before send: outreach a rule marked for review waits as PENDING_REVIEW until a person approves it (it is
 * then SCHEDULED and goes out through the usual guardrails) or rejects it, or until its review time runs out.
 */
@Component
public class OutreachReview {

	private static final Set<OutreachStatus> PENDING = Set.of(OutreachStatus.PENDING_REVIEW);

	/** What an approval or rejection came to: the record afterwards, and the wakeup that sends it when approved. */
	public record Decision(Outreach outreach, Wakeup sendWakeup) {
	}

	private final OutreachStore outreach;

	OutreachReview(OutreachStore outreach) {
		this.outreach = outreach;
	}

	/** Empty when the record is no longer waiting for review. */
	public Optional<Decision> approve(String id, String by, String note, Instant now) {
		Optional<Outreach> pending = outreach.find(id).filter(o -> o.status() == OutreachStatus.PENDING_REVIEW);
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		Outreach o = pending.get();
		Instant sendAt = o.sendAt().isBefore(now) ? now : o.sendAt();
		if (!outreach.reschedule(id, PENDING, sendAt, "approved by " + by + note(note), now)) {
			return Optional.empty();
		}
		Wakeup wakeup = new Wakeup(o.customerId(), sendAt, o.orderId(), OutreachCreator.SEND_LABEL);
		return Optional.of(new Decision(outreach.find(id).orElseThrow(), wakeup));
	}

	public Optional<Decision> reject(String id, String by, String note, Instant now) {
		if (!outreach.transition(id, PENDING, OutreachStatus.REJECTED, "rejected by " + by + note(note), now, null)) {
			return Optional.empty();
		}
		return Optional.of(new Decision(outreach.find(id).orElseThrow(), null));
	}

	/** Expires a record whose review time has run out; false when it has time left or is not waiting for review. */
	boolean expireIfDue(Outreach o, Instant now) {
		if (o.status() != OutreachStatus.PENDING_REVIEW || o.reviewUntil() == null || o.reviewUntil().isAfter(now)) {
			return false;
		}
		return outreach.transition(o.id(), PENDING, OutreachStatus.EXPIRED,
				"not approved by " + o.reviewUntil() + ": nobody reviewed it in time", now, null);
	}

	private static String note(String note) {
		return note == null || note.isBlank() ? "" : ": " + note;
	}
}
