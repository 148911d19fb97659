package org.forewarn.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances sharing a database: one holds the retention lease at a time; a dead holder's lease runs out. */
class JobLeaseTest {

	@Test
	void oneInstanceAtATime() {
		JdbcDataSource db = new JdbcDataSource();
		db.setURL("jdbc:h2:mem:lease-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		JdbcClient jdbc = JdbcClient.create(db);
		jdbc.sql("create table job_lease (name varchar(100) primary key, locked_until timestamp with time zone "
				+ "not null, locked_by varchar(200) not null)").update();
		Instant start = Instant.parse("2026-01-05T10:00:00Z");
		JobLease first = new JobLease(jdbc, Clock.fixed(start, ZoneOffset.UTC));
		JobLease second = new JobLease(jdbc, Clock.fixed(start, ZoneOffset.UTC));

		assertThat(first.acquire("retention", Duration.ofMinutes(30))).isTrue();
		assertThat(second.acquire("retention", Duration.ofMinutes(30))).as("held by the first").isFalse();
		assertThat(first.acquire("retention", Duration.ofMinutes(30))).as("the holder renews").isTrue();
		first.release("retention");
		assertThat(second.acquire("retention", Duration.ofMinutes(30))).as("released").isTrue();

		// the second instance dies holding it: after the lease runs out another takes over
		JobLease later = new JobLease(jdbc, Clock.fixed(start.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
		JobLease meanwhile = new JobLease(jdbc, Clock.fixed(start.plus(Duration.ofMinutes(29)), ZoneOffset.UTC));
		assertThat(meanwhile.acquire("retention", Duration.ofMinutes(30))).isFalse();
		assertThat(later.acquire("retention", Duration.ofMinutes(30))).isTrue();
	}
}
