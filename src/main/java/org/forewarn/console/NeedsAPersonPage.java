package org.forewarn.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.forewarn.outreach.Attempt;
import org.forewarn.outreach.AttemptStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachPage;
import org.forewarn.outreach.OutreachQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Needs a person: FAILED records that may have gone out (interrupted mid-send, or the provider's answer never came)
 * and failures with no fallback standing in, with what is known: the reason, the provider's code, each attempt.
 */
@Controller
class NeedsAPersonPage {

	static final int SIZE = 50;

	private final OutreachQueries queries;
	private final AttemptStore attempts;
	private final Contacts contacts;

	NeedsAPersonPage(OutreachQueries queries, AttemptStore attempts, Contacts contacts) {
		this.queries = queries;
		this.attempts = attempts;
		this.contacts = contacts;
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
}
