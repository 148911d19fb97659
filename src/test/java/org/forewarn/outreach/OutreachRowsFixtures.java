package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.outreach.OutreachStatus.SCHEDULED;

/** The records, places and look-ups shared by the tests of where outreach records are kept. */
final class OutreachRowsFixtures {

	static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
	/** A time finer than a timestamp column keeps: it comes back to the nearest microsecond. */
	static final Instant NANOS = Instant.parse("2026-06-10T12:00:00.123456789Z");
	static final OutreachFilter ALL = new OutreachFilter(null, null, null, null);

	private OutreachRowsFixtures() {
	}

	/** The stores of one place, and transactions on its database. */
	record Place(OutreachStore store, AttemptStore attempts, TransactionTemplate transaction) {

		static Place open(BothDatabases databases, String place) {
			DataSource dataSource = OutreachPlaces.database(databases, place);
			OutreachRows rows = OutreachPlaces.rows(place, dataSource);
			return new Place(OutreachPlaces.store(rows), new AttemptStore(rows),
					new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		}
	}

	/** A record as a change should leave it: the one before, with what the change sets. */
	record Expected(Outreach outreach) {

		static Expected from(Outreach before) {
			return new Expected(before);
		}

		Expected status(OutreachStatus status, String reason) {
			Outreach o = outreach;
			return copy(status, reason, o.sendAt(), o.sentAt(), o.reviewUntil(), o.delivery(), o.dueAt(), o.handled());
		}

		Expected sendAt(Instant at) {
			Outreach o = outreach;
			return copy(o.status(), o.statusReason(), at, o.sentAt(), o.reviewUntil(), o.delivery(), o.dueAt(),
					o.handled());
		}

		Expected sentAt(Instant at) {
			Outreach o = outreach;
			return copy(o.status(), o.statusReason(), o.sendAt(), at, o.reviewUntil(), o.delivery(), o.dueAt(),
					o.handled());
		}

		Expected reviewUntil(Instant until) {
			Outreach o = outreach;
			return copy(o.status(), o.statusReason(), o.sendAt(), o.sentAt(), until, o.delivery(), o.dueAt(),
					o.handled());
		}

		Expected dueAt(Instant due) {
			Outreach o = outreach;
			return copy(o.status(), o.statusReason(), o.sendAt(), o.sentAt(), o.reviewUntil(), o.delivery(), due,
					o.handled());
		}

		Expected provider(String providerId, String providerCode) {
			return delivery(new Outreach.Delivery(outreach.delivery().attempts(), providerId, providerCode));
		}

		Expected attempts(int attempts) {
			Outreach.Delivery d = outreach.delivery();
			return delivery(new Outreach.Delivery(attempts, d.providerId(), d.providerCode()));
		}

		Expected handled(Outreach.Handled handled) {
			Outreach o = outreach;
			return copy(o.status(), o.statusReason(), o.sendAt(), o.sentAt(), o.reviewUntil(), o.delivery(), o.dueAt(),
					handled);
		}

		private Expected delivery(Outreach.Delivery delivery) {
			Outreach o = outreach;
			return copy(o.status(), o.statusReason(), o.sendAt(), o.sentAt(), o.reviewUntil(), delivery, o.dueAt(),
					o.handled());
		}

		private Expected copy(OutreachStatus status, String reason, Instant sendAt, Instant sentAt,
				Instant reviewUntil, Outreach.Delivery delivery, Instant dueAt, Outreach.Handled handled) {
			Outreach o = outreach;
			return new Expected(new Outreach(o.id(), o.customerId(), o.orderId(), o.rule(), o.ruleVersion(),
					o.problem(), o.channel(), o.template(), o.decidedAt(), sendAt, status, reason, sentAt,
					o.explanation(), o.fallbackFor(), reviewUntil, o.policy(), delivery, o.resendOf(), dueAt, handled));
		}
	}

	static void insert(OutreachStore store, Outreach o) {
		assertThat(store.insert(o, "key-" + o.id(), false)).as("inserted %s", o.id()).isTrue();
	}

	/** A follow-up task of the customer, decided now, due {@code dueWithin} after it opens (null: no time). */
	static void insertTask(OutreachStore store, String customerId, String id, Duration dueWithin) {
		assertThat(store.insert(record(customerId, id, "task", NOW, NOW), "key-" + id, false, dueWithin, null))
			.as("inserted %s", id).isTrue();
	}

	static Outreach find(OutreachStore store, String id) {
		return store.find(id).orElseThrow(() -> new AssertionError("no record " + id));
	}

	/** A scheduled record about a late order, decided at {@code decidedAt}. */
	static Outreach record(String customerId, String id, String channel, Instant decidedAt, Instant sendAt) {
		return new Outreach(id, customerId, "o-" + id, "late-rule", "v1", "order.late", channel, "order_late",
				decidedAt, sendAt, SCHEDULED, null, null, "why", null, null, SendPolicy.DEFAULT, null);
	}

	/** A scheduled record about the order, decided at {@code decidedAt}. */
	static Outreach aboutOrder(String customerId, String id, String orderId, String channel, Instant decidedAt) {
		return new Outreach(id, customerId, orderId, "late-rule", "v1", "order.late", channel, "order_late",
				decidedAt, decidedAt, SCHEDULED, null, null, "why", null, null, SendPolicy.DEFAULT, null);
	}

	/** A scheduled record with its template, decided at {@code decidedAt}. */
	static Outreach withTemplate(String customerId, String id, String channel, String template, Instant decidedAt) {
		return new Outreach(id, customerId, "o-1", "late-rule", "v1", "order.late", channel, template, decidedAt,
				decidedAt, SCHEDULED, null, null, "why", null, null, SendPolicy.DEFAULT, null);
	}
}
