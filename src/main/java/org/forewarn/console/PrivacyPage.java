package org.forewarn.console;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.forewarn.privacy.PrivacyRequests;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Data protection requests for the privacy role, on a page of its own (privacy users do not see the support pages
 * and timelines): export everything held about a customer (the API's JSON, as a file) and erase it after a
 * confirmation step naming the customer and what goes.
 */
@Controller
class PrivacyPage {

	private final PrivacyRequests requests;

	PrivacyPage(PrivacyRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/privacy")
	String page(@RequestParam(required = false) String customer, Model model) {
		model.addAttribute("customer", Params.text(customer));
		return "console/privacy";
	}

	/** The same document as {@code GET /api/customers/{id}/export}, as a file; back to the page with an error. */
	@GetMapping("/privacy/export")
	ResponseEntity<Object> export(@RequestParam(required = false) String customer, Principal user,
			HttpServletRequest request, HttpServletResponse response) {
		String id = Params.text(customer);
		String error;
		try {
			Object document = requests.export(id, user.getName()).orElse(null);
			if (document != null) {
				return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
					.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("customer-" + id + ".json", StandardCharsets.UTF_8).build().toString())
					.body(document);
			}
			error = "Nothing is held about customer " + id + ".";
		}
		catch (IllegalArgumentException e) {
			error = e.getMessage();
		}
		String location = back(id).substring("redirect:".length());
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("error", error);
		RequestContextUtils.saveOutputFlashMap(location, request, response);
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + location))
			.build();
	}

	/** The confirmation step: nothing is erased until its form is sent. */
	@GetMapping("/privacy/erase")
	String confirm(@RequestParam(required = false) String customer, Model model) {
		String id = Params.text(customer);
		if (id == null) {
			return "redirect:/privacy";
		}
		model.addAttribute("customer", id);
		return "console/privacy-erase";
	}

	@PostMapping("/privacy/erase")
	String erase(@RequestParam(required = false) String customer, Principal user, RedirectAttributes redirect) {
		String id = Params.text(customer);
		try {
			requests.erase(id, user.getName()).ifPresentOrElse(e -> redirect.addFlashAttribute("message",
					"Erased customer " + e.customerId() + ": " + e.events() + " events, " + e.outreach()
							+ " outreach records (" + e.cancelled() + " waiting cancelled), " + e.messages()
							+ " messages" + (e.profile() ? ", the profile" : ", no profile was held") + "."),
					() -> redirect.addFlashAttribute("error", "Nothing is held about customer " + id
							+ "; nothing erased."));
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return back(id);
	}

	private static String back(String id) {
		return "redirect:" + (id == null ? "/privacy" : UriComponentsBuilder.fromPath("/privacy")
			.queryParam("customer", id).encode().build().toUriString());
	}
}
