package org.forewarn.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.forewarn.event.Event;
import org.springframework.dao.DataAccessResourceFailureException;
import org.forewarn.event.EventParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.TestEvents.simple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A batch (a Kafka poll) is answered event by event as single submissions would be: each lane takes its share in
 * one go, and a lane whose share fails tries it again one event at a time, so only the bad event is rejected.
 */
class BatchIntakeTest {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private final CustomerLanes lanes = new CustomerLanes(2);
	private final List<String> processed = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void close() throws InterruptedException {
		lanes.close();
	}

	@Test
	void eachEventGetsTheAnswerItWouldGetAloneAndOneCustomersEventsStayInOrder() {
		CustomerProcessor processor = mock(CustomerProcessor.class);
		// a Kafka poll: its sends go on behind the lanes
		when(processor.processAll(anyList(), eq(true))).thenAnswer(call -> {
			List<Event> share = call.getArgument(0);
			if (share.stream().anyMatch(e -> e.id().equals("boom"))) {
				throw new IllegalStateException("a bug in processing");
			}
			share.forEach(e -> processed.add(e.id()));
			return share.stream().map(e -> !e.id().startsWith("dup")).toList();
		});
		when(processor.process(any())).thenAnswer(call -> {
			Event event = call.getArgument(0);
			if (event.id().equals("boom")) {
				throw new IllegalStateException("a bug in processing");
			}
			processed.add(event.id());
			return !event.id().startsWith("dup");
		});
		EventIntake intake = new EventIntake(processor, lanes, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5),
				new SimpleMeterRegistry());

		List<String> told = Collections.synchronizedList(new ArrayList<>());
		List<IntakeResult> results = intake.submitAll(List.of(event("a-1", "c-a", NOW), event("b-1", "c-b", NOW),
				event("boom", "c-b", NOW), event("b-2", "c-b", NOW), event("dup-a", "c-a", NOW),
				event("future", "c-c", NOW.plus(Duration.ofHours(1)))), true,
				(position, result) -> told.add(position + " " + result.status()));

		assertThat(results).extracting(IntakeResult::status).containsExactly(IntakeResult.Status.ACCEPTED,
				IntakeResult.Status.ACCEPTED, IntakeResult.Status.REJECTED, IntakeResult.Status.ACCEPTED,
				IntakeResult.Status.DUPLICATE, IntakeResult.Status.REJECTED);
		assertThat(results.get(2).reason()).contains("a bug in processing");
		assertThat(results.get(5).reason()).startsWith("time: ").contains("max-clock-skew");
		assertThat(told).as("each event told once, as its share is done").containsExactlyInAnyOrder("0 ACCEPTED",
				"1 ACCEPTED", "2 REJECTED", "3 ACCEPTED", "4 DUPLICATE", "5 REJECTED");
		assertThat(processed).doesNotContain("boom", "future");
		assertThat(processed.stream().filter(id -> id.startsWith("b-")).toList()).containsExactly("b-1", "b-2");
		assertThat(processed.indexOf("a-1")).isLessThan(processed.indexOf("dup-a"));
	}

	private static Event event(String id, String customerId, Instant at) {
		return EventParser.parse(simple(id, "order.paid", at, customerId, "o-1", "{}"));
	}

	@Test
	void anIdSentTwiceForCustomersOfTwoLanesIsAcceptedAsFirstSent() {
		Set<String> stored = ConcurrentHashMap.newKeySet();
		CustomerProcessor processor = storingIn(stored, event -> {
			if (event.customerId().equals("c-slow")) {
				Thread.sleep(300); // the first copy's lane is the slower one
			}
		});
		EventIntake intake = new EventIntake(processor, lanes, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5),
				new SimpleMeterRegistry());
		String other = otherLaneThan("c-slow");

		List<IntakeResult> results = intake.submitAll(List.of(event("same", "c-slow", NOW), event("same", other, NOW)),
				true, (position, result) -> { });

		assertThat(results).extracting(IntakeResult::status).containsExactly(IntakeResult.Status.ACCEPTED,
				IntakeResult.Status.DUPLICATE);
	}

	@Test
	void aCopyOfAnIdWhoseFirstWasNotStoredFailsWithItAndIsNotStored() {
		Set<String> stored = ConcurrentHashMap.newKeySet();
		CustomerProcessor processor = storingIn(stored, event -> {
			if (event.customerId().equals("c-down")) {
				throw new DataAccessResourceFailureException("the database is down");
			}
		});
		EventIntake intake = new EventIntake(processor, lanes, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5),
				new SimpleMeterRegistry());

		List<IntakeResult> results = intake.submitAll(List.of(event("same", "c-down", NOW),
				event("same", otherLaneThan("c-down"), NOW)), true, (position, result) -> { });

		assertThat(results).extracting(IntakeResult::status).containsExactly(IntakeResult.Status.FAILED,
				IntakeResult.Status.FAILED);
		assertThat(results.get(1).reason()).contains("earlier in the batch", "was not stored");
		assertThat(stored).as("sent again, the first copy is not taken for a duplicate").isEmpty();
	}

	/** What a processor does first with a lane's share (its first event) or with one event alone. */
	private interface Before {
		void accept(Event event) throws Exception;
	}

	/** A processor that stores each new id in {@code stored}, after {@code before}. */
	private static CustomerProcessor storingIn(Set<String> stored, Before before) {
		CustomerProcessor processor = mock(CustomerProcessor.class);
		when(processor.processAll(anyList(), eq(true))).thenAnswer(call -> {
			List<Event> share = call.getArgument(0);
			before.accept(share.get(0));
			return share.stream().map(e -> stored.add(e.id())).toList();
		});
		when(processor.process(any())).thenAnswer(call -> {
			Event event = call.getArgument(0);
			before.accept(event);
			return stored.add(event.id());
		});
		return processor;
	}

	private String otherLaneThan(String customerId) {
		for (int i = 0;; i++) {
			if (lanes.lane("c-" + i) != lanes.lane(customerId)) {
				return "c-" + i;
			}
		}
	}

	@Test
	void aBatchArrivingWhileTheLanesShutDownFailsForNowAndStoresNothing() throws InterruptedException {
		CustomerProcessor processor = mock(CustomerProcessor.class);
		EventIntake intake = new EventIntake(processor, lanes, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5),
				new SimpleMeterRegistry());
		lanes.close();

		List<IntakeResult> results = intake.submitAll(List.of(event("a-1", "c-a", NOW), event("b-1", "c-b", NOW)));

		assertThat(results).extracting(IntakeResult::status).containsOnly(IntakeResult.Status.FAILED);
		assertThat(results.get(0).reason()).contains("retry later", "shut down");
	}
}
