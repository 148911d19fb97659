package org.forewarn.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.forewarn.BothDatabases;
import org.forewarn.shared.StableId;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resend of a resend takes the next free key of the chain, in the one transaction it runs in: the key an earlier
 * resend took is refused without spoiling that transaction.
 * In the tables on H2 and on PostgreSQL, and in a replay's memory.
 */
class ResendChainTest {

	private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aResendOfAResendTakesTheNextKeyOfTheChain(String vendor) {
		DataSource dataSource = OutreachPlaces.database(databases, vendor);
		OutreachStore store = OutreachPlaces.store(OutreachPlaces.rows(vendor, dataSource));
		FailedOutreach failed = new FailedOutreach(store);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		store.insert(ScheduledOutreach.of("o-1", "email", "late-rule", NOW.minus(Duration.ofDays(1))), "k1", false);
		bounce(store, "o-1");

		String first = transaction.execute(tx -> failed.resend("o-1", "rita", null, NOW)).orElseThrow().record().id();
		bounce(store, first);
		String second = transaction.execute(tx -> failed.resend(first, "rita", "again", NOW.plusSeconds(60)))
			.orElseThrow().record().id();

		assertThat(first).isEqualTo(StableId.of("k1|resend-1"));
		assertThat(second).isEqualTo(StableId.of("k1|resend-2"));
		assertThat(store.find(second).orElseThrow().resendOf()).isEqualTo(first);
		assertThat(store.history(first)).extracting(StatusChange::reason).last()
			.isEqualTo("sent again as " + second + " by rita: again");
	}

	/** Failed for good with no other channel owed: it waits for a person. */
	private static void bounce(OutreachStore store, String id) {
		assertThat(store.fail(id, List.of(OutreachStatus.SCHEDULED), "mailbox unknown", "550", NOW, false)).isTrue();
	}
}
