package org.forewarn.suppression;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** An entry added by hand ends exactly when the person said, however the clock moves while it is added. */
class SuppressionDeskTest {

	/** A clock that moves on 117 microseconds at every reading, as a real one does between two statements. */
	static final class Ticking extends Clock {

		private Instant now = Instant.parse("2026-12-01T10:00:00Z");

		@Override
		public Instant instant() {
			now = now.plus(Duration.ofNanos(117_000));
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}

	@Test
	void anEntryUntilATimeEndsExactlyThen() {
		Clock clock = new Ticking();
		SuppressionStore store = mock(SuppressionStore.class);
		when(store.find(any(), any())).thenReturn(Optional.empty());
		SuppressionDesk desk = new SuppressionDesk(new SuppressionList(store, clock),
				new SuppressionSettings(DataSize.ofMegabytes(5), 100_000, false), clock);

		Suppression added = desk.add("email", "a@b.example", "asked", "2026-12-12T00:00:00Z", "rita");

		assertThat(added.expiresAt()).isEqualTo(Instant.parse("2026-12-12T00:00:00Z"));
	}
}
