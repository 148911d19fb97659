package org.forewarn.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.forewarn.shared.StoredTime;

/**
 * The system clock in whole microseconds, the most the database keeps. Not {@code Clock.tick}: on Java 17 its
 * {@code millis()} divides by zero for a tick under a millisecond.
 */
final class MicrosecondClock extends Clock {

	private final Clock system;

	MicrosecondClock(Clock system) {
		this.system = system;
	}

	@Override
	public Instant instant() {
		return system.instant().truncatedTo(StoredTime.PRECISION);
	}

	@Override
	public long millis() {
		return system.millis();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MicrosecondClock(system.withZone(zone));
	}
}
