package org.forewarn.privacy;

import java.security.Principal;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

	/** Longer than any customer id intake accepts (128). */
	private static final int MAX_ID = 200;

	private final CustomerExport export;
	private final CustomerErasure erasure;
	private final PrivacyLog privacyLog;
	private final Clock clock;

	PrivacyController(CustomerExport export, CustomerErasure erasure, PrivacyLog privacyLog, Clock clock) {
		this.export = export;
		this.erasure = erasure;
		this.privacyLog = privacyLog;
		this.clock = clock;
	}

	@Operation(summary = "Everything held about a customer, as one JSON document (audited)")
	@GetMapping("/{customerId}/export")
	CustomerExport.Document export(@PathVariable String customerId, Principal user) {
		check(customerId);
		CustomerExport.Document document = export.export(customerId);
		if (document == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "nothing is held about customer " + customerId);
		}
		privacyLog.audit(clock.instant(), user.getName(), "export", customerId, CustomerExport.summary(document));
		return document;
	}

	@Operation(summary = "Erase a customer's personal data, cancel their waiting outreach, leave a tombstone")
	@DeleteMapping("/{customerId}")
	CustomerErasure.Erased erase(@PathVariable String customerId, Principal user) {
		check(customerId);
		CustomerErasure.Erased erased = erasure.erase(customerId, user.getName());
		if (erased == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "nothing is held about customer " + customerId);
		}
		return erased;
	}

	private static void check(String customerId) {
		if (customerId.length() > MAX_ID) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "customerId: longer than " + MAX_ID
					+ " characters; no customer has such an id");
		}
	}
}
