package org.forewarn.console;

import java.security.Principal;

import org.forewarn.brake.PauseDesk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The brake: pauses in force and the audit trail of every pause and resume. Reviewers pause a rule, problem or
 * channel and resume it with a note; support reads. The actor is the signed-in user.
 */
@Controller
class PausesPage {

	private final PauseDesk desk;

	PausesPage(PauseDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/pauses")
	String list(Model model) {
		model.addAttribute("listing", desk.listing());
		return "console/pauses";
	}

	@PostMapping("/pauses")
	String pause(@RequestParam(required = false) String scope, @RequestParam(required = false) String name,
			@RequestParam(required = false) String note, Principal user, RedirectAttributes redirect) {
		try {
			PauseDesk.Paused paused = desk.pause(scope, name, note, user.getName());
			redirect.addFlashAttribute("message", (paused.created() ? "Paused " : "Already paused: ")
					+ paused.pause().scope() + " " + paused.pause().name() + ".");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/pauses";
	}

	@PostMapping("/pauses/resume")
	String resume(@RequestParam(required = false) String scope, @RequestParam(required = false) String name,
			@RequestParam(required = false) String note, Principal user, RedirectAttributes redirect) {
		try {
			if (desk.resume(scope, Params.text(name) == null ? "" : name, note, user.getName())) {
				redirect.addFlashAttribute("message", "Resumed " + scope + " " + name
						+ "; outreach it held back goes out again.");
			}
			else {
				redirect.addFlashAttribute("error", "No pause of " + scope + " '" + name + "'.");
			}
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/pauses";
	}
}
