package org.forewarn.console;

import java.time.Clock;
import java.time.Duration;

import org.forewarn.outreach.OutreachQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Today: what was detected, sent, called off, suppressed and failed in the last 24 hours, and what waits now. */
@Controller
class TodayController {

	static final Duration DAY = Duration.ofHours(24);

	private final OutreachQueries queries;
	private final Clock clock;

	TodayController(OutreachQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/")
	String today(Model model, @ModelAttribute("me") Viewer me) {
		if (me.seesFigures()) {
			model.addAttribute("today", queries.today(clock.instant().minus(DAY), clock.instant()));
		}
		return "console/today";
	}
}
