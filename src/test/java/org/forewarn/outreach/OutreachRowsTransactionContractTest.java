package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.forewarn.BothDatabases;
import org.forewarn.outreach.OutreachRowsFixtures.Expected;
import org.forewarn.outreach.OutreachRowsFixtures.Place;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.forewarn.outreach.OutreachRowsFixtures.ALL;
import static org.forewarn.outreach.OutreachRowsFixtures.NOW;
import static org.forewarn.outreach.OutreachRowsFixtures.find;
import static org.forewarn.outreach.OutreachRowsFixtures.insert;
import static org.forewarn.outreach.OutreachRowsFixtures.insertTask;
import static org.forewarn.outreach.OutreachRowsFixtures.record;
import static org.forewarn.outreach.OutreachRowsFixtures.withTemplate;
import static org.forewarn.outreach.OutreachStatus.FAILED;
import static org.forewarn.outreach.OutreachStatus.OPEN;
import static org.forewarn.outreach.OutreachStatus.SCHEDULED;
import static org.forewarn.outreach.OutreachStatus.SENT;
import static org.forewarn.outreach.OutreachStatus.SUPPRESSED;

/** Every place outreach records are kept rolls back, commits and refuses what its columns cannot hold alike. */
class OutreachRowsTransactionContractTest {

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aRolledBackTransactionLeavesNothingBehind(String place) {
		Place at = Place.open(databases, place);
		OutreachStore store = at.store();
		insert(store, record("c-1", "kept", "email", NOW, NOW));
		insert(store, record("c-1", "sendable", "sms", NOW, NOW.plusSeconds(60)));
		insertTask(store, "c-1", "task", Duration.ofHours(1));
		assertThat(store.sent("task", OPEN, "opened", NOW, null)).isTrue();
		List<Outreach> records = store.findByCustomer("c-1");
		Outreach kept = find(store, "kept");
		List<StatusChange> keptHistory = store.history("kept");
		List<StatusChange> taskHistory = store.history("task");
		Instant overdue = NOW.plus(Duration.ofHours(2));

		at.transaction().executeWithoutResult(tx -> {
			insert(store, record("c-1", "new", "sms", NOW, NOW));
			assertThat(at.attempts().claim(kept, 0, NOW)).isTrue();
			assertThat(store.suppress("kept", "no consent for email", NOW, true)).isTrue();
			assertThat(store.sent("sendable", SENT, "sent", NOW, "SM-9")).isTrue();
			assertThat(store.claimEscalation("task", NOW)).isTrue();
			store.note("task", NOW, OPEN, "looked at", "lead@example.com");

			assertThat(store.findByCustomer("c-1")).as("seen within the transaction").extracting(Outreach::id)
				.containsExactly("kept", "new", "sendable", "task");
			assertThat(store.find("kept").orElseThrow().status()).isEqualTo(SUPPRESSED);
			assertThat(at.attempts().list("kept")).hasSize(1);
			assertThat(store.findByProviderId("SM-9")).isPresent();
			assertThat(store.overdueNotEscalated(overdue, 10)).isEmpty();
			tx.setRollbackOnly();
		});

		assertThat(store.find("new")).isEmpty();
		assertThat(store.history("new")).isEmpty();
		assertThat(store.existsByDedupeKey("key-new")).isFalse();
		assertThat(store.findByCustomer("c-1")).isEqualTo(records);
		assertThat(store.history("kept")).isEqualTo(keptHistory);
		assertThat(store.history("task")).isEqualTo(taskHistory);
		assertThat(at.attempts().list("kept")).isEmpty();
		assertThat(store.findByProviderId("SM-9")).isEmpty();
		assertThat(store.findOpenWork("c-1")).extracting(Outreach::id).containsExactly("kept", "sendable");
		assertThat(store.overdueNotEscalated(overdue, 10)).containsExactly(find(store, "task"));
		assertThat(at.attempts().claim(kept, 0, NOW)).as("the claim was given back").isTrue();
		assertThat(store.claimEscalation("task", NOW)).as("the escalation was given back").isTrue();
		insert(store, record("c-1", "new", "sms", NOW, NOW));
	}

