package org.forewarn.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.StoredMessage;
import org.forewarn.followup.FollowupActions;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachPage;
import org.forewarn.outreach.TaskQueue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The follow-up queue: open and claimed tasks, most urgent first (escalated, then by due time, then by the rule's
 * deadline, then the oldest), read through {@link TaskQueue} as {@code GET /api/followups} reads it; filters by
 * problem, rule, age and assignee; claim, resolve or dismiss with a note. The customer's contact details are at hand.
 */
@Controller
class FollowupsPage {

	static final int SIZE = 50;

	private final TaskQueue queue;
	private final FollowupActions actions;
	private final ChannelDispatch channels;
	private final Contacts contacts;
	private final Clock clock;

	FollowupsPage(TaskQueue queue, FollowupActions actions, ChannelDispatch channels, Contacts contacts,
			Clock clock) {
		this.queue = queue;
		this.actions = actions;
		this.channels = channels;
		this.contacts = contacts;
		this.clock = clock;
	}

	@GetMapping("/followups")
	String queue(@RequestParam(required = false) String problem, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String age, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Integer page, @ModelAttribute("me") Viewer me, Model model) {
		model.addAttribute("filter", Map.of("problem", nz(problem), "rule", nz(rule), "age", nz(age),
				"assignee", nz(assignee)));
		try {
			Duration older = Params.age(age);
			Instant now = clock.instant();
			OutreachPage tasks = queue.page(TaskQueue.TaskFilter.active(Params.text(problem), Params.text(rule),
					older == null ? null : now.minus(older), Params.text(assignee)), now, Params.page(page), SIZE);
			Map<String, StoredMessage> texts = new LinkedHashMap<>();
			tasks.records().forEach(t -> channels.message(t.id()).ifPresent(m -> texts.put(t.id(), m)));
			model.addAttribute("tasks", tasks);
			model.addAttribute("texts", texts);
			model.addAttribute("contacts", contacts.of(tasks.records().stream().map(Outreach::customerId).toList(), me));
		}
		catch (Params.BadFilter e) {
			model.addAttribute("error", e.getMessage());
		}
		return "console/followups";
	}

	@PostMapping("/followups/{id}/{action}")
	String act(@PathVariable String id, @PathVariable String action, @RequestParam(required = false) String note,
			Principal user, RedirectAttributes redirect) {
		String text = Params.text(note);
		try {
			Outreach done = switch (action) {
				case "claim" -> actions.claim(id, user.getName(), text);
				case "resolve" -> actions.resolve(id, user.getName(), text);
				case "dismiss" -> actions.dismiss(id, user.getName(), text);
				default -> throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
						"no action '" + action + "'; claim, resolve or dismiss");
			};
			redirect.addFlashAttribute("message", "Task " + id + " is " + done.status() + ": " + done.statusReason());
		}
		catch (ResponseStatusException e) {
			redirect.addFlashAttribute("error", e.getReason());
		}
		return "redirect:/followups";
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
