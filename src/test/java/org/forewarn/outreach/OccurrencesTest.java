package org.forewarn.outreach;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.forewarn.shared.StableId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem detected anew after its notice was called off is a new occurrence with a key of its own; while it stays
 * detected, or once its notice went out or a guardrail refused it, the key is the one already used.
 */
class OccurrencesTest {

	private static final String BASE = "c-1|shipment.exception|o-1|shipment-exception-delay";

	private final Map<String, Outreach> existing = new HashMap<>();

	@Test
	void theFirstRequestHasTheBaseKey() {
		assertThat(Occurrences.dedupeKey(BASE, 1, true, existing)).isEqualTo(BASE);
		assertThat(Occurrences.dedupeKey(BASE, 2, false, existing)).isEqualTo(BASE + "|step 2");
	}

	@Test
	void aProblemDetectedAnewAfterItsNoticeWasCalledOffIsTheNextOccurrence() {
		record(BASE, OutreachStatus.CANCELLED);

		assertThat(Occurrences.dedupeKey(BASE, 1, false, existing)).as("still the same detection").isEqualTo(BASE);
		assertThat(Occurrences.dedupeKey(BASE, 1, true, existing)).isEqualTo(BASE + "|again-2");

		record(BASE + "|again-2", OutreachStatus.SCHEDULED);
		assertThat(Occurrences.dedupeKey(BASE, 1, false, existing)).isEqualTo(BASE + "|again-2");
		assertThat(Occurrences.dedupeKey(BASE, 2, false, existing)).isEqualTo(BASE + "|again-2|step 2");

		record(BASE + "|again-2", OutreachStatus.CANCELLED);
		assertThat(Occurrences.dedupeKey(BASE, 1, true, existing)).isEqualTo(BASE + "|again-3");
	}

	@Test
	void aComebackFirstDecidedFromAStaleEventIsDecidedAgainFromATimelyOne() {
		record(BASE, OutreachStatus.CANCELLED);
		assertThat(Occurrences.dedupeKey(BASE, 1, true, existing)).isEqualTo(BASE + "|again-2");
		record(BASE + "|again-2|stale", OutreachStatus.EXPIRED); // what the creator keeps of a stale decision

		assertThat(Occurrences.dedupeKey(BASE, 1, false, existing)).isEqualTo(BASE + "|again-2");
	}

	@Test
	void aNoticeThatWentOutOrWasRefusedKeepsItsOccurrence() {
		for (OutreachStatus status : new OutreachStatus[] { OutreachStatus.SENT, OutreachStatus.SUPPRESSED,
				OutreachStatus.EXPIRED, OutreachStatus.FAILED, OutreachStatus.HELD_OUT }) {
			record(BASE, status);
			assertThat(Occurrences.dedupeKey(BASE, 1, true, existing)).as(status.name()).isEqualTo(BASE);
		}
	}

	private void record(String key, OutreachStatus status) {
		existing.put(StableId.of(key), outreach(key, status));
	}

	private static Outreach outreach(String key, OutreachStatus status) {
		return new Outreach(StableId.of(key), "c-1", "o-1", "shipment-exception-delay", "v1", "shipment.exception",
				"email", "shipment_exception_delay", Instant.EPOCH, Instant.EPOCH, status, null, null, null, null, null,
				null, null, null, null, null);
	}
}
