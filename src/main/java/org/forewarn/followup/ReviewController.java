package org.forewarn.followup;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.channel.RenderedMessage;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachReview;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Review before send: {@code POST /api/outreach/{id}/approve} lets outreach waiting for review go out (through the
 * usual guardrails, in the customer's lane), {@code /reject} stops it. Body {@code {"note": "..."}}; the signed-in
 * user is recorded as the reviewer.
 */
@RestController
@Tag(name = "Review", description = "Outreach waiting for approval (role reviewer)")
@RequestMapping("/api/outreach/{id}")
class ReviewController {

	private final ReviewDecisions decisions;
	private final OutreachReview review;

	ReviewController(ReviewDecisions decisions, OutreachReview review) {
		this.decisions = decisions;
		this.review = review;
	}

	/**
	 * The message exactly as it goes out if approved now (or, once approved, as it was approved): subject, text and
	 * HTML in the customer's language. 422 when the template does not render.
	 */
	@Operation(summary = "The message as it would go out (or as it was approved)")
	@ApiResponse(responseCode = "422", description = "The template does not render")
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

	@Operation(summary = "Approve outreach waiting for review; the message rendered now is what goes out; "
			+ "body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The record is not waiting for review")
	@ApiResponse(responseCode = "422", description = "The message does not render")
	@PostMapping("/approve")
	Outreach approve(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		return decisions.approve(id, Signer.name(body), note(body));
	}

	@Operation(summary = "Reject outreach waiting for review; body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The record is not waiting for review")
	@PostMapping("/reject")
	Outreach reject(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body) {
		return decisions.reject(id, Signer.name(body), note(body));
	}

	private static String note(Map<String, Object> body) {
		return NoteBody.note(body);
	}
}
