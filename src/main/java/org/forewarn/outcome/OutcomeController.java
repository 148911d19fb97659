package org.forewarn.outcome;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/outcomes?problem=&rule=&from=&to=}: contacted against held out, per rule and problem. */
@RestController
@Tag(name = "Outcomes", description = "Contacted versus held out (roles support, rules)")
class OutcomeController {

	private final OutcomeReport outcomes;

	OutcomeController(OutcomeReport outcomes) {
		this.outcomes = outcomes;
	}

	@Operation(summary = "Outcome rates and lift per problem and rule")
	@GetMapping("/api/outcomes")
	OutcomeReport.Report outcomes(@Parameter(example = "shipment.late") @RequestParam(required = false) String problem,
			@Parameter(example = "shipment.late: notice") @RequestParam(required = false) String rule,
			@Parameter(description = "decided from (ISO-8601)", example = "2026-03-01T00:00:00Z")
			@RequestParam(required = false) String from,
			@Parameter(description = "decided before (ISO-8601)", example = "2026-04-01T00:00:00Z")
			@RequestParam(required = false) String to) {
		return outcomes.report(new OutcomeReport.Filter(blankToNull(problem), blankToNull(rule), time("from", from),
				time("to", to)));
	}

	private static Instant time(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": '" + value
					+ "' is not an RFC 3339 time with offset, e.g. 2026-03-01T00:00:00Z");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
