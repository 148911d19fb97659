package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.forewarn.BothDatabases;
import org.forewarn.outreach.OutreachRowsFixtures.Expected;
import org.forewarn.outreach.OutreachRowsFixtures.Place;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.forewarn.outreach.OutreachRowsFixtures.ALL;
import static org.forewarn.outreach.OutreachRowsFixtures.NANOS;
import static org.forewarn.outreach.OutreachRowsFixtures.NOW;
import static org.forewarn.outreach.OutreachRowsFixtures.aboutOrder;
import static org.forewarn.outreach.OutreachRowsFixtures.find;
import static org.forewarn.outreach.OutreachRowsFixtures.insert;
import static org.forewarn.outreach.OutreachRowsFixtures.insertTask;
import static org.forewarn.outreach.OutreachRowsFixtures.record;
import static org.forewarn.outreach.OutreachStatus.CANCELLED;
import static org.forewarn.outreach.OutreachStatus.DELIVERED;
import static org.forewarn.outreach.OutreachStatus.FAILED;
import static org.forewarn.outreach.OutreachStatus.OPEN;
import static org.forewarn.outreach.OutreachStatus.PENDING_REVIEW;
import static org.forewarn.outreach.OutreachStatus.SCHEDULED;
import static org.forewarn.outreach.OutreachStatus.SENT;
import static org.forewarn.outreach.OutreachStatus.SUPPRESSED;
import static org.forewarn.shared.StoredTime.asStored;

