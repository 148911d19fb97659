package org.forewarn.console;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

	@GetMapping("/login")
	String signIn(Model model) {
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
