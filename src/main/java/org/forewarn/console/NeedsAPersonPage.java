package org.forewarn.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.forewarn.followup.OutreachResend;
import org.forewarn.outreach.Attempt;
import org.forewarn.outreach.AttemptStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachPage;
import org.forewarn.outreach.OutreachQueries;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Needs a person: FAILED records that may have gone out (interrupted mid-send, or the provider's answer never came)
 * and failures with no fallback standing in, with what is known: the reason, the provider's code, each attempt.
 */
@Controller
class NeedsAPersonPage {

	static final int SIZE = 50;
	private static final int MAX_AT_ONCE = 1000;

	private final OutreachQueries queries;
	private final AttemptStore attempts;
	private final Contacts contacts;
	private final OutreachResend resend;

	NeedsAPersonPage(OutreachQueries queries, AttemptStore attempts, Contacts contacts, OutreachResend resend) {
		this.queries = queries;
		this.attempts = attempts;
		this.contacts = contacts;
		this.resend = resend;
	}

	@GetMapping("/needs-a-person")
	String list(@RequestParam(required = false) Integer page, @ModelAttribute("me") Viewer me, Model model) {
		OutreachPage failed = queries.needingAPerson(Params.page(page), SIZE);
		Map<String, List<Attempt>> tries = new LinkedHashMap<>();
		Map<String, Boolean> uncertain = new LinkedHashMap<>();
		for (Outreach o : failed.records()) {
			tries.put(o.id(), attempts.list(o.id()));
			uncertain.put(o.id(), OutreachQueries.mayHaveGoneOut(o));
		}
		model.addAttribute("failed", failed);
		model.addAttribute("attempts", tries);
		model.addAttribute("uncertain", uncertain);
		model.addAttribute("contacts", contacts.of(failed.records().stream().map(Outreach::customerId).toList(), me));
		return "console/needs-a-person";
	}

	/**
	 * Send again (a new record linked to the failed one) or let be, for each record ticked: one by one or a whole
	 * provider incident at once. Each is answered on its own; a record someone else handled meanwhile is named.
	 */
	@PostMapping("/needs-a-person")
	String act(@RequestParam(name = "ids", required = false) List<String> ids, @RequestParam String action,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		if (ids == null || ids.isEmpty()) {
			flash.addFlashAttribute("error", "Tick the records to act on first.");
			return "redirect:/needs-a-person";
		}
		List<String> chosen = ids.stream().limit(MAX_AT_ONCE).toList();
		List<OutreachResend.Answer> answers;
		try {
			answers = switch (action) {
				case "resend" -> resend.resend(chosen, note);
				case "acknowledge" -> resend.acknowledge(chosen, note);
				default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action: resend or acknowledge");
			};
		}
		catch (ResponseStatusException e) {
			flash.addFlashAttribute("error", e.getReason());
			return "redirect:/needs-a-person";
		}
		long done = answers.stream().filter(a -> a.outcome() == OutreachResend.Outcome.RESENT
				|| a.outcome() == OutreachResend.Outcome.ACKNOWLEDGED).count();
		flash.addFlashAttribute("message", ("resend".equals(action) ? "Sent again: " : "Let be: ") + done + " of "
				+ answers.size() + ".");
		List<String> refused = answers.stream().filter(a -> a.outcome() == OutreachResend.Outcome.NOT_FOUND
				|| a.outcome() == OutreachResend.Outcome.CONFLICT).map(a -> a.id() + ": " + a.message()).toList();
		if (!refused.isEmpty()) {
			flash.addFlashAttribute("error", "Not done: " + String.join("; ", refused));
		}
		return "redirect:/needs-a-person";
	}
}