	/** A customer's channels are sent at once, each send settled in a transaction of its own. */
	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void twoRecordsOfACustomerChangedInTransactionsAtOnceBothKeepTheirChange(String place) throws Exception {
		Place at = Place.open(databases, place);
		OutreachStore store = at.store();
		insert(store, record("c-1", "sms-1", "sms", NOW, NOW));
		insert(store, record("c-1", "email-1", "email", NOW, NOW));
		CountDownLatch smsSent = new CountDownLatch(1);
		CountDownLatch emailCommitted = new CountDownLatch(1);

		CompletableFuture<Void> sms = CompletableFuture.runAsync(() -> at.transaction().executeWithoutResult(tx -> {
			assertThat(store.sent("sms-1", SENT, "sent", NOW, "SM-1")).isTrue();
			smsSent.countDown();
			await(emailCommitted); // commits after the other
		}));
		await(smsSent);
		at.transaction().executeWithoutResult(tx -> assertThat(store.sent("email-1", SENT, "sent", NOW, null))
			.isTrue());
		emailCommitted.countDown();
		sms.get(10, TimeUnit.SECONDS);

		assertThat(store.findByCustomer("c-1")).extracting(Outreach::id, Outreach::status)
			.containsExactly(tuple("email-1", SENT), tuple("sms-1", SENT));
		assertThat(store.history("email-1")).extracting(StatusChange::status).containsExactly(SCHEDULED, SENT);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aCommittedTransactionsChangesStay(String place) {
		Place at = Place.open(databases, place);
		OutreachStore store = at.store();
		insert(store, record("c-1", "kept", "email", NOW, NOW));
		insertTask(store, "c-1", "task", Duration.ofHours(1));
		assertThat(store.sent("task", OPEN, "opened", NOW, null)).isTrue();
		Outreach kept = find(store, "kept");
		Instant overdue = NOW.plus(Duration.ofHours(2));

		at.transaction().executeWithoutResult(tx -> {
			insert(store, record("c-1", "new", "sms", NOW, NOW));
			assertThat(at.attempts().claim(kept, 0, NOW)).isTrue();
			assertThat(store.sent("kept", SENT, "sent", NOW.plusSeconds(1), "SM-9")).isTrue();
			assertThat(store.claimEscalation("task", NOW)).isTrue();
			store.note("task", NOW.plusSeconds(1), OPEN, "looked at", "lead@example.com");
		});

		assertThat(store.find("new")).isPresent();
		assertThat(store.existsByDedupeKey("key-new")).isTrue();
		assertThat(store.history("new")).extracting(StatusChange::status).containsExactly(SCHEDULED);
		assertThat(store.find("kept")).contains(Expected.from(kept).status(SENT, "sent").sentAt(NOW.plusSeconds(1))
			.provider("SM-9", null).attempts(1).outreach());
		assertThat(store.findByProviderId("SM-9")).contains(find(store, "kept"));
		assertThat(at.attempts().list("kept")).extracting(Attempt::attempt, Attempt::startedAt)
			.containsExactly(tuple(1, NOW));
		assertThat(store.history("task")).extracting(StatusChange::reason).containsExactly(null, "opened",
				"looked at");
		assertThat(store.overdueNotEscalated(overdue, 10)).isEmpty();
		assertThat(store.claimEscalation("task", NOW)).as("claimed already").isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void whatTheColumnsCannotHoldIsRefusedAndNothingIsStored(String place) {
		Place at = Place.open(databases, place);
		OutreachStore store = at.store();
		Outreach longTemplate = withTemplate("c-1", "long-template", "email", "t".repeat(201), NOW);
		Outreach longChannel = withTemplate("c-1", "long-channel", "c".repeat(21), "order_late", NOW);
		Outreach noCustomer = withTemplate(null, "no-customer", "email", "order_late", NOW);
		Outreach longId = withTemplate("c-1", "i".repeat(65), "email", "order_late", NOW);
		for (Outreach o : List.of(longTemplate, longChannel, noCustomer, longId)) {
			assertThatThrownBy(() -> store.insert(o, "key-" + o.id(), false)).as("insert %s", o.id())
				.isInstanceOf(DataIntegrityViolationException.class);
			assertThat(store.find(o.id())).as("record %s", o.id()).isEmpty();
			assertThat(store.history(o.id())).as("history of %s", o.id()).isEmpty();
			assertThat(store.existsByDedupeKey("key-" + o.id())).as("key of %s", o.id()).isFalse();
		}
		Outreach noKey = withTemplate("c-1", "no-key", "email", "order_late", NOW);
		assertThatThrownBy(() -> store.insert(noKey, null, false)).as("no dedupe key")
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(store.find("no-key")).isEmpty();
		assertThat(store.search(ALL, 100)).isEmpty();

		Outreach fits = withTemplate("c-1", "fits", "c".repeat(20), "t".repeat(200), NOW);
		insert(store, fits);
		Outreach stored = find(store, "fits");
		List<StatusChange> history = store.history("fits");
		assertThatThrownBy(() -> store.fail("fits", List.of(SCHEDULED), "bounced", "p".repeat(51), NOW, true))
			.as("a provider code too long").isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> store.sent("fits", SENT, "sent", NOW, "m".repeat(101)))
			.as("a provider id too long").isInstanceOf(DataIntegrityViolationException.class);
		assertThat(store.find("fits")).contains(stored);
		assertThat(store.history("fits")).isEqualTo(history);
		assertThat(store.findOpenWork("c-1")).containsExactly(stored);
		assertThat(store.search(ALL, 100)).containsExactly(stored);
		assertThat(at.attempts().claim(stored, 0, NOW)).isTrue();
		List<Attempt> claimed = at.attempts().list("fits");
		assertThatThrownBy(() -> at.attempts().finish("fits", 1, NOW, "o".repeat(21), null, null))
			.as("an outcome too long").isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> at.attempts().finish("fits", 1, NOW, "FAILED", "c".repeat(51), null))
			.as("a code too long").isInstanceOf(DataIntegrityViolationException.class);
		assertThat(at.attempts().list("fits")).isEqualTo(claimed);

		assertThat(store.fail("fits", List.of(SCHEDULED), "bounced", "p".repeat(50), NOW, true)).isTrue();
		assertThat(find(store, "fits").delivery().providerCode()).isEqualTo("p".repeat(50));
	}
}
