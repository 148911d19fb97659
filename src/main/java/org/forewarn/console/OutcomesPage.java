package org.forewarn.console;

import java.util.Arrays;

import org.forewarn.outcome.OutcomeReport;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outcomes after outreach, contacted against held out, per rule and problem (the figures of
 * {@code GET /api/outcomes}), with "not enough data yet" where a group is too small.
 */
@Controller
class OutcomesPage {

	private final OutcomeReport outcomes;
	private final Environment environment;

	OutcomesPage(OutcomeReport outcomes, Environment environment) {
		this.outcomes = outcomes;
		this.environment = environment;
	}

	@GetMapping("/outcomes")
	String outcomes(@RequestParam(required = false) String problem, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		model.addAttribute("filter", java.util.Map.of("problem", nz(problem), "rule", nz(rule), "from", nz(from),
				"to", nz(to)));
		// in a replay nothing was sent: there the difference between the groups is not evidence
		model.addAttribute("replay", Arrays.asList(environment.getActiveProfiles()).contains("replay"));
		try {
			model.addAttribute("report", outcomes.report(new OutcomeReport.Filter(Params.text(problem),
					Params.text(rule), Params.day("from", from, false), Params.day("to", to, true))));
		}
		catch (Params.BadFilter e) {
			model.addAttribute("error", e.getMessage());
		}
		return "console/outcomes";
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
