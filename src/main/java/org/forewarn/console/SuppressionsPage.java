package org.forewarn.console;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;

import org.forewarn.suppression.Suppression;
import org.forewarn.suppression.SuppressionDesk;
import org.forewarn.suppression.SuppressionSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The do-not-contact list: a page of entries by channel and source; add one by hand (for good or until a day), lift
 * one, import a CSV file with every bad line named. Support reads it, reviewers change it, as through the API.
 */
@Controller
class SuppressionsPage {

	static final int SIZE = 50;

	private final SuppressionDesk desk;

	SuppressionsPage(SuppressionDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/suppressions")
	String list(@RequestParam(required = false) String channel, @RequestParam(required = false) String source,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("filter", Map.of("channel", nz(channel), "source", nz(source)));
		model.addAttribute("sources", SuppressionSource.values());
		try {
			model.addAttribute("entries", desk.page(Params.text(channel), Params.text(source), Params.page(page), SIZE));
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		return "console/suppressions";
	}

	@PostMapping("/suppressions")
	String add(@RequestParam(required = false) String channel, @RequestParam(required = false) String address,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String until,
			Principal user, RedirectAttributes redirect) {
		try {
			Instant end = Params.day("until", until, true);
			Suppression added = desk.add(channel, address, reason, end == null ? null : end.toString(),
					user.getName());
			redirect.addFlashAttribute("message", "Suppressed " + added.channel() + " " + added.address()
					+ (added.expiresAt() == null ? " for good." : " until " + added.expiresAt() + "."));
		}
		catch (IllegalArgumentException | Params.BadFilter e) {
			// the desk names the API's field; the form's is until
			redirect.addFlashAttribute("error", e.getMessage().replaceFirst("^expiresAt:", "until:"));
		}
		return "redirect:/suppressions";
	}

	@PostMapping("/suppressions/lift")
	String lift(@RequestParam(required = false) String channel, @RequestParam(required = false) String address,
			RedirectAttributes redirect) {
		try {
			if (desk.lift(nz(channel), nz(address))) {
				redirect.addFlashAttribute("message", "Lifted the suppression of " + channel + " " + address + ".");
			}
			else {
				redirect.addFlashAttribute("error", "No suppression of this " + channel + " address.");
			}
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/suppressions";
	}

	@PostMapping("/suppressions/import")
	String importCsv(@RequestParam(required = false) MultipartFile file, Principal user,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "file: choose a CSV file (header channel,address,reason)");
			return "redirect:/suppressions";
		}
		if (file.getSize() > desk.importMaxBytes()) {
			redirect.addFlashAttribute("error", "file: larger than " + desk.importMaxBytes()
					+ " bytes; split the file (forewarn.suppressions.import-max-bytes)");
			return "redirect:/suppressions";
		}
		try {
			SuppressionDesk.Imported result = desk.importCsv(file.getBytes(), user.getName());
			redirect.addFlashAttribute("message", "Imported " + result.imported() + " addresses from "
					+ file.getOriginalFilename() + "; " + result.errors().size() + " lines not imported.");
			redirect.addFlashAttribute("importErrors", result.errors());
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "Nothing imported: " + e.getMessage());
		}
		return "redirect:/suppressions";
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
