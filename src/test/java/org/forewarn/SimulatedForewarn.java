package org.forewarn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.forewarn.engine.IntakeResult;
import org.forewarn.event.EventParser;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.replay.Replayer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Forewarn server on a clock the test moves: the replay profile's simulated clock and in-memory wakeups, an
 * in-memory database, and the HTTP API on a free port. Time only moves when the test feeds an event or calls
 * {@link #advanceTo}; wakeups due by then fire in order, exactly as in a replay.
 */
public final class SimulatedForewarn extends TestServer {

	private final Replayer replayer;

	private SimulatedForewarn(ConfigurableApplicationContext context) {
		super(context);
		this.replayer = context.getBean(Replayer.class);
	}

	/** Starts at {@code start} with the given settings ({@code --key=value}), which win over ./config. */
	public static SimulatedForewarn start(Instant start, String... settings) {
		SimulatedForewarn app = new SimulatedForewarn(run(List.of(settings), List.of("--spring.profiles.active=replay",
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:sim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--spring.autoconfigure.exclude=org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
				"--forewarn.channels.templates=config/templates", "--forewarn.lanes=2",
				"--spring.main.banner-mode=off")));
		app.advanceTo(start);
		return app;
	}

	public IntakeResult feed(String eventJson) {
		return replayer.feed(EventParser.parse(eventJson));
	}

	/** Moves the clock forward, firing every wakeup due by then at its own time. */
	public void advanceTo(Instant moment) {
		replayer.advanceTo(moment);
	}

	public void advance(Duration by) {
		advanceTo(now().plus(by));
	}

	public Instant now() {
		return replayer.now();
	}

	public List<Outreach> outreach(String customerId) {
		return bean(OutreachStore.class).findByCustomer(customerId);
	}

	public Outreach only(String customerId) {
		List<Outreach> all = outreach(customerId);
		if (all.size() != 1) {
			throw new AssertionError("expected one outreach for " + customerId + ", got " + all);
		}
		return all.get(0);
	}
}
