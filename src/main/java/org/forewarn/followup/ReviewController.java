package org.forewarn.followup;

import java.security.Principal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.outreach.Outreach;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review before send: {@code POST /api/outreach/{id}/approve} lets outreach waiting for review go out (through the
 * usual guardrails, in the customer's lane), {@code /reject} stops it. Body
 * {@code {"note": "..."}}; the signed-in user is recorded as the reviewer.
 */
@RestController
@Tag(name = "Review", description = "Outreach waiting for approval (role reviewer)")
@RequestMapping("/api/outreach/{id}")
class ReviewController {

	private final ReviewDecisions decisions;

	ReviewController(ReviewDecisions decisions) {
		this.decisions = decisions;
	}

	@Operation(summary = "Approve outreach waiting for review; body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The record is not waiting for review")
	@PostMapping("/approve")
	Outreach approve(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return decisions.approve(id, Signer.name(user, body), note(body));
	}

	@Operation(summary = "Reject outreach waiting for review; body {\"note\": \"...\"} (optional)")
	@ApiResponse(responseCode = "409", description = "The record is not waiting for review")
	@PostMapping("/reject")
	Outreach reject(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return decisions.reject(id, Signer.name(user, body), note(body));
	}

	private static String note(Map<String, String> body) {
		return body == null ? null : body.get("note");
	}
}
