package org.forewarn.replay;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A replay's transactions take a connection from the pool only once they run a statement. */
class LazyConnectionsTest {

	private ReplaySession session;
	private HikariDataSource pool;
	private TransactionTemplate transaction;
	private JdbcClient jdbc;

	@BeforeEach
	void start() {
		session = ReplaySession.start(List.of());
		DataSource dataSource = session.bean(DataSource.class);
		assertThat(dataSource).isInstanceOf(LazyConnectionDataSourceProxy.class);
		pool = (HikariDataSource) ((LazyConnectionDataSourceProxy) dataSource).getTargetDataSource();
		transaction = session.bean(TransactionTemplate.class);
		jdbc = session.bean(JdbcClient.class);
	}

	@AfterEach
	void stop() {
		if (session != null) {
			session.close();
		}
	}

	@Test
	void aTransactionRunningNoStatementHoldsNoConnection() {
		int activeInside = transaction.execute(tx -> active());

		assertThat(activeInside).isZero();
	}

	@Test
	void aTransactionTakesOneConnectionAtItsFirstStatementAndKeepsItToTheEnd() {
		List<Integer> active = transaction.execute(tx -> {
			int before = active();
			jdbc.sql("insert into brake_ceiling_rule (rule_name) values ('first')").update();
			int between = active();
			jdbc.sql("insert into brake_ceiling_rule (rule_name) values ('second')").update();
			return List.of(before, between, active());
		});

		assertThat(active).containsExactly(0, 1, 1);
		assertThat(active()).isZero();
		assertThat(rules()).isEqualTo(2);
	}

	@Test
	void whatARolledBackTransactionWroteIsGone() {
		transaction.executeWithoutResult(tx -> {
			jdbc.sql("insert into brake_ceiling_rule (rule_name) values ('undone')").update();
			tx.setRollbackOnly();
		});

		assertThat(rules()).isZero();
	}

	@Test
	void closingTheSessionClosesThePool() {
		session.close();
		session = null;

		assertThat(pool.isClosed()).isTrue();
	}

	private int active() {
		return pool.getHikariPoolMXBean().getActiveConnections();
	}

	private int rules() {
		return jdbc.sql("select count(*) from brake_ceiling_rule").query(Integer.class).single();
	}
}
