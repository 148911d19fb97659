package org.forewarn.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Outcomes attributed to the first outreach before them within the window, whatever order they arrive in. */
class AttributionTest {

	private static final Duration WINDOW = Duration.ofDays(30);
	private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

	private final Exposure first = new Exposure("a", "c1", "rule A", "shipment.late", T, false);
	private final Exposure second = new Exposure("b", "c1", "rule B", "churn.risk", T.plus(Duration.ofDays(10)), true);

	@Test
	void atTheWindowsEdges() {
		Map<Exposure, Attribution.Followed> followed = Attribution.attribute(List.of(first),
				List.of(event(T, OutcomeKind.ORDER_CANCELLED), // at the decision itself: not after it
						event(T.minusSeconds(1), OutcomeKind.TICKET_OPENED), // before it
						event(T.plus(WINDOW), OutcomeKind.DOWNGRADE), // the window's last moment: counts
						event(T.plus(WINDOW).plusSeconds(1), OutcomeKind.CANCEL_REQUESTED)), // just past it
				WINDOW);

		assertThat(followed.get(first).outcomes()).containsExactly(OutcomeKind.DOWNGRADE);
	}

	@Test
	void toTheFirstOutreachWithinTheWindowAndToTheNextOnceTheFirstsWindowHasPassed() {
		Map<Exposure, Attribution.Followed> followed = Attribution.attribute(List.of(second, first),
				List.of(event(T.plus(Duration.ofDays(12)), OutcomeKind.TICKET_OPENED),
						event(T.plus(Duration.ofDays(35)), OutcomeKind.CANCEL_REQUESTED),
						feedback(T.plus(Duration.ofDays(5)), "csat5", 2),
						feedback(T.plus(Duration.ofDays(6)), "nps10", 9)),
				WINDOW);

		assertThat(followed.get(first).outcomes()).containsExactlyInAnyOrder(OutcomeKind.TICKET_OPENED,
				OutcomeKind.COMPLAINT);
		assertThat(followed.get(first).csat5()).containsExactly(2.0);
		assertThat(followed.get(first).nps10()).containsExactly(9.0);
		assertThat(followed.get(second).outcomes()).containsExactly(OutcomeKind.CANCEL_REQUESTED);
	}

	@Test
	void theOrderEventsArriveInChangesNothing() {
		List<OutcomeEvent> events = new ArrayList<>();
		for (int day = -3; day < 50; day++) {
			events.add(event(T.plus(Duration.ofDays(day)), OutcomeKind.values()[Math.floorMod(day, 5)]));
			events.add(feedback(T.plus(Duration.ofDays(day)).plusSeconds(7), day % 2 == 0 ? "csat5" : "nps10", 3));
		}
		Map<Exposure, Attribution.Followed> inOrder = Attribution.attribute(List.of(first, second), events, WINDOW);
		List<OutcomeEvent> shuffled = new ArrayList<>(events);
		Collections.shuffle(shuffled, new Random(7));

		Map<Exposure, Attribution.Followed> outOfOrder = Attribution.attribute(List.of(second, first), shuffled,
				WINDOW);

		for (Exposure e : List.of(first, second)) {
			assertThat(outOfOrder.get(e).outcomes()).isEqualTo(inOrder.get(e).outcomes());
			assertThat(outOfOrder.get(e).csat5()).hasSameSizeAs(inOrder.get(e).csat5());
			assertThat(outOfOrder.get(e).nps10()).hasSameSizeAs(inOrder.get(e).nps10());
		}
		// feedback of days 0-29 goes to the first, of days 30-39 to the second (its window ends on day 40)
		assertThat(inOrder.get(first).csat5().size() + inOrder.get(first).nps10().size()).isEqualTo(30);
		assertThat(inOrder.get(second).csat5().size() + inOrder.get(second).nps10().size()).isEqualTo(10);
	}

	@Test
	void complaintsFollowTheThresholdOfTheirScale() {
		OutcomeSettings.Complaint complaint = new OutcomeSettings.Complaint(2, 6);
		assertThat(kind("csat5", 2, complaint)).isEqualTo(OutcomeKind.COMPLAINT);
		assertThat(kind("csat5", 3, complaint)).isNull();
		assertThat(kind("nps10", 6, complaint)).isEqualTo(OutcomeKind.COMPLAINT);
		assertThat(kind("nps10", 7, complaint)).isNull();
	}

	private static OutcomeKind kind(String scale, double score, OutcomeSettings.Complaint complaint) {
		String json = "{\"id\":\"f\",\"type\":\"account.feedback\",\"time\":\"2026-03-02T10:00:00Z\",\"customerId\":\"c\","
				+ "\"data\":{\"scale\":\"" + scale + "\",\"score\":" + score + "}}";
		return OutcomeEvent.of(org.forewarn.event.EventParser.parse(json), complaint).kind();
	}

	private static OutcomeEvent event(Instant at, OutcomeKind kind) {
		return new OutcomeEvent("c1", at, kind, null, null);
	}

	private static OutcomeEvent feedback(Instant at, String scale, double score) {
		boolean complaint = "csat5".equals(scale) ? score <= 2 : score <= 6;
		return new OutcomeEvent("c1", at, complaint ? OutcomeKind.COMPLAINT : null, scale, score);
	}
}
