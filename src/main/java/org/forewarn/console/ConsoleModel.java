package org.forewarn.console;

import java.time.Clock;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout needs: who is looking (for the navigation) and how to write times. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	private final RoleHierarchy roles;
	private final Clock clock;

	ConsoleModel(RoleHierarchy roles, Clock clock) {
		this.roles = roles;
		this.clock = clock;
	}

	@ModelAttribute("me")
	Viewer me(Authentication auth) {
		return Viewer.of(auth, roles);
	}

	@ModelAttribute("fmt")
	Formats formats() {
		return new Formats(clock.instant());
	}
}
