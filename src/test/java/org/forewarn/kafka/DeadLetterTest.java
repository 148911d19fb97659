package org.forewarn.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.kafka.KafkaIntakeTest.await;

/**
 * Records that will never be accepted go to the dead-letter topic at once and the customer's next event is
 * processed; copies too large for that topic go without their value; a dead-letter topic that takes nothing is
 * tried again after growing pauses, not in a tight loop.
 */
class DeadLetterTest {

	private static final String TOPIC = "dead.events";
	private static final String DLT = TOPIC + ".DLT";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static ProductionStack stack;
	static ConfigurableApplicationContext forewarn;
	static JdbcClient db;

	@BeforeAll
	static void start() throws Exception {
		stack = ProductionStack.start();
		db = stack.database(stack.createDatabase("dead"));
		// a dead-letter topic that takes smaller records than the events topic
		stack.createTopic(DLT, 4, Map.of("max.message.bytes", "16384"));
		forewarn = stack.startForewarn("dead", TOPIC, "dead", greenMail.getSmtp().getPort(),
				// below the broker's own limit, so the test can produce a record over it
				"--forewarn.kafka.max-record-size=256KB");
		ProductionStack.awaitAssigned(List.of(forewarn), 4);
	}

	@AfterAll
	static void stop() throws Exception {
		if (forewarn != null) {
			forewarn.close();
		}
		stack.close();
	}

	@Test
	void aRecordOverTheSizeLimitIsDeadLetteredUnreadAndTheCustomerGoesOn() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String huge = TestEvents.orderEvent("d1", "d1-huge", "shipment.exception", now,
				"{\"code\":\"damaged\",\"description\":\"" + "x".repeat(300 * 1024) + "\"}");
		sendBetweenValidEvents("d1", huge);

