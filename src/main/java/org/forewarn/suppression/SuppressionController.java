package org.forewarn.suppression;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.forewarn.web.StrictBody;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/suppressions}: list (paged, by channel and source), add one (JSON), remove one, import a CSV file.
 * Support may read; reviewer and admin manage (see WebSecurityConfiguration).
 */
@RestController
@Tag(name = "Suppressions", description = "Addresses and numbers not to contact (read: support; change: reviewer)")
@RequestMapping("/api/suppressions")
class SuppressionController {

	/** {@code expiresAt} (RFC 3339) is optional: without it the address is suppressed for good. */
	record NewSuppression(String channel, String address, String reason, String expiresAt) {
	}

	/** The fields of {@link NewSuppression}: the body is read as strictly as the pauses' body. */
	private static final List<String> FIELDS = List.of("channel", "address", "reason", "expiresAt");

	private final SuppressionDesk desk;

	SuppressionController(SuppressionDesk desk) {
		this.desk = desk;
	}

	@Operation(summary = "A page of suppressions, by channel and source")
	@GetMapping
	SuppressionList.Page page(@RequestParam(required = false) String channel,
			@RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return badRequests(() -> desk.page(channel, source, page, size));
	}

	@Operation(summary = "Add an address or number not to contact")
	@ApiResponse(responseCode = "400", description = "Unknown channel, an address that is not one, a bad expiresAt, a field not accepted")
	@PostMapping
	ResponseEntity<Suppression> add(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			schema = @Schema(implementation = NewSuppression.class))) @RequestBody Map<String, Object> body,
			Principal user) {
		if (body == null) {
			throw bad("body: missing");
		}
		// a misspelt expiresAt ("until") would otherwise suppress the address for good without a word
		if (body.containsKey("by")) {
			throw bad("by: not accepted; the signed-in user is recorded as createdBy");
		}
		StrictBody.onlyFields(body, FIELDS, String.join(", ", FIELDS));
		Suppression added = badRequests(() -> desk.add(StrictBody.string(body, "channel"),
				StrictBody.string(body, "address"), StrictBody.string(body, "reason"),
				StrictBody.string(body, "expiresAt"), user.getName()));
		return ResponseEntity.status(HttpStatus.CREATED).body(added);
	}

	@Operation(summary = "Lift a suppression")
	@DeleteMapping("/{channel}/{address}")
	ResponseEntity<Void> remove(@PathVariable String channel, @PathVariable String address) {
		if (!badRequests(() -> desk.lift(channel, address))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "address: no suppression for this "
					+ channel + " address");
		}
		return ResponseEntity.noContent().build();
	}

	/** The body is the CSV file itself ({@code text/csv}), at most {@code forewarn.suppressions.import-max-bytes}. */
	@Operation(summary = "Import a CSV file (text/csv): channel,address,reason; bad lines are named")
	@ApiResponse(responseCode = "413", description = "Larger than forewarn.suppressions.import-max-bytes")
	@PostMapping("/import")
	ResponseEntity<Map<String, Object>> importCsv(HttpServletRequest request, Principal user) throws IOException {
		long max = desk.importMaxBytes();
		if (request.getContentLengthLong() > max) {
			throw tooLarge(max);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		if (body.length > max) {
			throw tooLarge(max);
		}
		try {
			SuppressionDesk.Imported result = desk.importCsv(body, user.getName());
			return ResponseEntity.ok(Map.of("imported", result.imported(), "errors", result.errors()));
		}
		catch (IllegalArgumentException e) {
			throw bad("body: " + e.getMessage());
		}
	}

	private static ResponseStatusException tooLarge(long max) {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "body: larger than " + max
				+ " bytes; split the file (forewarn.suppressions.import-max-bytes)");
	}

	private static <T> T badRequests(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (IllegalArgumentException e) {
			throw bad(e.getMessage());
		}
	}

	private static ResponseStatusException bad(String reason) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
	}
}
