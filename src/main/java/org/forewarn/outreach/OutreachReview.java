package org.forewarn.outreach;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.forewarn.channel.RenderedMessage;
import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;

/**
 * Review before send: outreach a rule marked for review waits as PENDING_REVIEW until a person approves it (it is
 * then SCHEDULED and goes out through the usual guardrails) or rejects it, or until its review time runs out. At
 * approval the message is rendered (in the customer's language) and kept: what goes out is what was approved.
 */
@Component
public class OutreachReview {

	private static final Set<OutreachStatus> PENDING = Set.of(OutreachStatus.PENDING_REVIEW);

	/** What an approval or rejection came to: the record afterwards, and the wakeup that sends it when approved. */
	public record Decision(Outreach outreach, Wakeup sendWakeup) {
	}

	private final OutreachStore outreach;
	private final ApprovedMessages approved;
	private final OutreachPreview previews;

	OutreachReview(OutreachStore outreach, ApprovedMessages approved, OutreachPreview previews) {
		this.outreach = outreach;
		this.approved = approved;
		this.previews = previews;
	}

	/**
	 * The message exactly as it would go out if approved now, for a reviewer to read; empty for a task or when the
	 * record is unknown. An {@link IllegalArgumentException} names the template problem when it does not render.
	 */
	public Optional<RenderedMessage> preview(String id) {
		return outreach.find(id).map(o -> approved.find(id).orElseGet(() -> render(o)));
	}

	/**
	 * Empty when the record is no longer waiting for review. Call in a transaction: the rendering kept and the status
	 * change commit together. An {@link IllegalArgumentException} when the message does not render (nothing changes).
	 */
	public Optional<Decision> approve(String id, String by, String note, Instant now) {
		Optional<Outreach> pending = outreach.find(id).filter(o -> o.status() == OutreachStatus.PENDING_REVIEW);
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		Outreach o = pending.get();
		RenderedMessage content = render(o);
		Instant sendAt = o.sendAt().isBefore(now) ? now : o.sendAt();
		if (!outreach.reschedule(id, PENDING, sendAt, "approved by " + by + note(note), now, by)) {
			return Optional.empty();
		}
		approved.save(id, content, now);
		Wakeup wakeup = new Wakeup(o.customerId(), sendAt, o.orderId(), OutreachCreator.SEND_LABEL);
		return Optional.of(new Decision(outreach.find(id).orElseThrow(), wakeup));
	}

	public Optional<Decision> reject(String id, String by, String note, Instant now) {
		if (!outreach.transitionBy(id, PENDING, OutreachStatus.REJECTED, "rejected by " + by + note(note), now, by)) {
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

	/** The approved content to send for this record, when a reviewer approved it. */
	Optional<RenderedMessage> approvedContent(Outreach o) {
		return approved.of(o);
	}

	private RenderedMessage render(Outreach o) {
		return previews.render(o).message();
	}

	private static String note(String note) {
		return note == null || note.isBlank() ? "" : ": " + note;
	}
}
