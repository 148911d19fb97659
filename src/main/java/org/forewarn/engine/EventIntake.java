package org.forewarn.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventType;
import org.forewarn.logging.LogContext;
import org.forewarn.rules.Wakeup;
import io.micrometer.core.instrument.MeterRegistry;
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
	private final Clock clock;
	private final Duration maxClockSkew;
	private final IntakeMeters meters;

	EventIntake(CustomerProcessor processor, CustomerLanes lanes, Clock clock, Duration maxClockSkew,
			MeterRegistry meters) {
		this.processor = processor;
		this.lanes = lanes;
		this.clock = clock;
		this.maxClockSkew = maxClockSkew;
		this.meters = new IntakeMeters(meters);
	}

	/**
	 * Processes the event in its customer's lane. REJECTED: the event can never be processed (the reason names why);
	 * FAILED: it may succeed later (the database is unavailable), and nothing of it was stored.
	 */
	public IntakeResult submit(Event event) {
		long started = System.nanoTime();
		IntakeResult result;
		try (LogContext.Scope scope = LogContext.event(event.id(), event.customerId())) {
			result = process(event);
		}
		count(event, result, System.nanoTime() - started);
		return result;
	}

	/**
	 * Counts an event rejected before it could be submitted (unreadable, or invalid), under {@code type} when that is
	 * a known type, as {@code forewarn.events} counts every other outcome.
	 */
	public void countInvalid(String type) {
		meters.invalid(type);
	}

	/** As {@link #submitAll(List, boolean, BiConsumer)}, returning once what is due is sent, told nothing before. */
	public List<IntakeResult> submitAll(List<Event> batch) {
		return submitAll(batch, false, (position, result) -> { });
	}

	/**
	 * Processes a batch of events (a Kafka poll) as {@link #submit} would, one result per event in the batch's order:
	 * each lane takes its customers' events in order in one transaction, the lanes at the same time. When a lane's
	 * transaction fails, its events are processed again one at a time, so a bad event costs only itself. With
	 * {@code sendBehind} a lane moves on once its share is stored and decided, and what is due goes out behind it
	 * (a customer's next work waits for their sends); else once that is sent too. {@code done} hears of each event
	 * (its position and result) as soon as its lane moves on. An id sent again for a customer of another lane waits
	 * for the lanes, so the first copy in the batch is the one accepted, as one at a time.
	 */
	public List<IntakeResult> submitAll(List<Event> batch, boolean sendBehind,
			BiConsumer<Integer, IntakeResult> done) {
		long started = System.nanoTime();
		IntakeResult[] results = new IntakeResult[batch.size()];
		Map<Integer, List<Integer>> byLane = new LinkedHashMap<>();
		Map<String, Integer> firstAt = new HashMap<>();
		Map<Integer, Integer> copies = new LinkedHashMap<>(); // a copy's position, and its id's first one
		for (int i = 0; i < batch.size(); i++) {
			results[i] = refusal(batch.get(i));
			if (results[i] != null) {
				done.accept(i, results[i]);
				continue;
			}
			int lane = lanes.lane(batch.get(i).customerId());
			Integer first = firstAt.putIfAbsent(batch.get(i).id(), i);
			if (first != null && lanes.lane(batch.get(first).customerId()) != lane) {
				copies.put(i, first); // another lane has the id first: it must win, not race
			}
			else {
				byLane.computeIfAbsent(lane, l -> new ArrayList<>()).add(i);
			}
		}
		Map<Integer, Future<Boolean>> running = new LinkedHashMap<>();
		byLane.forEach((lane, positions) -> running.put(lane, handOver(lane, () -> {
			List<Event> share = positions.stream().map(batch::get).toList();
			List<Boolean> fresh = processor.processAll(share, sendBehind);
			for (int n = 0; n < positions.size(); n++) {
				int position = positions.get(n);
				results[position] = new IntakeResult(null, batch.get(position).id(),
						fresh.get(n) ? IntakeResult.Status.ACCEPTED : IntakeResult.Status.DUPLICATE, null);
				done.accept(position, results[position]);
			}
			return true;
		})));
		running.forEach((lane, share) -> {
			try {
				CustomerLanes.await(share, "lane " + lane);
			}
			catch (RuntimeException e) {
				List<Integer> positions = byLane.get(lane);
				// rare (the database, or an event that also fails alone and is warned about): worth an operator's eye
				log.warn("Lane {} could not process {} events together, one at a time now: {}", lane,
						positions.size(), e.toString());
				for (int position : positions) {
					Event event = batch.get(position);
					try (LogContext.Scope scope = LogContext.event(event.id(), event.customerId())) {
						results[position] = process(event);
					}
					done.accept(position, results[position]);
				}
			}
		});
		copies.forEach((position, first) -> {
			results[position] = copyOf(batch.get(position), results[first]);
			done.accept(position, results[position]);
		});
		long each = (System.nanoTime() - started) / Math.max(1, batch.size());
		for (int i = 0; i < batch.size(); i++) {
			count(batch.get(i), results[i], each);
		}
		return List.of(results);
	}

	/**
	 * The answer for a later copy of an id, for another customer: a duplicate once the first was stored; failed
	 * with it otherwise, and never stored itself, so that the first copy, sent again, is not taken for a duplicate.
	 */
	private static IntakeResult copyOf(Event copy, IntakeResult first) {
		if (first.status() == IntakeResult.Status.ACCEPTED || first.status() == IntakeResult.Status.DUPLICATE) {
			return new IntakeResult(null, copy.id(), IntakeResult.Status.DUPLICATE, null);
		}
		return new IntakeResult(null, copy.id(), IntakeResult.Status.FAILED, "the event with this id earlier in the "
				+ "batch, for another customer, was not stored (" + first.status() + "); send them again");
	}

	/** A lane refusing work (shutting down) fails like the work would: its events are then tried one at a time. */
	private <T> Future<T> handOver(int lane, Supplier<T> work) {
		try {
			return lanes.submit(lane, work);
		}
		catch (RejectedExecutionException e) {
			return CompletableFuture.failedFuture(e);
		}
	}

	private void count(Event event, IntakeResult result, long nanos) {
		meters.record(event, result, nanos);
	}

	private IntakeResult process(Event event) {
		IntakeResult refused = refusal(event);
		if (refused != null) {
			return refused;
		}
		try {
			// on this thread, which holds the event's log context already
			boolean fresh = lanes.run(event.customerId(), () -> processor.process(event));
			return new IntakeResult(null, event.id(),
					fresh ? IntakeResult.Status.ACCEPTED : IntakeResult.Status.DUPLICATE, null);
		}
		catch (RuntimeException e) {
			if (FailureKind.mayPass(e)) {
				log.warn("Processing event {} of customer {} failed for now; nothing was stored: {}", event.id(),
						LogContext.customerRef(event.customerId()), e.toString());
				return new IntakeResult(null, event.id(), IntakeResult.Status.FAILED,
						"processing failed for now, nothing was stored (retry later): " + e.getMessage());
			}
			log.error("Event {} of customer {} cannot be processed; rejected, nothing was stored", event.id(),
					LogContext.customerRef(event.customerId()), e);
			return new IntakeResult(null, event.id(), IntakeResult.Status.REJECTED,
					"event: cannot be processed, nothing was stored: " + e);
		}
	}

	/** The answer for an event that must not be processed at all (stamped in the future), or null. */
	IntakeResult refusal(Event event) {
		return refusal(event, clock.instant());
	}

	/**
	 * The answer for an event stamped more than {@code forewarn.intake.max-clock-skew} after {@code now}, or null. A
	 * replay of recorded history asks it with the machine's own clock: its simulated one follows the events.
	 */
	public IntakeResult refusal(Event event, Instant now) {
		if (event.instant().isAfter(now.plus(maxClockSkew))) {
			return new IntakeResult(null, event.id(), IntakeResult.Status.REJECTED, "time: "
					+ DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()) + " is ahead of this server's clock ("
					+ now + ") by more than forewarn.intake.max-clock-skew (" + maxClockSkew + ")");
		}
		return null;
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
		processor.finishSends();
	}
}
