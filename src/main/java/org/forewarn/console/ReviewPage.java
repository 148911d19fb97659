package org.forewarn.console;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.forewarn.followup.ReviewDecisions;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachPage;
import org.forewarn.outreach.OutreachPreview;
import org.forewarn.outreach.OutreachQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue (reviewer role): outreach waiting for approval, with the message rendered as it would be sent
 * and the time left before it expires; approve or reject with a note. An approved record goes out through the
 * dispatcher and its guardrails like any other.
 */
@Controller
class ReviewPage {

	static final int SIZE = 20;

	private final OutreachQueries queries;
	private final OutreachPreview previews;
	private final ReviewDecisions decisions;

	ReviewPage(OutreachQueries queries, OutreachPreview previews, ReviewDecisions decisions) {
		this.queries = queries;
		this.previews = previews;
		this.decisions = decisions;
	}

	@GetMapping("/review")
	String queue(@RequestParam(required = false) Integer page, Model model) {
		OutreachPage pending = queries.pendingReview(Params.page(page), SIZE);
		Map<String, OutreachPreview.Preview> messages = new LinkedHashMap<>();
		pending.records().forEach(o -> messages.put(o.id(), previews.of(o)));
		model.addAttribute("pending", pending);
		model.addAttribute("messages", messages);
		return "console/review";
	}

	@PostMapping("/review/{id}/{decision}")
	String decide(@PathVariable String id, @PathVariable String decision, @RequestParam(required = false) String note,
			Principal user, RedirectAttributes redirect) {
		try {
			Outreach done = switch (decision) {
				case "approve" -> decisions.approve(id, user.getName(), Params.text(note));
				case "reject" -> decisions.reject(id, user.getName(), Params.text(note));
				default -> throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
						"no decision '" + decision + "'; approve or reject");
			};
			redirect.addFlashAttribute("message", "Outreach " + id + " is " + done.status() + ": "
					+ done.statusReason());
		}
		catch (ResponseStatusException e) {
			redirect.addFlashAttribute("error", e.getReason());
		}
		return "redirect:/review";
	}
}
