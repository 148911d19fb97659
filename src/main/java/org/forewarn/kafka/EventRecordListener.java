package org.forewarn.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.forewarn.engine.EventIntake;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventType;
import org.forewarn.event.InvalidEventException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads event records and runs each through the one intake path, in its customer's lane. A partition holds whole
 * customers (the key is the customerId), so each customer's events arrive here in order and on one instance only.
 * The listener returns only after the event's effects are stored, so the offset is committed after them; a record
 * that cannot be accepted is thrown out to the dead-letter topic, a transient failure is retried.
 */
class EventRecordListener {

	private final EventIntake intake;
	private final KafkaSettings settings;
	private final ApplicationEventPublisher events;

	EventRecordListener(EventIntake intake, KafkaSettings settings, ApplicationEventPublisher events) {
		this.intake = intake;
		this.settings = settings;
		this.events = events;
	}

	/** The topics to read, for the listener annotation. */
	public List<String> topics() {
		return settings.topics();
	}

	@KafkaListener(id = "forewarn-events", idIsGroup = false, groupId = "${spring.kafka.consumer.group-id:forewarn}",
			topics = "#{__listener.topics()}")
	void onRecord(ConsumerRecord<String, String> record) {
		Event event = parse(record);
		IntakeResult result = intake.submit(event);
		switch (result.status()) {
			case ACCEPTED, DUPLICATE -> events.publishEvent(new EventRecordHandled(record.topic(),
					record.partition(), record.offset(), event.customerId(), event.id(), result.status()));
			case REJECTED -> throw new RejectedRecordException(result.reason());
			case FAILED -> throw new ProcessingFailedException(result.reason());
		}
	}

	private static Event parse(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			throw new RejectedRecordException("event: the record has no value");
		}
		boolean timer = fromForewarnTimer(record);
		Event event;
		try {
			event = timer ? EventParser.parseInternal(record.value()) : EventParser.parse(record.value());
		}
		catch (InvalidEventException e) {
			throw new RejectedRecordException(e.getMessage());
		}
		if (timer && !event.type().equals(EventType.TIMER_FIRED.wireName())) {
			throw new RejectedRecordException(ForewarnHeaders.ORIGIN + " header: only on "
					+ EventType.TIMER_FIRED.wireName() + " events, got " + event.type());
		}
		if (!event.customerId().equals(record.key())) {
			throw new RejectedRecordException("key: must be the event's customerId '" + event.customerId() + "', got "
					+ (record.key() == null ? "none" : "'" + record.key() + "'")
					+ " (one customer's events must share a partition to stay in order)");
		}
		return event;
	}

	/** Timers Forewarn produced itself; timer.fired without this header is rejected like any unknown type. */
	private static boolean fromForewarnTimer(ConsumerRecord<String, String> record) {
		Header origin = record.headers().lastHeader(ForewarnHeaders.ORIGIN);
		return origin != null && ForewarnHeaders.TIMER.equals(new String(origin.value(), StandardCharsets.UTF_8));
	}
}
