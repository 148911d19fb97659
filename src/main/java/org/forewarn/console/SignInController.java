package org.forewarn.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security's form login takes the POST, sign-out is a POST to /logout. With single sign-on
 * configured, the page also links to each OpenID Connect provider.
 */
@Controller
class SignInController {

	private final ObjectProvider<InMemoryClientRegistrationRepository> registrations;

	SignInController(ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
		this.registrations = registrations;
	}

	record Provider(String name, String path) {
	}

	/** The throttle's {@code ?wait=SECONDS}; any other text is not shown, so no link can put words on this page. */
	private static final Pattern SECONDS = Pattern.compile("[1-9][0-9]{0,5}");

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String wait, Model model) {
		if (wait != null && SECONDS.matcher(wait).matches()) {
			model.addAttribute("waitSeconds", wait);
		}
		List<Provider> providers = new ArrayList<>();
		InMemoryClientRegistrationRepository repository = registrations.getIfAvailable();
		if (repository != null) {
			for (ClientRegistration registration : repository) {
				providers.add(new Provider(registration.getClientName(),
						"/oauth2/authorization/" + registration.getRegistrationId()));
			}
		}
		model.addAttribute("providers", providers);
		return "console/login";
	}
}
