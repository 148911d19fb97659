package org.forewarn.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login takes the POST, sign-out is a POST to /logout. */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn() {
		return "console/login";
	}
}
