package org.forewarn.followup;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.engine.WakeupScheduler;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachReview;
import org.forewarn.outreach.OutreachStore;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
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
@Tag(name = "Review", description = "Outreach waiting for approval (role reviewer)")
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

	@Operation(summary = "Approve outreach waiting for review; body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The record is not waiting for review")
	@PostMapping("/approve")
	Outreach approve(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		String by = Signer.name(user, body);
		// the approval and the wakeup that sends it commit together
		Optional<OutreachReview.Decision> decision = transaction.execute(tx -> {
			Optional<OutreachReview.Decision> d = review.approve(id, by, note(body), clock.instant());
			d.ifPresent(approved -> scheduler.schedule(approved.sendWakeup()));
			return d;
		});
		return decision.orElseThrow(() -> notPending(id)).outreach();
	}

	@Operation(summary = "Reject outreach waiting for review; body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The record is not waiting for review")
	@PostMapping("/reject")
	Outreach reject(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return review.reject(id, Signer.name(user, body), note(body), clock.instant())
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
