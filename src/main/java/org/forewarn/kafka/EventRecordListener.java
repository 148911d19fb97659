package org.forewarn.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.forewarn.engine.EventIntake;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventType;
import org.forewarn.event.InvalidEventException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads event records and runs each through the one intake path, in its customer's lane. A partition holds whole
 * customers (the key is the customerId), so each customer's events arrive here in order and on one instance only.
 * The listener returns only after the event's effects are stored, so the offset is committed after them. A record
 * that can never be accepted is thrown out to the dead-letter topic (whatever went wrong while reading it); only a
 * failure that may pass (FAILED: the database unavailable) is retried.
 */
class EventRecordListener {

	static final String ID = "forewarn-events";

	private final EventIntake intake;
	private final KafkaSettings settings;
	private final TimerSignatures timers;
	private final ApplicationEventPublisher events;

	EventRecordListener(EventIntake intake, KafkaSettings settings, TimerSignatures timers,
			ApplicationEventPublisher events) {
		this.intake = intake;
		this.settings = settings;
		this.timers = timers;
		this.events = events;
	}

	/** The topics to read, for the listener annotation. */
	public List<String> topics() {
		return settings.topics();
	}

	@KafkaListener(id = ID, idIsGroup = false, groupId = "${spring.kafka.consumer.group-id:forewarn}",
			topics = "#{__listener.topics()}")
	void onRecord(ConsumerRecord<String, String> record) {
		Event event = read(record);
		IntakeResult result = intake.submit(event);
		switch (result.status()) {
			case ACCEPTED, DUPLICATE -> events.publishEvent(new EventRecordHandled(record.topic(),
					record.partition(), record.offset(), event.customerId(), event.id(), result.status()));
			case REJECTED -> throw new RejectedRecordException(result.reason());
			case FAILED -> throw new ProcessingFailedException(result.reason());
		}
	}

	/** The record's event; anything wrong with the record itself is a rejection, never retried. */
	private Event read(ConsumerRecord<String, String> record) {
		try {
			return parse(record);
		}
		catch (RejectedRecordException e) {
			throw e;
		}
		catch (InvalidEventException e) {
			throw new RejectedRecordException(e.getMessage());
		}
		catch (RuntimeException e) {
			throw new RejectedRecordException("event: cannot be read (" + e + ")", e);
		}
	}

	private Event parse(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			throw new RejectedRecordException("event: the record has no value");
		}
		long limit = settings.maxRecordSize().toBytes();
		if (record.serializedValueSize() > limit) {
			throw new RejectedRecordException("event: the record's value has " + record.serializedValueSize()
					+ " bytes, more than forewarn.kafka.max-record-size allows (" + limit + "); it was not read");
		}
		boolean timer = timers.isTimer(record);
		Event event = timer ? EventParser.parseInternal(record.value()) : parsePublic(record.value());
		if (timer && !event.type().equals(EventType.TIMER_FIRED.wireName())) {
			throw new RejectedRecordException(ForewarnHeaders.TIMER_SIGNATURE + " header: only on "
					+ EventType.TIMER_FIRED.wireName() + " events, got " + event.type());
		}
		if (!event.customerId().equals(record.key())) {
			throw new RejectedRecordException("key: must be the event's customerId '" + event.customerId() + "', got "
					+ (record.key() == null ? "none" : "'" + record.key() + "'")
					+ " (one customer's events must share a partition to stay in order)");
		}
		return event;
	}

	/** An event from outside; a timer among them came without any timer header. */
	private static Event parsePublic(String value) {
		try {
			return EventParser.parse(value);
		}
		catch (InvalidEventException e) {
			if (claimsToBeATimer(value)) {
				throw new RejectedRecordException(TimerSignatures.missing());
			}
			throw e;
		}
	}

	private static boolean claimsToBeATimer(String value) {
		try {
			return EventType.TIMER_FIRED.wireName()
				.equals(JsonMapper.shared().readTree(value).path("type").asString(null));
		}
		catch (JacksonException e) {
			return false;
		}
	}
}
