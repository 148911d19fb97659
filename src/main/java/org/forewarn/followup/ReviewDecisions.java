package org.forewarn.followup;

import java.time.Clock;
import java.util.Optional;

import org.forewarn.engine.WakeupScheduler;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachReview;
import org.forewarn.outreach.OutreachStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Approve or reject outreach waiting for review, for the API and the console alike. An approved record goes out
 * through the dispatcher and its guardrails like any other send. 404 when there is no such record, 409 when it is
 * no longer waiting for review.
 */
@Component
public class ReviewDecisions {

	private final OutreachReview review;
	private final OutreachStore outreach;
	private final WakeupScheduler scheduler;
	private final TransactionTemplate transaction;
	private final Clock clock;

	ReviewDecisions(OutreachReview review, OutreachStore outreach, WakeupScheduler scheduler,
			TransactionTemplate transaction, Clock clock) {
		this.review = review;
		this.outreach = outreach;
		this.scheduler = scheduler;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Renders the message as the customer would get it and keeps that rendering: it is what goes out. 422 when the
	 * template does not render (nothing changes).
	 */
	public Outreach approve(String id, String by, String note) {
		Notes.checked(note);
		// the approval, the rendering kept and the wakeup that sends it commit together
		Optional<OutreachReview.Decision> decision;
		try {
			decision = transaction.execute(tx -> {
				Optional<OutreachReview.Decision> d = review.approve(id, by, note, clock.instant());
				d.ifPresent(approved -> scheduler.schedule(approved.sendWakeup()));
				return d;
			});
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "outreach " + id
					+ " cannot be approved: its message does not render: " + e.getMessage());
		}
		return decision.orElseThrow(() -> notPending(id)).outreach();
	}

	public Outreach reject(String id, String by, String note) {
		Notes.checked(note);
		return review.reject(id, by, note, clock.instant()).orElseThrow(() -> notPending(id)).outreach();
	}

	private ResponseStatusException notPending(String id) {
		Outreach o = outreach.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no outreach " + id));
		return new ResponseStatusException(HttpStatus.CONFLICT,
				"outreach " + id + " is " + o.status() + ": only PENDING_REVIEW outreach can be approved or rejected");
	}
}