/** Every place outreach records are kept finds, changes and refuses them alike, so a replay decides as live does. */
class OutreachRowsContractTest {

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aCustomersRecordsComeByWhenTheyWereDecidedThenByIdAndNoOneElsesWithThem(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insert(store, record("c-1", "b", "email", NOW, NOW));
		insert(store, record("c-1", "d", "email", NOW.plusSeconds(60), NOW));
		insert(store, record("c-1", "a", "sms", NOW, NOW.plusSeconds(600)));
		insert(store, record("c-1", "c", "email", NOW.minusSeconds(60), NOW.plusSeconds(600)));
		insert(store, record("c-2", "e", "email", NOW.minusSeconds(120), NOW));
		// decided apart by nanoseconds only: the same time as the column keeps it, so by id
		insert(store, record("c-3", "h", "email", Instant.parse("2026-06-10T12:00:00.123456789Z"), NOW));
		insert(store, record("c-3", "g", "email", Instant.parse("2026-06-10T12:00:00.123457100Z"), NOW));

		assertThat(store.findByCustomer("c-1")).extracting(Outreach::id).containsExactly("c", "a", "b", "d");
		assertThat(store.findByCustomer("c-2")).containsExactly(find(store, "e"));
		assertThat(store.findByCustomer("c-3")).extracting(Outreach::id, Outreach::decidedAt)
			.as("decided times rounded to the microsecond, then ordered by id")
			.containsExactly(tuple("g", asStored(NANOS)),
					tuple("h", asStored(NANOS)));
		assertThat(store.findByCustomer("c-4")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void openWorkIsWhatWaitsOrIsOwedAFallbackBySendTimeThenId(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insert(store, record("c-1", "s-2", "email", NOW, NOW.plusSeconds(60)));
		insert(store, record("c-1", "s-1", "email", NOW, NOW.plusSeconds(60)));
		insert(store, record("c-1", "review", "email", NOW, NOW.plusSeconds(30)));
		assertThat(store.holdForReview("review", "hourly ceiling", NOW.plusSeconds(3600), NOW)).isTrue();
		insert(store, record("c-1", "failed-owed", "sms", NOW, NOW.minusSeconds(60)));
		assertThat(store.fail("failed-owed", List.of(SCHEDULED), "bounced", "30003", NOW, true)).isTrue();
		insert(store, record("c-1", "suppressed-owed", "email", NOW, NOW.minusSeconds(30)));
		assertThat(store.suppress("suppressed-owed", "no consent for email", NOW, true)).isTrue();
		insert(store, record("c-1", "failed", "sms", NOW, NOW.minusSeconds(90)));
		assertThat(store.fail("failed", List.of(SCHEDULED), "bounced", "30003", NOW, false)).isTrue();
		insert(store, record("c-1", "suppressed", "email", NOW, NOW.minusSeconds(90)));
		assertThat(store.suppress("suppressed", "no consent for email", NOW, false)).isTrue();
		insert(store, record("c-1", "sent", "email", NOW, NOW.minusSeconds(90)));
		assertThat(store.sent("sent", SENT, "sent", NOW, "SM-1")).isTrue();
		insert(store, record("c-1", "cancelled", "email", NOW, NOW.minusSeconds(90)));
		assertThat(store.transition("cancelled", List.of(SCHEDULED), CANCELLED, "resolved", NOW, null)).isTrue();
		insert(store, record("c-2", "other", "email", NOW, NOW));

		assertThat(store.findOpenWork("c-1")).extracting(Outreach::id)
			.containsExactly("failed-owed", "suppressed-owed", "review", "s-1", "s-2");
		assertThat(store.findOpenWork("c-1")).as("whole records, as find gives them")
			.containsExactly(find(store, "failed-owed"), find(store, "suppressed-owed"), find(store, "review"),
					find(store, "s-1"), find(store, "s-2"));
		assertThat(store.findOpenWork("c-2")).extracting(Outreach::id).containsExactly("other");
		assertThat(store.findOpenWork("c-3")).isEmpty();

		store.fallbackCreated("failed-owed");
		store.fallbackCreated("s-1");
		store.fallbackCreated("no-such-record");
		assertThat(store.findOpenWork("c-1")).extracting(Outreach::id)
			.as("a fallback made is owed no longer; what waits stays")
			.containsExactly("suppressed-owed", "review", "s-1", "s-2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void recordsAreFoundByProviderIdSearchedByEachFilterAndKeepTheirDedupeKey(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insert(store, aboutOrder("c-1", "a", "o-1", "email", NOW.plusSeconds(30)));
		insert(store, aboutOrder("c-1", "b", "o-2", "sms", NOW.plusSeconds(10)));
		insert(store, aboutOrder("c-2", "c", "o-1", "email", NOW.plusSeconds(20)));
		insert(store, aboutOrder("c-2", "d", "o-3", "sms", NOW.plusSeconds(10)));
		insert(store, aboutOrder("c-2", "e", "o-1", "sms", NOW));
		assertThat(store.sent("b", SENT, "sent", NOW, "SM-b")).isTrue();
		assertThat(store.sent("e", SENT, "sent", NOW, "SM-e")).isTrue();
		assertThat(store.suppress("c", "no consent", NOW, false)).isTrue();

		assertThat(store.findByProviderId("SM-b")).contains(find(store, "b"));
		assertThat(store.findByProviderId("SM-e")).contains(find(store, "e"));
		assertThat(store.findByProviderId("SM-none")).isEmpty();

		assertThat(ids(store.search(ALL, 100))).as("by decided time, then id")
			.containsExactly("e", "b", "d", "c", "a");
		assertThat(store.search(ALL, 100)).containsExactly(find(store, "e"), find(store, "b"), find(store, "d"),
				find(store, "c"), find(store, "a"));
		assertThat(ids(store.search(ALL, 2))).containsExactly("e", "b");
		assertThat(ids(store.search(new OutreachFilter("c-2", null, null, null), 100))).containsExactly("e", "d", "c");
		assertThat(ids(store.search(new OutreachFilter(null, "o-1", null, null), 100))).containsExactly("e", "c", "a");
		assertThat(ids(store.search(new OutreachFilter(null, null, SCHEDULED, null), 100))).containsExactly("d", "a");
		assertThat(ids(store.search(new OutreachFilter(null, null, null, "sms"), 100))).containsExactly("e", "b", "d");
		assertThat(ids(store.search(new OutreachFilter("c-2", "o-1", SENT, "sms"), 100))).containsExactly("e");
		assertThat(ids(store.search(new OutreachFilter("c-1", null, null, "sms"), 100))).containsExactly("b");
		assertThat(store.search(new OutreachFilter("c-3", null, null, null), 100)).isEmpty();
		assertThat(store.search(new OutreachFilter("c-1", "o-3", null, null), 100)).isEmpty();

		assertThat(store.dedupeKey("b")).as("kept through its changes").contains("key-b");
		assertThat(store.dedupeKey("no-such-record")).isEmpty();
		assertThat(store.existsByDedupeKey("key-c")).isTrue();
		assertThat(store.existsByDedupeKey("key-none")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void sentKeepsWhenItWentOutAndTheProvidersIdAndATaskThatOpensIsDueItsTimeToBeHandled(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insert(store, record("c-1", "message", "email", NOW, NOW));
		Outreach before = find(store, "message");

		assertThat(store.sent("message", SENT, "sent", NANOS, "SM-1")).isTrue();
		assertThat(find(store, "message"))
			.isEqualTo(Expected.from(before).status(SENT, "sent").sentAt(asStored(NANOS)).provider("SM-1", null)
				.outreach());
		assertThat(find(store, "message").sentAt()).as("to the nearest microsecond, as a timestamp column keeps it")
			.isEqualTo(Instant.parse("2026-06-10T12:00:00.123457Z"));
		assertThat(store.sent("message", SENT, "sent", NOW, "SM-2")).as("not scheduled any more").isFalse();

		// put back and sent again without a provider id: the one it has stays
		assertThat(store.transition("message", List.of(SENT), SCHEDULED, "sent again", NOW.plusSeconds(60), null))
			.isTrue();
		Outreach again = find(store, "message");
		assertThat(store.sent("message", SENT, "sent", NOW.plusSeconds(120), null)).isTrue();
		assertThat(find(store, "message"))
			.isEqualTo(Expected.from(again).status(SENT, "sent").sentAt(NOW.plusSeconds(120)).outreach());
		assertThat(find(store, "message").delivery().providerId()).isEqualTo("SM-1");

		insertTask(store, "c-1", "task", Duration.ofHours(2));
		Outreach task = find(store, "task");
		assertThat(store.sent("task", OPEN, "opened", NANOS, null)).isTrue();
		assertThat(find(store, "task")).as("due its time to be handled from when it opened")
			.isEqualTo(Expected.from(task).status(OPEN, "opened").sentAt(asStored(NANOS))
				.dueAt(asStored(NANOS.plus(Duration.ofHours(2)))).outreach());

		insertTask(store, "c-1", "task-without-time", null);
		Outreach untimed = find(store, "task-without-time");
		assertThat(store.sent("task-without-time", OPEN, "opened", NOW, null)).isTrue();
		assertThat(find(store, "task-without-time"))
			.isEqualTo(Expected.from(untimed).status(OPEN, "opened").sentAt(NOW).outreach());

		insertTask(store, "c-1", "task-not-opened", Duration.ofHours(2));
		Outreach notOpened = find(store, "task-not-opened");
		assertThat(store.sent("task-not-opened", SENT, "sent", NOW, "T-1")).isTrue();
		assertThat(find(store, "task-not-opened")).as("only a task that opens is due")
			.isEqualTo(Expected.from(notOpened).status(SENT, "sent").sentAt(NOW).provider("T-1", null).outreach());
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void failKeepsTheProvidersCodeAndAFallbackOwedIsOpenWork(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insert(store, record("c-1", "owed", "sms", NOW, NOW));
		insert(store, record("c-1", "final", "sms", NOW, NOW.plusSeconds(60)));
		assertThat(store.holdForReview("final", "hourly ceiling", NOW.plusSeconds(3600), NOW)).isTrue();
		Outreach owed = find(store, "owed");
		Outreach held = find(store, "final");

		assertThat(store.fail("owed", List.of(SCHEDULED), "bounced", "30003", NANOS, true)).isTrue();
		assertThat(store.fail("final", List.of(SCHEDULED, PENDING_REVIEW), "refused", "21610", NOW, false)).isTrue();

		assertThat(find(store, "owed"))
			.isEqualTo(Expected.from(owed).status(FAILED, "bounced").provider(null, "30003").outreach());
		assertThat(find(store, "final")).as("review time kept")
			.isEqualTo(Expected.from(held).status(FAILED, "refused").provider(null, "21610").outreach());
		assertThat(store.history("owed")).last().extracting(StatusChange::at).isEqualTo(asStored(NANOS));
		assertThat(store.findOpenWork("c-1")).containsExactly(find(store, "owed"));
		assertThat(store.fail("final", List.of(SCHEDULED), "again", "30003", NOW, true)).as("failed already")
			.isFalse();
		assertThat(store.findOpenWork("c-1")).extracting(Outreach::id).containsExactly("owed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void suppressHoldRescheduleAndTransitionKeepWhatTheySet(String place) {
		OutreachStore store = Place.open(databases, place).store();
		for (String id : List.of("suppressed", "held", "quiet", "called-off", "sent")) {
			insert(store, record("c-1", id, "email", NOW, NOW));
		}
		Outreach suppressed = find(store, "suppressed");
		Outreach held = find(store, "held");
		Outreach quiet = find(store, "quiet");
		Outreach calledOff = find(store, "called-off");
		Outreach sent = find(store, "sent");

		assertThat(store.suppress("suppressed", "r".repeat(1500), NOW, false)).isTrue();
		assertThat(find(store, "suppressed")).as("a long reason cut to what its column holds")
			.isEqualTo(Expected.from(suppressed).status(SUPPRESSED, "r".repeat(997) + "...").outreach());
		assertThat(store.history("suppressed")).last().extracting(StatusChange::reason)
			.isEqualTo("r".repeat(997) + "...");

		assertThat(store.holdForReview("held", "hourly ceiling", NANOS.plusSeconds(3600), NOW)).isTrue();
		Outreach heldForReview = Expected.from(held).status(PENDING_REVIEW, "hourly ceiling")
			.reviewUntil(asStored(NANOS.plusSeconds(3600))).outreach();
		assertThat(find(store, "held")).isEqualTo(heldForReview);
		assertThat(store.reschedule("held", List.of(PENDING_REVIEW), NOW.plusSeconds(7200), "approved",
				NOW.plusSeconds(60), "lead@example.com")).isTrue();
		assertThat(find(store, "held")).as("the review time kept")
			.isEqualTo(Expected.from(heldForReview).status(SCHEDULED, "approved").sendAt(NOW.plusSeconds(7200))
				.outreach());

		Instant halfPast = Instant.parse("2026-06-10T12:10:00.999999500Z");
		assertThat(store.reschedule("quiet", List.of(SCHEDULED), halfPast, "quiet hours", NOW)).isTrue();
		assertThat(find(store, "quiet"))
			.isEqualTo(Expected.from(quiet).status(SCHEDULED, "quiet hours").sendAt(asStored(halfPast)).outreach());
		assertThat(find(store, "quiet").sendAt()).as("half a microsecond rounds up, into the next second")
			.isEqualTo(Instant.parse("2026-06-10T12:10:01Z"));

		assertThat(store.transition("called-off", List.of(SCHEDULED, PENDING_REVIEW), CANCELLED, "resolved", NOW,
				null)).isTrue();
		assertThat(find(store, "called-off"))
			.isEqualTo(Expected.from(calledOff).status(CANCELLED, "resolved").outreach());

		assertThat(store.transition("sent", List.of(SCHEDULED), SENT, "sent", NOW, NANOS)).isTrue();
		Outreach sentWithTime = Expected.from(sent).status(SENT, "sent").sentAt(asStored(NANOS)).outreach();
		assertThat(find(store, "sent")).isEqualTo(sentWithTime);
		assertThat(store.transition("sent", List.of(SENT), DELIVERED, "delivered", NOW.plusSeconds(5), null))
			.isTrue();
		assertThat(find(store, "sent")).as("no sent time given: the one it has stays")
			.isEqualTo(Expected.from(sentWithTime).status(DELIVERED, "delivered").outreach());
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aChangeFromAStatusItIsNotAllowedFromChangesNothing(String place) {
		OutreachStore store = Place.open(databases, place).store();
		insert(store, record("c-1", "sent", "email", NOW, NOW));
		assertThat(store.sent("sent", SENT, "sent", NOW, "SM-1")).isTrue();
		insert(store, record("c-1", "held", "email", NOW, NOW));
		assertThat(store.holdForReview("held", "hourly ceiling", NOW.plusSeconds(3600), NOW)).isTrue();

		for (String id : List.of("sent", "held", "no-such-record")) {
			var record = store.find(id);
			List<StatusChange> history = store.history(id);
			Instant later = NOW.plusSeconds(60);
			assertThat(store.sent(id, SENT, "sent", later, "SM-2")).as("sent %s", id).isFalse();
			assertThat(store.fail(id, List.of(SCHEDULED), "bounced", "30003", later, true)).as("fail %s", id)
				.isFalse();
			assertThat(store.mayHaveGoneOut(id, "no answer", "uncertain", later, later)).as("mayHaveGoneOut %s", id)
				.isFalse();
			assertThat(store.foundSent(id, "found", later, "SM-3")).as("foundSent %s", id).isFalse();
			assertThat(store.suppress(id, "no consent", later, true)).as("suppress %s", id).isFalse();
			assertThat(store.holdForReview(id, "ceiling", later, later)).as("holdForReview %s", id).isFalse();
			assertThat(store.reschedule(id, List.of(SCHEDULED), later, "quiet hours", later)).as("reschedule %s", id)
				.isFalse();
			assertThat(store.transition(id, List.of(SCHEDULED, FAILED), CANCELLED, "resolved", later, later))
				.as("transition %s", id).isFalse();
			assertThat(store.transitionBy(id, List.of(DELIVERED), CANCELLED, "by hand", later, "lead@example.com"))
				.as("transitionBy %s", id).isFalse();

			assertThat(store.find(id)).as("record %s", id).isEqualTo(record);
			assertThat(store.history(id)).as("history of %s", id).isEqualTo(history);
		}
	}

	private static List<String> ids(List<Outreach> records) {
		return records.stream().map(Outreach::id).toList();
	}
}
