package org.forewarn.brake;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a pause holds back: outreach of one rule, about one problem, or on one channel. */
public enum PauseScope {
	RULE, PROBLEM, CHANNEL;

	/** As written in the API and stored: {@code rule}, {@code problem}, {@code channel}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses an API value; an unknown one is an error naming the valid ones. */
	static PauseScope parse(String value) {
		return Arrays.stream(values()).filter(s -> s.key().equals(value)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("scope: '" + value + "' is not one of "
					+ Arrays.stream(values()).map(PauseScope::key).collect(Collectors.joining(", "))));
	}
}
