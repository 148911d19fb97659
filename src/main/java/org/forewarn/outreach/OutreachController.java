package org.forewarn.outreach;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.channel.TemplateCheck;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/outreach} with filters, and one record's history and send attempts. */
@RestController
@Tag(name = "Outreach", description = "What was decided and sent (role support)")
@RequestMapping("/api/outreach")
class OutreachController {

	private final OutreachStore outreach;
	private final AttemptStore attempts;

	OutreachController(OutreachStore outreach, AttemptStore attempts) {
		this.outreach = outreach;
		this.attempts = attempts;
	}

	@Operation(summary = "Search outreach records, newest first")
	@GetMapping
	List<Outreach> list(@Parameter(example = "c-1") @RequestParam(required = false) String customerId,
			@Parameter(example = "o-1") @RequestParam(required = false) String orderId,
			@Parameter(description = "an outreach status", example = "SENT") @RequestParam(required = false)
			String status, @Parameter(description = "a channel: email, sms or task", example = "email")
			@RequestParam(required = false) String channel,
			@Parameter(description = "most records answered") @RequestParam(defaultValue = "500") int limit) {
		return outreach.search(new OutreachFilter(customerId, orderId, status(status), channel(channel)),
				Math.max(1, Math.min(limit, 10_000)));
	}

	@Operation(summary = "Every status the record went through, with reasons")
	@GetMapping("/{id}/history")
	List<StatusChange> history(@PathVariable String id) {
		outreach.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no outreach " + id));
		return outreach.history(id);
	}

	/** Every send attempt of one record, with the provider's answer. */
	@Operation(summary = "Send attempts with provider outcome and code")
	@GetMapping("/{id}/attempts")
	List<Attempt> attempts(@PathVariable String id) {
		outreach.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no outreach " + id));
		return attempts.list(id);
	}

	static OutreachStatus status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OutreachStatus.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status: unknown status '" + value
					+ "'; one of " + java.util.Arrays.toString(OutreachStatus.values()));
		}
	}

	/** As a status: any case matches, an unknown channel is refused rather than matching nothing. */
	static String channel(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String channel = value.strip().toLowerCase(Locale.ROOT);
		if (!TemplateCheck.CHANNELS.contains(channel)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "channel: unknown channel '" + value
					+ "'; one of " + new TreeSet<>(TemplateCheck.CHANNELS));
		}
		return channel;
	}
}
