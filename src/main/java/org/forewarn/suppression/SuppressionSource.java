package org.forewarn.suppression;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a suppression came from; written in lower case in the API, the CSV and the database. */
public enum SuppressionSource {
	/** a person, through the API */
	MANUAL,
	/** a CSV import */
	IMPORT,
	/** a hard bounce, or soft bounces in a row, from the bounce mailbox */
	BOUNCE,
	/** a spam complaint (abuse report) from the bounce mailbox */
	COMPLAINT,
	/** the recipient opted out at their carrier (Twilio 21610) */
	CARRIER_OPT_OUT,
	/** the carrier says the number cannot be reached or does not exist (Twilio 21211, 21614, 30003, ...) */
	CARRIER_UNREACHABLE;

	@JsonValue
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code carrier_opt_out}; an unknown name is an error naming the valid ones. */
	public static SuppressionSource parse(String value) {
		String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (SuppressionSource source : values()) {
			if (source.name().equals(name)) {
				return source;
			}
		}
		throw new IllegalArgumentException("source: unknown '" + value + "'; one of " + names());
	}

	static String names() {
		return Arrays.stream(values()).map(SuppressionSource::label).collect(Collectors.joining(", "));
	}
}
