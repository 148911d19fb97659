package org.forewarn.webhook;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.engine.IntakeResult;
import org.forewarn.outreach.UnsubscribeLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link in every email. {@code GET /unsubscribe?c=..&sig=..} only shows a page asking to confirm, so
 * mail security scanners that follow links change nothing; the page's button posts the same {@code c} and
 * {@code sig}. {@code POST} turns the customer's email consent off: from that button, or from the mail client's
 * one-click unsubscribe (RFC 8058: body {@code List-Unsubscribe=One-Click} to the link in the header). A link whose
 * signature does not match gets 403 and changes nothing.
 */
@RestController
@Tag(name = "Public", description = "Links and webhooks; each request is signed, no sign-in")
class UnsubscribeController {

	private final UnsubscribeLinks links;
	private final ConsentEvents consent;
	private final Clock clock;

	UnsubscribeController(UnsubscribeLinks links, ConsentEvents consent, Clock clock) {
		this.links = links;
		this.consent = consent;
		this.clock = clock;
	}

	@Operation(summary = "The confirmation page of an unsubscribe link (changes nothing)")
	@ApiResponse(responseCode = "403", description = "The link's signature is not valid")
	@GetMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirm(@RequestParam(required = false) String c,
			@RequestParam(required = false) String sig) {
		if (!links.verify(c, sig)) {
			return invalid();
		}
		// a relative action keeps the page working behind a proxy that serves Forewarn under a path
		return page(200, "<p>Do you want to stop receiving these emails?</p>"
				+ "<form method=\"post\" action=\"unsubscribe\">"
				+ "<input type=\"hidden\" name=\"c\" value=\"" + HtmlUtils.htmlEscape(c) + "\">"
				+ "<input type=\"hidden\" name=\"sig\" value=\"" + HtmlUtils.htmlEscape(sig) + "\">"
				+ "<button type=\"submit\">Unsubscribe</button></form>");
	}

	@Operation(summary = "Unsubscribe (the page's button, or RFC 8058 one-click)")
	@ApiResponse(responseCode = "403", description = "The link's signature is not valid")
	@PostMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> unsubscribe(@RequestParam(required = false) String c,
			@RequestParam(required = false) String sig) {
		if (!links.verify(c, sig)) {
			return invalid();
		}
		IntakeResult result = consent.change("unsubscribe-" + c + "-" + clock.millis(), c, "email", false,
				"unsubscribe link");
		if (result.status() == IntakeResult.Status.FAILED) {
			return page(503, "<p>We could not process this right now. Please try again in a few minutes.</p>");
		}
		return page(200, "<p>You are unsubscribed: we will not send you these emails any more.</p>");
	}

	private static ResponseEntity<String> invalid() {
		return page(403, "<p>This unsubscribe link is not valid. Please use the link from the email itself.</p>");
	}

	/** {@code body} is trusted markup: every value in it is escaped by the caller. */
	private static ResponseEntity<String> page(int status, String body) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
			.body("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
					+ "<title>Unsubscribe</title></head><body>" + body + "</body></html>");
	}
}
