package org.forewarn.bounce;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.forewarn.engine.EventEntry;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a customer's consent for a channel off because a provider said so (a spam complaint, Twilio 21610), as a
 * {@code customer.updated} event with the reason, in the customer's lane like any consent change: it is on the
 * timeline, and its event id makes a repeated report no second change. Handed to a thread of its own, since a
 * refusal at send time is heard inside the customer's lane, which must not wait for itself.
 */
@Component
class ConsentWithdrawal {

	private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawal.class);

	private final EventEntry entry;
	private final Clock clock;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "forewarn-consent-withdrawal");
		thread.setDaemon(true);
		return thread;
	});

	ConsentWithdrawal(EventEntry entry, Clock clock) {
		this.entry = entry;
		this.clock = clock;
	}

	void withdraw(String eventId, String customerId, String channel, String reason) {
		worker.execute(() -> {
			try {
				ObjectNode data = JsonNodeFactory.instance.objectNode();
				data.putObject("consent").put(channel, false);
				data.put("source", reason);
				IntakeResult result = entry.enter(EventParser.internal(eventId, EventType.CUSTOMER_UPDATED,
						clock.instant().atOffset(ZoneOffset.UTC), customerId, null, data));
				if (result.status() == IntakeResult.Status.FAILED || result.status() == IntakeResult.Status.REJECTED) {
					log.warn("Customer {}: {} consent could not be turned off ({}): {}", customerId, channel, reason,
							result.reason());
				}
			}
			catch (RuntimeException e) {
				log.warn("Customer {}: {} consent could not be turned off ({}): {}", customerId, channel, reason,
						e.toString());
			}
		});
	}

	@PreDestroy
	void stop() throws InterruptedException {
		worker.shutdown();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}
}
