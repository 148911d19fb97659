package org.forewarn.shared;

import java.time.Duration;

/** Checks of a setting's value at startup, each naming the setting: a timer given zero would fail without a word. */
public final class SettingChecks {

	private SettingChecks() {
	}

	public static void positive(String setting, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(setting + " must be positive, was " + value);
		}
	}

	public static void notNegative(String setting, Duration value) {
		if (value.isNegative()) {
			throw new IllegalArgumentException(setting + " must not be negative, was " + value);
		}
	}
}
