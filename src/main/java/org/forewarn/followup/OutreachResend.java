package org.forewarn.followup;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.forewarn.engine.WakeupScheduler;
import org.forewarn.outreach.FailedOutreach;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.security.SignedIn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Needs a person": FAILED outreach that may have gone out (an uncertain or interrupted send) or failed without a
 * fallback. Send it again ({@link #resend}: a new record linked by {@code resendOf}, dispatched at once through the
 * usual guardrails) or let it be ({@link #acknowledge}). The actor is the signed-in user; the API and the console
 * both call this.
 */
@Service
public class OutreachResend {

	/** What became of one id: {@code RESENT}, {@code ACKNOWLEDGED}, {@code NOT_FOUND} or {@code CONFLICT}. */
	public record Answer(String id, Outcome outcome, String message, Outreach record) {
	}

	public enum Outcome {
		RESENT, ACKNOWLEDGED, NOT_FOUND, CONFLICT
	}

	private final FailedOutreach failed;
	private final OutreachStore outreach;
	private final WakeupScheduler scheduler;
	private final TransactionTemplate transaction;
	private final Clock clock;

	OutreachResend(FailedOutreach failed, OutreachStore outreach, WakeupScheduler scheduler,
			TransactionTemplate transaction, Clock clock) {
		this.failed = failed;
		this.outreach = outreach;
		this.scheduler = scheduler;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The records waiting for a person, oldest first. */
	public List<Outreach> waiting(int limit) {
		return failed.waiting(limit);
	}

	/** Sends the record again as a new one; {@link Answer#record()} is the new record when RESENT. */
	public Answer resend(String id, String note) {
		Notes.checked(note);
		String actor = SignedIn.name();
		// the old record marked handled, the new record and its dispatch wakeup commit together
		Optional<FailedOutreach.Resent> resent = transaction.execute(tx -> {
			Optional<FailedOutreach.Resent> r = failed.resend(id, actor, note, clock.instant());
			r.ifPresent(made -> scheduler.schedule(made.wakeup()));
			return r;
		});
		return resent.map(r -> new Answer(id, Outcome.RESENT, "sent again as " + r.record().id(), r.record()))
			.orElseGet(() -> refused(id));
	}

	/** A note longer than {@link Notes#MAX} is refused before any record is touched. */
	public List<Answer> resend(List<String> ids, String note) {
		Notes.checked(note);
		return ids.stream().distinct().map(id -> resend(id, note)).toList();
	}

	/** "Let it be": marks the failure as handled by the signed-in user; nothing is sent. */
	public Answer acknowledge(String id, String note) {
		Notes.checked(note);
		String actor = SignedIn.name();
		Optional<Outreach> handled = transaction.execute(tx -> failed.acknowledge(id, actor, note, clock.instant()));
		return handled.map(o -> new Answer(id, Outcome.ACKNOWLEDGED, "let be by " + actor, o))
			.orElseGet(() -> refused(id));
	}

	public List<Answer> acknowledge(List<String> ids, String note) {
		Notes.checked(note);
		return ids.stream().distinct().map(id -> acknowledge(id, note)).toList();
	}

	private Answer refused(String id) {
		return outreach.find(id)
			.map(o -> new Answer(id, Outcome.CONFLICT, "outreach " + id + " does not wait for a person: it is "
					+ o.status() + (o.handled() != null ? ", handled by " + o.handled().by() + " at "
							+ o.handled().at() : "")
					+ "; only FAILED outreach that may have gone out or failed without a fallback can be sent again "
					+ "or let be, once", o))
			.orElseGet(() -> new Answer(id, Outcome.NOT_FOUND, "no outreach " + id, null));
	}
}
