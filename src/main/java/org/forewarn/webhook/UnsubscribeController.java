package org.forewarn.webhook;

import java.time.Clock;

import org.forewarn.engine.IntakeResult;
import org.forewarn.outreach.UnsubscribeLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unsubscribe link in every email: {@code GET /unsubscribe?c=..&sig=..} (a click) or {@code POST} (one-click
 * unsubscribe from the mail client, RFC 8058) turns the customer's email consent off. A link whose signature does not
 * match changes nothing.
 */
@RestController
class UnsubscribeController {

	private final UnsubscribeLinks links;
	private final ConsentEvents consent;
	private final Clock clock;

	UnsubscribeController(UnsubscribeLinks links, ConsentEvents consent, Clock clock) {
		this.links = links;
		this.consent = consent;
		this.clock = clock;
	}

	@GetMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> click(@RequestParam(required = false) String c, @RequestParam(required = false) String sig) {
		return unsubscribe(c, sig);
	}

	@PostMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> oneClick(@RequestParam(required = false) String c,
			@RequestParam(required = false) String sig) {
		return unsubscribe(c, sig);
	}

	private ResponseEntity<String> unsubscribe(String customerId, String sig) {
		if (!links.verify(customerId, sig)) {
			return page(403, "This unsubscribe link is not valid. Please use the link from the email itself.");
		}
		IntakeResult result = consent.change("unsubscribe-" + customerId + "-" + clock.millis(), customerId, "email",
				false, "unsubscribe link");
		if (result.status() == IntakeResult.Status.FAILED) {
			return page(503, "We could not process this right now. Please try the link again in a few minutes.");
		}
		return page(200, "You are unsubscribed: we will not send you these emails any more.");
	}

	private static ResponseEntity<String> page(int status, String text) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
			.body("<!doctype html><html><head><meta charset=\"utf-8\"><title>Unsubscribe</title></head><body><p>"
					+ text + "</p></body></html>");
	}
}
