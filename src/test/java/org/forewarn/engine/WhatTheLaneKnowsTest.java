package org.forewarn.engine;

import java.util.List;

import org.forewarn.customer.CustomerStateStore.Known;
import org.forewarn.event.Event;
import org.forewarn.outreach.Detection;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.rules.Decided;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.OutreachRequest;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A customer the lane knows to have no outreach, or no open detection, is not asked for them again; the processor
 * tells the lane what it learned, and a timer that gives a customer their first outreach or detection gives their
 * state a new revision, so no other lane keeps knowing otherwise.
 */
class WhatTheLaneKnowsTest extends ProcessorOverMocks {

	WhatTheLaneKnowsTest() {
		decides(false, false);
	}

	@Test
	void whatIsKnownAbsentIsNotAskedFor() {
		when(states.known("c-1")).thenReturn(new Known(true, true));

		processor.process(event("e-1", "c-1"));

		verify(outreach, never()).findByCustomer(anyString());
		verify(planner, never()).openDetections(anyString());
		verify(planner).apply(any(), any(), eq(List.of()), eq(List.of()));
	}

	@Test
	void whatIsNotKnownIsAskedForAndWhatWasFoundIsLearned() {
		Outreach sent = mock(Outreach.class);
		when(sent.status()).thenReturn(OutreachStatus.SENT);
		when(outreach.findByCustomer("c-1")).thenReturn(List.of(sent));

		processor.process(event("e-1", "c-1"));

		verify(planner).openDetections("c-1");
		verify(states).learned("c-1", new Known(false, true));
	}

	@Test
	void outreachOrADetectionDecidedIsNotLearnedAsAbsent() {
		decides(true, true);

		processor.process(event("e-1", "c-1"));

		verify(states).learned("c-1", new Known(false, false));
	}

	@Test
	void aTimerGivingTheFirstOutreachOrDetectionGivesTheStateANewRevision() {
		decides(true, false);
		processor.process(timer("c-1"));
		verify(states).touch("c-1");

		decides(false, true);
		processor.process(timer("c-2"));
		verify(states).touch("c-2");
	}

	@Test
	void aTimerDecidingNothingNewLeavesTheRevision() {
		processor.process(timer("c-1"));

		Outreach waiting = mock(Outreach.class);
		when(waiting.status()).thenReturn(OutreachStatus.SCHEDULED);
		when(outreach.findByCustomer("c-2")).thenReturn(List.of(waiting));
		when(planner.openDetections("c-2")).thenReturn(List.of(mock(Detection.class)));
		decides(true, true); // still decided, not new
		processor.process(timer("c-2"));

		verify(states, never()).touch(anyString());
		verify(states, never()).save(any(), any());
	}

	@Test
	void anEventSavesTheStateAnywaySoNeedsNoTouch() {
		decides(true, true);

		processor.process(event("e-1", "c-1"));

		verify(states).save(any(), any());
		verify(states, never()).touch(anyString());
	}

	private void decides(boolean outreachRequest, boolean detection) {
		when(rules.evaluate(any(), any(), anyList())).thenAnswer(call -> {
			Decisions decisions = mock(Decisions.class);
			when(decisions.outreach()).thenReturn(outreachRequest ? List.of(mock(OutreachRequest.class)) : List.of());
			when(decisions.detections()).thenReturn(detection ? List.of(mock(Decided.class)) : List.of());
			return new Evaluation("v1", call.<Trigger>getArgument(1), decisions);
		});
	}

	private static Event timer(String customerId) {
		return EventIntake.timerEvent(new Wakeup(customerId, NOW.minusSeconds(1), "o-1", "check"));
	}
}
