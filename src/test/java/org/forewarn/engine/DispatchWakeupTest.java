package org.forewarn.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.forewarn.ForewarnApp;
import org.forewarn.event.Event;
import org.forewarn.event.EventStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.forewarn.engine.LiveEvents.customer;
import static org.forewarn.engine.LiveEvents.orderPlaced;

/**
 * A send due at once gets a wakeup with it, in case the process stops before the send. When the lane's dispatch has
 * sent it, the wakeup is settled and never fires. When it does fire (the process stopped first), it comes after the
 * customer's later events and only dispatches: asking the rules again at its earlier time would call off outreach
 * those later events decided.
 */
class DispatchWakeupTest {

	@TempDir
	Path data;

	@Test
	void theWakeupOfASendTheLaneHasDispatchedIsSettled() throws Exception {
		// no look for due wakeups after the start: a wakeup left in the table stays there
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.wakeups.poll-interval=1h")) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			Instant placed = now.minus(Duration.ofHours(13));
			app.post("/api/events", "[" + customer("dw-2", placed, true) + ","
					+ orderPlaced("dw-2", "dw-2-o", placed, placed.minus(Duration.ofDays(2)),
							placed.plus(Duration.ofHours(48))) + "]");

			assertThat(app.bean(OutreachStore.class).findByCustomer("dw-2"))
				.filteredOn(o -> o.problem().equals("order.not_shipped")).singleElement()
				.satisfies(o -> assertThat(o.status()).as(o.statusReason()).isEqualTo(OutreachStatus.SENT));
			assertThat(app.bean(JdbcClient.class).sql("select label from wakeup where customer_id = 'dw-2'").query(String.class)
				.list()).as("the handoff check stays, the dispatch is settled").doesNotContain("dispatch");
		}
	}

	@Test
	void theWakeupOfASendDueAtOnceOnlyDispatches() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data)) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			Instant placed = now.minus(Duration.ofHours(13));
			// at `placed` the handoff is a day late (email at once) and the promise 48 hours away (no shipment.late);
			// at `now`, 35 hours before the promise, shipment.late waits for a day before it
			app.post("/api/events", "[" + customer("dw-1", placed, true) + ","
					+ orderPlaced("dw-1", "dw-1-o", placed, placed.minus(Duration.ofDays(2)),
							placed.plus(Duration.ofHours(48)))
					+ ",{\"id\":\"dw-1-paid\",\"type\":\"order.paid\",\"time\":\"" + now
					+ "\",\"customerId\":\"dw-1\",\"orderId\":\"dw-1-o\",\"data\":{}}]");

			// as when the process stopped before the lane's dispatch: the wakeup of the handoff email still waits
			app.bean(WakeupScheduler.class).schedule(new Wakeup("dw-1", placed, "dw-1-o", "dispatch"));
			Event wakeup = awaitDispatchWakeup(app.bean(EventStore.class), "dw-1");
			List<Outreach> outreach = app.bean(OutreachStore.class).findByCustomer("dw-1");

			assertThat(wakeup.instant()).isEqualTo(placed);
			assertThat(outreach).filteredOn(o -> o.problem().equals("order.not_shipped")).singleElement()
				.satisfies(o -> assertThat(o.status()).isEqualTo(OutreachStatus.SENT));
			assertThat(outreach).filteredOn(o -> o.problem().equals("shipment.late")).singleElement()
				.satisfies(o -> assertThat(o.status()).as(o.statusReason()).isEqualTo(OutreachStatus.SCHEDULED));
		}
	}

	private static Event awaitDispatchWakeup(EventStore events, String customerId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (Event event : events.findByCustomer(customerId)) {
				if (event.type().equals("timer.fired") && event.data().get("label").asString().equals("dispatch")) {
					Thread.sleep(500); // its dispatch runs right after it is stored
					return event;
				}
			}
			Thread.sleep(200);
		}
		return fail("no dispatch wakeup fired within 30 s");
	}
}
