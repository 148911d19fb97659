package org.forewarn.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until told to move: replay sets it to each event's time, tests set it by hand. */
public final class MutableClock extends Clock {

	private volatile Instant now;

	public MutableClock(Instant start) {
		this.now = start;
	}

	public void set(Instant moment) {
		this.now = moment;
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** A view in another zone that still follows this clock when it moves. */
	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock source = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return source.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}
		};
	}
}
