package org.forewarn.console;

import org.forewarn.rules.reload.ReloadAttempt;
import org.forewarn.rules.reload.RuleReloader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rules (rules role): the running version, its files and rules, the last reload and the last rejected one with each
 * error as file:line; a button reloads the folder now.
 */
@Controller
class RulesPage {

	private final RuleReloader reloader;

	RulesPage(RuleReloader reloader) {
		this.reloader = reloader;
	}

	@GetMapping("/rules")
	String rules(Model model) {
		model.addAttribute("status", reloader.status());
		return "console/rules";
	}

	@PostMapping("/rules/reload")
	String reload(RedirectAttributes redirect) {
		ReloadAttempt attempt = reloader.reload("console");
		redirect.addFlashAttribute(attempt.outcome() == ReloadAttempt.Outcome.REJECTED ? "error" : "message",
				"Reload " + attempt.outcome() + ": rule set " + attempt.version()
						+ (attempt.errors().isEmpty() ? "" : ", " + attempt.errors().size() + " error(s) below"));
		return "redirect:/rules";
	}
}
