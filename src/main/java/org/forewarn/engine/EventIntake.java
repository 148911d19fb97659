package org.forewarn.engine;

import java.time.ZoneOffset;

import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventType;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where validated events are processed, from any source, in the customer's lane. Timers enter here too. Raw JSON
 * is validated first by its source ({@link EventEntry} for HTTP, the Kafka listener, replay).
 */
public class EventIntake implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

	private final CustomerProcessor processor;
	private final CustomerLanes lanes;

	EventIntake(CustomerProcessor processor, CustomerLanes lanes) {
		this.processor = processor;
		this.lanes = lanes;
	}

	public IntakeResult submit(Event event) {
		try {
			boolean fresh = lanes.run(event.customerId(), () -> processor.process(event));
			return new IntakeResult(null, event.id(),
					fresh ? IntakeResult.Status.ACCEPTED : IntakeResult.Status.DUPLICATE, null);
		}
		catch (RuntimeException e) {
			log.error("Processing event {} of customer {} failed; it was not stored", event.id(),
					event.customerId(), e);
			return new IntakeResult(null, event.id(), IntakeResult.Status.FAILED,
					"processing failed, nothing was stored (retry later): " + e.getMessage());
		}
	}

	/** A due wakeup re-enters as a {@code timer.fired} event for its customer, at its due time. */
	public IntakeResult fire(Wakeup wakeup) {
		return submit(timerEvent(wakeup));
	}

	/** The {@code timer.fired} event a due wakeup raises; its id is stable, so firing twice acts once. */
	public static Event timerEvent(Wakeup wakeup) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("label", wakeup.label());
		data.put("dueAt", wakeup.at().toString());
		if (wakeup.orderId() != null) {
			data.put("orderId", wakeup.orderId());
		}
		return EventParser.internal("timer-" + wakeup.id(), EventType.TIMER_FIRED,
				wakeup.at().atOffset(ZoneOffset.UTC), wakeup.customerId(), wakeup.orderId(), data);
	}

	@Override
	public void close() throws InterruptedException {
		lanes.close();
	}
}
