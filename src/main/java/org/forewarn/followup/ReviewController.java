package org.forewarn.followup;

import java.security.Principal;
import java.util.Map;

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
@RequestMapping("/api/outreach/{id}")
class ReviewController {

	private final ReviewDecisions decisions;

	ReviewController(ReviewDecisions decisions) {
		this.decisions = decisions;
	}

	@PostMapping("/approve")
	Outreach approve(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return decisions.approve(id, Signer.name(user, body), note(body));
	}

	@PostMapping("/reject")
	Outreach reject(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
			Principal user) {
		return decisions.reject(id, Signer.name(user, body), note(body));
	}

	private static String note(Map<String, String> body) {
		return body == null ? null : body.get("note");
	}
}