		awaitSent("d1");
		ConsumerRecord<String, String> dead = deadLetterOf("d1");
		assertThat(reason(dead)).isEqualTo("event: the record's value has " + huge.length() + " bytes, more than "
				+ "forewarn.kafka.max-record-size allows (262144); it was not read");
		// the copy leaves the value out and says where the original is
		assertThat(dead.value()).isNull();
		assertThat(leftOut(dead))
			.startsWith(huge.length() + " bytes, over forewarn.kafka.max-record-size; the original is " + TOPIC + "-");
		assertThat(events("d1")).containsExactly("d1-o-placed", "d1-profile");
	}

	@Test
	void aRejectedRecordTooLargeForTheDeadLetterTopicIsCopiedThereWithoutItsValue() throws Exception {
		// under the size limit, but rejected (no time) and larger than the dead-letter topic takes
		String large = "{\"id\":\"d2-large\",\"type\":\"account.feedback\",\"customerId\":\"d2\",\"data\":"
				+ "{\"comment\":\"" + "y".repeat(40 * 1024) + "\"}}";
		sendBetweenValidEvents("d2", large);

		awaitSent("d2");
		ConsumerRecord<String, String> dead = deadLetterOf("d2");
		assertThat(reason(dead)).isEqualTo("time: required");
		assertThat(forewarn.getBean(MeterRegistry.class).get("forewarn.events").tag("type", "account.feedback")
			.tag("outcome", "rejected").counter().count()).as("counted as rejected, by its type").isEqualTo(1);
		assertThat(dead.value()).isNull();
		assertThat(leftOut(dead)).startsWith(large.length() + " bytes, too large for " + DLT + "; the original is ");
		assertThat(events("d2")).containsExactly("d2-o-placed", "d2-profile");
	}

	@Test
	void aMetricTooLongForTheStoredStateIsDeadLetteredNamingTheField() throws Exception {
		String longMetric = activity("d4", "d4-long-metric", Instant.now(), "m".repeat(60_000));
		sendBetweenValidEvents("d4", longMetric);

		awaitSent("d4");
		assertThat(reason(deadLetterOf("d4"))).isEqualTo("data.metric: 60000 characters, more than the limit of 200");
		assertThat(events("d4")).containsExactly("d4-o-placed", "d4-profile");
	}

	@Test
	void anEventStampedAMonthAheadIsDeadLetteredNamingTheTime() throws Exception {
		Instant monthAhead = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
		sendBetweenValidEvents("d5", activity("d5", "d5-future", monthAhead, "logins"));

		awaitSent("d5");
		assertThat(reason(deadLetterOf("d5"))).startsWith("time: " + monthAhead.toString().replace("Z", ""))
			.contains("is ahead of this server's clock", "forewarn.intake.max-clock-skew");
		assertThat(events("d5")).containsExactly("d5-o-placed", "d5-profile");
	}

	@Test
	void aDeadLetterTopicThatTakesNothingIsRetriedWithPausesUntilItDoes() throws Exception {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		((Logger) LoggerFactory.getLogger(DeadLetters.class)).addAppender(log);
		stack.setTopicConfig(DLT, "max.message.bytes", "64");
		try {
			sendBetweenValidEvents("d3", "{\"id\":\"d3-bad\"}");
			await(() -> copyFailures(log), n -> n > 0);
			Thread.sleep(3000);
			// waits of 200ms growing to 1s (the test's retry settings): a handful in 3 s, not thousands
			assertThat(copyFailures(log)).isBetween(3L, 12L);
			// the partition waits: the event after the bad one is not processed before it
			assertThat(events("d3")).containsExactly("d3-profile");
		}
		finally {
			stack.setTopicConfig(DLT, "max.message.bytes", "16384");
			((Logger) LoggerFactory.getLogger(DeadLetters.class)).detachAppender(log);
		}
		awaitSent("d3");
		assertThat(reason(deadLetterOf("d3"))).isEqualTo("type: required");
		assertThat(events("d3")).containsExactly("d3-o-placed", "d3-profile");
	}

	private static long copyFailures(ListAppender<ILoggingEvent> log) {
		synchronized (log) { // the appender appends under this lock
			return log.list.stream().filter(e -> e.getFormattedMessage().contains("could not be copied to " + DLT))
				.count();
		}
	}

	private static String activity(String customerId, String id, Instant at, String metric) {
		return "{\"id\":\"" + id + "\",\"type\":\"account.activity\",\"time\":\"" + at + "\",\"customerId\":\""
				+ customerId + "\",\"data\":{\"metric\":\"" + metric + "\",\"value\":3}}";
	}

	/** One customer's profile, the record, then an order the rules act on at once; all on one partition. */
	private static void sendBetweenValidEvents(String customerId, String record) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		stack.send(TOPIC, customerId, TestEvents.customer(customerId, now.minus(Duration.ofDays(4))));
		stack.send(TOPIC, customerId, record);
		stack.send(TOPIC, customerId, TestEvents.orderPlaced(customerId, customerId + "-o",
				now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2))));
	}

	private static void awaitSent(String customerId) throws InterruptedException {
		await(() -> db.sql("select id from outreach where customer_id = ? and status = 'SENT'").param(customerId)
			.query(String.class).list(), ids -> !ids.isEmpty());
	}

	private static List<String> events(String customerId) {
		return db.sql("select id from event where customer_id = ? and type <> 'timer.fired' order by id")
			.param(customerId).query(String.class).list();
	}

	private static ConsumerRecord<String, String> deadLetterOf(String customerId) throws InterruptedException {
		List<ConsumerRecord<String, String>> dead = await(() -> stack.readAll(DLT).stream()
			.filter(r -> customerId.equals(r.key())).toList(), d -> !d.isEmpty());
		assertThat(dead).hasSize(1);
		return dead.get(0);
	}

	private static String reason(ConsumerRecord<String, String> record) {
		return header(record, "forewarn-rejection-reason");
	}

	private static String leftOut(ConsumerRecord<String, String> record) {
		return header(record, "forewarn-value-left-out");
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}
}
