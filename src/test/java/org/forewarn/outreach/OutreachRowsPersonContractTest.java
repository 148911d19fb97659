package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.forewarn.BothDatabases;
import org.forewarn.outreach.OutreachRowsFixtures.Expected;
import org.forewarn.outreach.OutreachRowsFixtures.Place;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.outreach.OutreachRowsFixtures.NANOS;
import static org.forewarn.outreach.OutreachRowsFixtures.NOW;
import static org.forewarn.outreach.OutreachRowsFixtures.find;
import static org.forewarn.outreach.OutreachRowsFixtures.insert;
import static org.forewarn.outreach.OutreachRowsFixtures.insertTask;
import static org.forewarn.outreach.OutreachRowsFixtures.record;
import static org.forewarn.outreach.OutreachStatus.CLAIMED;
import static org.forewarn.outreach.OutreachStatus.FAILED;
import static org.forewarn.outreach.OutreachStatus.OPEN;
import static org.forewarn.outreach.OutreachStatus.SCHEDULED;
import static org.forewarn.outreach.OutreachStatus.SENT;
import static org.forewarn.shared.StoredTime.asStored;

/** Every place outreach records are kept gives a person the same failures to handle and tasks to escalate. */
class OutreachRowsPersonContractTest {

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aRecordThatMayHaveGoneOutIsFoundSentWithTheProvidersId(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insert(store, record("c-1", "unanswered", "sms", NOW, NOW));
		insert(store, record("c-1", "bounced", "sms", NOW, NOW));
		assertThat(store.fail("bounced", List.of(SCHEDULED), "bounced", "30003", NOW, false)).isTrue();
		Outreach before = find(store, "unanswered");

		assertThat(store.mayHaveGoneOut("unanswered", "no answer", "uncertain", NOW.plusSeconds(60), NANOS))
			.isTrue();
		Outreach failed = find(store, "unanswered");
		assertThat(failed).as("sent when it was attempted, no fallback owed")
			.isEqualTo(Expected.from(before).status(FAILED, "no answer").sentAt(asStored(NANOS))
				.provider(null, "uncertain").outreach());
		assertThat(store.findOpenWork("c-1")).isEmpty();
		assertThat(store.mayHaveGoneOut("unanswered", "no answer", "uncertain", NOW, NOW)).as("not scheduled")
			.isFalse();
		assertThat(store.foundSent("bounced", "found", NOW, "SM-0")).as("failed, but surely did not go out")
			.isFalse();

		assertThat(store.foundSent("unanswered", "found at the provider", NOW.plusSeconds(120), "SM-7")).isTrue();
		assertThat(find(store, "unanswered")).as("its code gone, its sent time kept")
			.isEqualTo(Expected.from(failed).status(SENT, "found at the provider").provider("SM-7", null).outreach());
		assertThat(store.findByProviderId("SM-7")).contains(find(store, "unanswered"));
		assertThat(store.foundSent("unanswered", "found", NOW.plusSeconds(180), "SM-8")).as("sent already")
			.isFalse();
		assertThat(store.find("bounced").orElseThrow().status()).isEqualTo(FAILED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aFailureWaitsForAPersonUntilOneHandlesIt(String place) {
		OutreachStore store = Place.open(databases, place).store();
		for (String id : List.of("uncertain", "interrupted", "hard", "owed", "covered", "waiting")) {
			insert(store, record("c-1", id, "sms", NOW, NOW));
		}
		// whoever's record it is, a record's fallback takes over from it
		Outreach fallback = new Outreach("fallback", "c-2", "o-covered", "late-rule", "v1", "order.late", "email",
				"order_late", NOW, NOW, SCHEDULED, null, null, "why", "covered", null, SendPolicy.DEFAULT, null);
		insert(store, fallback);
		assertThat(store.mayHaveGoneOut("uncertain", "no answer", "uncertain", NOW.plusSeconds(30), NOW)).isTrue();
		assertThat(store.mayHaveGoneOut("interrupted", "stopped", "interrupted", NOW.plusSeconds(10), NOW)).isTrue();
		assertThat(store.fail("hard", List.of(SCHEDULED), "bounced", "30003", NOW.plusSeconds(20), false)).isTrue();
		assertThat(store.fail("owed", List.of(SCHEDULED), "bounced", "30003", NOW.plusSeconds(5), true)).isTrue();
		assertThat(store.fail("covered", List.of(SCHEDULED), "bounced", "30003", NOW.plusSeconds(5), false))
			.isTrue();

		assertThat(store.needingPerson(10)).as("oldest failure first")
			.containsExactly(find(store, "interrupted"), find(store, "hard"), find(store, "uncertain"));
		assertThat(store.needingPerson(2)).extracting(Outreach::id).containsExactly("interrupted", "hard");
		assertThat(store.countMayHaveGoneOut()).isEqualTo(2);

		for (String id : List.of("owed", "covered", "waiting", "fallback", "no-such-record")) {
			assertThat(store.handle(id, "lead@example.com", NOW.plusSeconds(60))).as("handle %s", id).isFalse();
		}
		Outreach uncertain = find(store, "uncertain");
		List<StatusChange> history = store.history("uncertain");
		assertThat(store.handle("uncertain", "lead@example.com", NANOS.plusSeconds(60))).isTrue();
		assertThat(store.handle("uncertain", "other@example.com", NOW.plusSeconds(90))).as("handled already")
			.isFalse();
		assertThat(find(store, "uncertain"))
			.isEqualTo(Expected.from(uncertain)
				.handled(new Outreach.Handled(asStored(NANOS.plusSeconds(60)), "lead@example.com")).outreach());
		assertThat(store.history("uncertain")).as("handling is no status change").isEqualTo(history);
		assertThat(store.countMayHaveGoneOut()).isEqualTo(1);
		assertThat(store.needingPerson(10)).extracting(Outreach::id).containsExactly("interrupted", "hard");

		// no fallback to be made after all: a person is needed
		store.fallbackCreated("owed");
		assertThat(store.needingPerson(10)).extracting(Outreach::id).containsExactly("owed", "interrupted", "hard");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void followUpTasksAreCountedAndEachOnesEscalationClaimedOnce(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insertTask(store, "c-1", "t-late", Duration.ofHours(1));
		insertTask(store, "c-1", "t-b", Duration.ofHours(2));
		insertTask(store, "c-2", "t-a", Duration.ofHours(2));
		insertTask(store, "c-1", "t-claimed", Duration.ofMinutes(30));
		insertTask(store, "c-1", "t-waiting", Duration.ofMinutes(30));
		insertTask(store, "c-1", "t-resolved", Duration.ofMinutes(30));
		insert(store, record("c-1", "message", "email", NOW, NOW));
		for (String id : List.of("t-late", "t-b", "t-a", "t-claimed", "t-resolved")) {
			assertThat(store.sent(id, OPEN, "opened", NOW, null)).isTrue();
		}
		assertThat(store.sent("message", SENT, "sent", NOW, null)).isTrue();
		assertThat(store.transition("t-claimed", List.of(OPEN), CLAIMED, "taken", NOW, null)).isTrue();
		assertThat(store.transition("t-resolved", List.of(OPEN), OutreachStatus.RESOLVED, "done", NOW, null))
			.isTrue();

		assertThat(store.followupCounts(NOW)).isEqualTo(Map.of("open", 3, "claimed", 1, "escalated", 0));
		assertThat(store.followupCounts(NOW.plus(Duration.ofHours(1)))).as("due, not yet past due")
			.isEqualTo(Map.of("open", 3, "claimed", 1, "escalated", 0));
		assertThat(store.followupCounts(NOW.plus(Duration.ofMinutes(90))))
			.isEqualTo(Map.of("open", 3, "claimed", 1, "escalated", 1));
		assertThat(store.followupCounts(NOW.plus(Duration.ofHours(3))))
			.isEqualTo(Map.of("open", 3, "claimed", 1, "escalated", 3));

		Instant later = NOW.plus(Duration.ofHours(3));
		assertThat(store.overdueNotEscalated(NOW.plus(Duration.ofHours(1)), 10)).isEmpty();
		assertThat(store.overdueNotEscalated(later, 10)).as("longest overdue first, then by id")
			.containsExactly(find(store, "t-late"), find(store, "t-a"), find(store, "t-b"));
		assertThat(store.overdueNotEscalated(later, 2)).extracting(Outreach::id).containsExactly("t-late", "t-a");

		assertThat(store.claimEscalation("t-late", later)).isTrue();
		assertThat(store.claimEscalation("t-late", later.plusSeconds(1))).as("claimed already").isFalse();
		assertThat(store.claimEscalation("no-such-record", later)).isFalse();
		assertThat(store.overdueNotEscalated(later, 10)).extracting(Outreach::id).containsExactly("t-a", "t-b");
		assertThat(store.followupCounts(later)).as("an escalated task is still open and past due")
			.isEqualTo(Map.of("open", 3, "claimed", 1, "escalated", 3));

		store.releaseEscalation("t-late");
		store.releaseEscalation("no-such-record");
		assertThat(store.overdueNotEscalated(later, 10)).extracting(Outreach::id)
			.containsExactly("t-late", "t-a", "t-b");
		assertThat(store.claimEscalation("t-late", later.plusSeconds(2))).as("given back: claimed again").isTrue();
	}
}
