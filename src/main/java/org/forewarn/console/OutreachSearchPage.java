package org.forewarn.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.forewarn.outreach.OutreachQueries;
import org.forewarn.outreach.OutreachSearch;
import org.forewarn.outreach.OutreachStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Outreach search: by status, channel, problem, rule, customer, order and decision date; newest first, paged. */
@Controller
class OutreachSearchPage {

	static final int SIZE = 50;

	private final OutreachQueries queries;

	OutreachSearchPage(OutreachQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/outreach")
	String search(@RequestParam Map<String, String> params, @RequestParam(required = false) Integer page,
			Model model) {
		Map<String, String> filter = new LinkedHashMap<>();
		for (String name : new String[] { "status", "channel", "problem", "rule", "customer", "order", "from", "to" }) {
			filter.put(name, params.getOrDefault(name, ""));
		}
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", OutreachStatus.values());
		try {
			OutreachSearch search = new OutreachSearch(Params.status(filter.get("status")),
					Params.channel(filter.get("channel")), Params.text(filter.get("problem")),
					Params.text(filter.get("rule")), Params.text(filter.get("customer")),
					Params.text(filter.get("order")), Params.day("from", filter.get("from"), false),
					Params.day("to", filter.get("to"), true));
			model.addAttribute("results", queries.search(search, Params.page(page), SIZE));
		}
		catch (Params.BadFilter e) {
			model.addAttribute("error", e.getMessage());
		}
		return "console/outreach";
	}
}
