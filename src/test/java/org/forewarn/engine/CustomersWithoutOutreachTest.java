package org.forewarn.engine;

import java.util.List;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.OutreachRequest;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * After deciding, the processor sends what is due for each customer of the share, but skips the query for a customer
 * who certainly has nothing to send: no outreach stored when the rules were asked, none decided, no dispatch planned.
 */
class CustomersWithoutOutreachTest extends ProcessorOverMocks {

	CustomersWithoutOutreachTest() {
		when(rules.evaluate(any(), any(), anyList())).thenAnswer(call -> evaluation(call.getArgument(1), false));
	}

	@Test
	void aCustomerWithNoOutreachAndNoneDecidedIsNotSentTo() {
		assertThat(processor.processAll(List.of(event("e-1", "c-1"), event("e-2", "c-2")))).containsExactly(true,
				true);

		verify(dispatcher, never()).dispatchDue(any(), any());
	}

	@Test
	void aCustomerWithOutreachStoredIsSentTo() {
		Outreach sent = mock(Outreach.class);
		when(sent.status()).thenReturn(OutreachStatus.SENT);
		when(outreach.findByCustomer("c-1")).thenReturn(List.of(sent));

		processor.processAll(List.of(event("e-1", "c-1"), event("e-2", "c-2")));

		verify(dispatcher).dispatchDue(argThat(state -> state.customerId().equals("c-1")), any());
		verify(dispatcher, times(1)).dispatchDue(any(), any());
	}

	@Test
	void aCustomerTheRulesDecideOutreachForIsSentToEvenWhenAnEarlierEventOfTheShareDecidedNone() {
		when(rules.evaluate(any(), argThat(trigger -> trigger != null && trigger.eventId().equals("e-2")), anyList()))
			.thenAnswer(call -> evaluation(call.getArgument(1), true));

		processor.processAll(List.of(event("e-1", "c-1"), event("e-2", "c-1")));

		verify(dispatcher, times(1)).dispatchDue(argThat(state -> state.customerId().equals("c-1")), any());
	}

	@Test
	void aCustomerWithADispatchPlannedIsSentTo() {
		when(planner.apply(any(), any(), anyList(), anyList()))
			.thenReturn(List.of(new Wakeup("c-1", NOW.minusSeconds(1), "o-1", "dispatch")));

		processor.processAll(List.of(event("e-1", "c-1")));

		verify(dispatcher).dispatchDue(any(), any());
	}

	@Test
	void aDuplicateStillSendsWhatItsFirstDeliveryMayHaveLeftUndone() {
		when(events.insertAllIfNew(anyList(), any())).thenReturn(List.of(false));

		assertThat(processor.processAll(List.of(event("e-1", "c-1")))).containsExactly(false);

		verify(dispatcher).dispatchDue(argThat(state -> state.customerId().equals("c-1")), any());
		verify(rules, never()).evaluate(any(), any(), anyList());
		verify(states).loadInLane(eq("c-1"));
	}

	private static Evaluation evaluation(Trigger trigger, boolean decidesOutreach) {
		Decisions decisions = mock(Decisions.class);
		when(decisions.outreach()).thenReturn(decidesOutreach ? List.of(mock(OutreachRequest.class)) : List.of());
		return new Evaluation("v1", trigger, decisions);
	}
}
