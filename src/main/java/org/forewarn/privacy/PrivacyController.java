package org.forewarn.privacy;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Data protection requests about one customer: {@code GET /api/customers/{id}/export} (everything held, one JSON
 * document) and {@code DELETE /api/customers/{id}} (erase their personal data). Both are audited with the
 * signed-in user.
 */
@RestController
@Tag(name = "Data protection", description = "Export and erasure of one customer's data (role privacy)")
@RequestMapping("/api/customers")
class PrivacyController {

	private final PrivacyRequests requests;

	PrivacyController(PrivacyRequests requests) {
		this.requests = requests;
	}

	@Operation(summary = "Everything held about a customer, as one JSON document (audited)")
	@GetMapping("/{customerId}/export")
	Object export(@PathVariable String customerId, Principal user) {
		return badRequests(() -> requests.export(customerId, user.getName())).orElseThrow(() -> nothingHeld(customerId));
	}

	@Operation(summary = "Erase a customer's personal data, cancel their waiting outreach, leave a tombstone")
	@DeleteMapping("/{customerId}")
	PrivacyRequests.Erasure erase(@PathVariable String customerId, Principal user) {
		return badRequests(() -> requests.erase(customerId, user.getName())).orElseThrow(() -> nothingHeld(customerId));
	}

	@Operation(summary = "Export, for a customer id a path cannot carry (a slash, a backslash, a semicolon...)")
	@GetMapping("/export")
	Object exportOf(@RequestParam String customerId, Principal user) {
		return export(customerId, user);
	}

	@Operation(summary = "Erase, for a customer id a path cannot carry (a slash, a backslash, a semicolon...)")
	@DeleteMapping
	PrivacyRequests.Erasure eraseOf(@RequestParam String customerId, Principal user) {
		return erase(customerId, user);
	}

	private static <T> T badRequests(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
		}
	}

	private static ResponseStatusException nothingHeld(String customerId) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "customerId: nothing is held about customer "
				+ customerId);
	}
}
