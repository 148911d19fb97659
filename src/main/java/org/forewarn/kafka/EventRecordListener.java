package org.forewarn.kafka;

import java.util.ArrayList;
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
import org.springframework.kafka.listener.BatchListenerFailedException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads event records and runs them through the one intake path, each in its customer's lane. A partition holds
 * whole customers (the key is the customerId), so each customer's events arrive here in order and on one instance
 * only. The listener returns only after the events' effects are stored, so the offsets are committed after them; what
 * they made due goes out behind it. A record that can never be accepted is thrown out to the dead-letter topic
 * (whatever went wrong while reading it); only a failure that may pass (FAILED: the database unavailable) is retried.
 */
class EventRecordListener {

	static final String ID = "forewarn-events";

	private final EventIntake intake;
	private final KafkaSettings settings;
	private final TimerSignatures timers;
	private final ApplicationEventPublisher publisher;

	EventRecordListener(EventIntake intake, KafkaSettings settings, TimerSignatures timers,
			ApplicationEventPublisher publisher) {
		this.intake = intake;
		this.settings = settings;
		this.timers = timers;
		this.publisher = publisher;
	}

	/** The topics to read, for the listener annotation. */
	public List<String> topics() {
		return settings.topics();
	}

	/**
	 * A poll's records, processed together: the lanes take their customers' events at the same time, each lane its
	 * share in one transaction. Records are processed up to the first that cannot be read; the first record that was
	 * not handled is reported with its position, so the records before it are committed, it is retried or
	 * dead-lettered, and the ones after it are read again (those already processed are recognised as duplicates).
	 */
	@KafkaListener(id = ID, idIsGroup = false, groupId = "${spring.kafka.consumer.group-id:forewarn}",
			topics = "#{__listener.topics()}", batch = "true")
	void onRecords(List<ConsumerRecord<String, String>> records) {
		List<Event> events = new ArrayList<>(records.size());
		RuntimeException unreadable = null;
		for (ConsumerRecord<String, String> record : records) {
			try {
				events.add(read(record));
			}
			catch (RejectedRecordException e) {
				unreadable = e;
				break;
			}
		}
		// the offsets are committed once the events are stored and decided; their sends go on behind the poll, each
		// with a wakeup that fires if the instance stops before it is sent. Told as each lane's share is stored, not
		// when the whole poll is
		List<IntakeResult> results = intake.submitAll(events, true, (i, result) -> {
			if (result.status() == IntakeResult.Status.ACCEPTED || result.status() == IntakeResult.Status.DUPLICATE) {
				ConsumerRecord<String, String> record = records.get(i);
				publisher.publishEvent(new EventRecordHandled(record.topic(), record.partition(), record.offset(),
						events.get(i).customerId(), events.get(i).id(), result.status()));
			}
		});
		for (int i = 0; i < results.size(); i++) {
			IntakeResult result = results.get(i);
			if (result.status() == IntakeResult.Status.REJECTED) {
				throw new BatchListenerFailedException(result.reason(), new RejectedRecordException(result.reason()),
						i);
			}
			if (result.status() == IntakeResult.Status.FAILED) {
				throw new BatchListenerFailedException(result.reason(), new ProcessingFailedException(result.reason()),
						i);
			}
		}
		if (unreadable != null) {
			// counted here, where it is sure to be dead-lettered: a failure before it would have it read again
			intake.countInvalid(typeOf(records.get(events.size())));
			throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, events.size());
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
		return EventType.TIMER_FIRED.wireName().equals(typeOf(value));
	}

	/** The type an unreadable record claims, when it is JSON within the size allowed; null otherwise. */
	private String typeOf(ConsumerRecord<String, String> record) {
		return record.value() == null || record.serializedValueSize() > settings.maxRecordSize().toBytes() ? null
				: typeOf(record.value());
	}

	private static String typeOf(String value) {
		try {
			JsonNode type = JsonMapper.shared().readTree(value).path("type");
			return type.isString() ? type.asString() : null;
		}
		catch (JacksonException e) {
			return null;
		}
	}
}
