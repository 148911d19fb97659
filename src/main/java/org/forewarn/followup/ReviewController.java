package org.forewarn.followup;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.forewarn.channel.RenderedMessage;
import org.forewarn.engine.WakeupScheduler;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachReview;
import org.forewarn.outreach.OutreachStore;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Review before send: {@code POST /api/outreach/{id}/approve} lets outreach waiting for review go out (through the
 * usual guardrails, in the customer's lane), {@code /reject} stops it. Body
 * {@code {"note": "..."}}; the signed-in user is recorded as the reviewer.
 */
@RestController
@RequestMapping("/api/outreach/{id}")
class ReviewController {

	private final OutreachReview review;
	private final OutreachStore outreach;
	private final WakeupScheduler scheduler;
	private final TransactionTemplate transaction;
	private final Clock clock;

	ReviewController(OutreachReview review, OutreachStore outreach, WakeupScheduler scheduler,
			TransactionTemplate transaction, Clock clock) {
		this.review = review;
		this.outreach = outreach;
		this.scheduler = scheduler;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * The message exactly as it goes out if approved now (or, once approved, as it was approved): subject, text and
	 * HTML in the customer's language. 422 when the template does not render.
	 */
	@GetMapping("/preview")
	RenderedMessage preview(@PathVariable String id) {
		try {
			return review.preview(id)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no outreach " + id));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		}
	}

	/**
	 * Renders the message as the customer would get it and keeps that rendering: it is what goes out. 422 when the
	 * template does not render (nothing changes).
	 */
	@PostMapping("/approve")
	Outreach approve(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		String by = Signer.name(body);
		// the approval, the rendering kept and the wakeup that sends it commit together
		Optional<OutreachReview.Decision> decision;
		try {
			decision = transaction.execute(tx -> {
				Optional<OutreachReview.Decision> d = review.approve(id, by, note(body), clock.instant());
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

	@PostMapping("/reject")
	Outreach reject(@PathVariable String id, @RequestBody(required = false) Map<String, String> body) {
		return review.reject(id, Signer.name(body), note(body), clock.instant())
			.orElseThrow(() -> notPending(id)).outreach();
	}

	private ResponseStatusException notPending(String id) {
		Outreach o = outreach.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no outreach " + id));
		return new ResponseStatusException(HttpStatus.CONFLICT,
				"outreach " + id + " is " + o.status() + ": only PENDING_REVIEW outreach can be approved or rejected");
	}

	private static String note(Map<String, String> body) {
		return body == null ? null : body.get("note");
	}
}
