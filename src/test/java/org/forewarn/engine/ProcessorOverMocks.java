package org.forewarn.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.customer.CustomerStateStore.Known;
import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventStore;
import org.forewarn.outreach.OutreachDispatcher;
import org.forewarn.outreach.OutreachDispatcher.Dispatched;
import org.forewarn.outreach.OutreachPlanner;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.rules.RuleEngine;
import org.junit.jupiter.api.AfterEach;
import org.springframework.transaction.support.TransactionTemplate;

import static org.forewarn.TestEvents.simple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A processor whose stores, rules, planner, dispatcher and scheduler are mocks, for tests of what it asks and tells
 * them: each event is new, each customer's state empty and nothing known of them until a test says otherwise.
 */
abstract class ProcessorOverMocks {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	final EventStore events = mock(EventStore.class);
	final CustomerStateStore states = mock(CustomerStateStore.class);
	final RuleEngine rules = mock(RuleEngine.class);
	final OutreachStore outreach = mock(OutreachStore.class);
	final OutreachPlanner planner = mock(OutreachPlanner.class);
	final OutreachDispatcher dispatcher = mock(OutreachDispatcher.class);
	final WakeupScheduler scheduler = mock(WakeupScheduler.class);
	private final ShareSenders senders = new ShareSenders(2);
	final CustomerProcessor processor = new CustomerProcessor(events, states, rules, outreach, planner, dispatcher,
			scheduler, new TransactionTemplate(new NoTransactions()), senders, Clock.fixed(NOW, ZoneOffset.UTC));

	ProcessorOverMocks() {
		when(events.insertAllIfNew(anyList(), any()))
			.thenAnswer(call -> Collections.nCopies(call.<List<Event>>getArgument(0).size(), true));
		when(states.loadInLane(anyString())).thenAnswer(call -> new CustomerState(call.getArgument(0)));
		when(states.known(anyString())).thenReturn(Known.NOTHING);
		when(dispatcher.dispatchDue(any(), any())).thenReturn(new Dispatched(NOW, true));
	}

	@AfterEach
	void closeSenders() throws InterruptedException {
		senders.close();
	}

	/** An order payment of the customer, a second before now. */
	static Event event(String id, String customerId) {
		return EventParser.parse(simple(id, "order.paid", NOW.minusSeconds(1), customerId, "o-1", "{}"));
	}
}
