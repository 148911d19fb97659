package org.forewarn.suppression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

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

	private final SuppressionList list;
	private final SuppressionSettings settings;
	private final Clock clock;

	SuppressionController(SuppressionList list, SuppressionSettings settings, Clock clock) {
		this.list = list;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	SuppressionList.Page page(@RequestParam(required = false) String channel,
			@RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		if (page < 0) {
			throw bad("page: must be 0 or more");
		}
		if (size < 1 || size > 1000) {
			throw bad("size: between 1 and 1000");
		}
		return badRequests(() -> list.page(channel, source == null || source.isBlank() ? null
				: SuppressionSource.parse(source), page, size));
	}

	@Operation(summary = "Add an address or number not to contact")
	@ApiResponse(responseCode = "400", description = "Unknown channel, an address that is not one, a bad expiresAt")
	@PostMapping
	ResponseEntity<Suppression> add(@RequestBody NewSuppression body, Principal user) {
		if (body == null) {
			throw bad("body: missing");
		}
		Duration until = null;
		if (body.expiresAt() != null && !body.expiresAt().isBlank()) {
			try {
				until = Duration.between(clock.instant(), OffsetDateTime.parse(body.expiresAt()).toInstant());
			}
			catch (DateTimeParseException e) {
				throw bad("expiresAt: not an RFC 3339 time with offset, e.g. 2027-01-31T00:00:00Z");
			}
			if (until.isNegative() || until.isZero()) {
				throw bad("expiresAt: already past");
			}
		}
		Duration forHowLong = until;
		Suppression added = badRequests(() -> list.add(body.channel(), body.address(), body.reason(),
				SuppressionSource.MANUAL, forHowLong, user.getName()));
		return ResponseEntity.status(HttpStatus.CREATED).body(added);
	}

	@Operation(summary = "Lift a suppression")
	@DeleteMapping("/{channel}/{address}")
	ResponseEntity<Void> remove(@PathVariable String channel, @PathVariable String address) {
		if (!badRequests(() -> list.remove(channel, address))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no suppression for this " + channel + " address");
		}
		return ResponseEntity.noContent().build();
	}

	/** The body is the CSV file itself ({@code text/csv}), at most {@code forewarn.suppressions.import-max-bytes}. */
	@Operation(summary = "Import a CSV file (text/csv): channel,address,reason; bad lines are named")
	@ApiResponse(responseCode = "413", description = "Larger than forewarn.suppressions.import-max-bytes")
	@PostMapping("/import")
	ResponseEntity<Map<String, Object>> importCsv(HttpServletRequest request, Principal user) throws IOException {
		long max = settings.importMaxBytes().toBytes();
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
		BufferedReader csv = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(body),
				StandardCharsets.UTF_8));
		try {
			SuppressionImport.Result result = SuppressionImport.run(csv, settings.importMaxLines(), list,
					user.getName());
			return ResponseEntity.ok(Map.of("imported", result.imported(), "errors", result.errors()));
		}
		catch (SuppressionImport.Refused e) {
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
