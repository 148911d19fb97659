package org.forewarn.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.forewarn.rules.Wakeup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.kafka.KafkaIntakeTest.await;

/**
 * Timer records are taken only with a valid signature; unsigned ones from a version before signatures only while
 * {@code forewarn.kafka.accept-unsigned-timers} is on. Two instances on their own topics and databases: one strict
 * (the default), one in the middle of an upgrade.
 */
class TimerSignatureTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static ProductionStack stack;
	static ConfigurableApplicationContext strict;
	static ConfigurableApplicationContext upgrading;

	@BeforeAll
	static void start() throws Exception {
		stack = ProductionStack.start();
		strict = stack.startForewarn(stack.createDatabase("strict"), "strict.events", "strict",
				greenMail.getSmtp().getPort());
		upgrading = stack.startForewarn(stack.createDatabase("upgrading"), "upgrading.events", "upgrading",
				greenMail.getSmtp().getPort(), "--forewarn.kafka.accept-unsigned-timers=true");
		ProductionStack.awaitAssigned(List.of(strict), 4);
		ProductionStack.awaitAssigned(List.of(upgrading), 4);
	}

	@AfterAll
	static void stop() throws Exception {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { strict, upgrading }) {
			if (instance != null) {
				instance.close();
			}
		}
		stack.close();
	}

	@Test
	void forgedTimersAreDeadLetteredAndTheCustomersNextEventIsProcessed() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// one key: one partition, so the valid event after the forgeries proves the partition and customer go on
		stack.send("strict.events", "f1", TestEvents.customer("f1", now.minus(Duration.ofDays(4))));
		stack.send(timer("strict.events", "f1", "f1-forged-old-header", now, "timer"));
		ProducerRecord<String, String> wrong = timer("strict.events", "f1", "f1-forged-wrong-signature", now,
				"timer");
		wrong.headers().add("forewarn-timer-signature", Base64.getEncoder().encode(new byte[32]));
		stack.send(wrong);
		stack.send(timer("strict.events", "f1", "f1-forged-no-header", now, null));
		stack.send("strict.events", "f1", TestEvents.orderPlaced("f1", "f1-o", now.minus(Duration.ofDays(3)),
				now.minus(Duration.ofDays(2))));

		JdbcClient db = stack.database("strict");
		awaitRows(db, "select id from outreach where customer_id = 'f1' and status = 'SENT'");
		List<ConsumerRecord<String, String>> dead = await(() -> stack.readAll("strict.events.DLT").stream()
			.filter(r -> r.value().contains("f1-forged")).toList(), d -> d.size() >= 3);

		assertThat(dead).hasSize(3);
		assertThat(reasonOf(dead, "f1-forged-old-header")).startsWith("forewarn-timer-signature header: missing "
				+ "on a record marked forewarn-origin: timer").contains("forewarn.kafka.accept-unsigned-timers");
		assertThat(reasonOf(dead, "f1-forged-wrong-signature"))
			.startsWith("forewarn-timer-signature header: does not match the record's key and value");
		assertThat(reasonOf(dead, "f1-forged-no-header")).startsWith("forewarn-timer-signature header: missing;");
		// the real timers the order asked for are there, signed; the forged ones are not
		assertThat(db.sql("select id from event where customer_id = 'f1' order by id").query(String.class).list())
			.contains("f1-o-placed", "f1-profile").noneMatch(id -> id.startsWith("f1-forged"));
	}

	@Test
	void aTimerSignedByTheRealDeliveryIsProcessedAndAnAlteredCopyIsNot() throws Exception {
		Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Wakeup wakeup = new Wakeup("s1", due, null, "check");
		strict.getBean(KafkaWakeupDelivery.class).deliver(List.of(wakeup));

		JdbcClient db = stack.database("strict");
		awaitRows(db, "select id from event where id = 'timer-" + wakeup.id() + "' and type = 'timer.fired'");
		ConsumerRecord<String, String> signed = stack.readAll("strict.events").stream()
			.filter(r -> r.value().contains(wakeup.id())).findFirst().orElseThrow();
		assertThat(signed.headers().lastHeader("forewarn-timer-signature")).isNotNull();

		// the same headers on a changed value: another timer id and due time for the same customer
		Wakeup other = new Wakeup("s1", due.plusSeconds(60), null, "check");
		ProducerRecord<String, String> altered = new ProducerRecord<>("strict.events", null, "s1",
				signed.value().replace(wakeup.id(), other.id()).replace(due.toString(), due.plusSeconds(60).toString()),
				signed.headers());
		stack.send(altered);

		List<ConsumerRecord<String, String>> dead = await(() -> stack.readAll("strict.events.DLT").stream()
			.filter(r -> r.value().contains(other.id())).toList(), d -> !d.isEmpty());
		assertThat(reason(dead.get(0))).startsWith("forewarn-timer-signature header: does not match");
		assertThat(db.sql("select count(*) from event where id = 'timer-" + other.id() + "'").query(Integer.class)
			.single()).isZero();
	}

	@Test
	void whileUpgradingUnsignedTimersFromTheOldVersionAreTakenButWrongSignaturesAreNot() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// what a version before signatures left on the topic: the origin header only
		ProducerRecord<String, String> wrong = timer("upgrading.events", "u1", "timer-u1-wrong", now, "timer");
		wrong.headers().add("forewarn-timer-signature", Base64.getEncoder().encode(new byte[32]));
		stack.send(wrong);
		stack.send(timer("upgrading.events", "u1", "timer-u1-old", now, "timer"));
		Wakeup wakeup = new Wakeup("u1", now, null, "check");
		upgrading.getBean(KafkaWakeupDelivery.class).deliver(List.of(wakeup));

		JdbcClient db = stack.database("upgrading");
		awaitRows(db, "select id from event where id = 'timer-" + wakeup.id() + "'");
		assertThat(db.sql("select id from event where customer_id = 'u1' order by id").query(String.class).list())
			.containsExactlyInAnyOrder("timer-u1-old", "timer-" + wakeup.id());
		List<ConsumerRecord<String, String>> dead = await(() -> stack.readAll("upgrading.events.DLT").stream()
			.filter(r -> r.value().contains("timer-u1-")).toList(), d -> !d.isEmpty());
		assertThat(dead).hasSize(1).allSatisfy(r -> assertThat(r.value()).contains("timer-u1-wrong"));
		assertThat(reason(dead.get(0))).startsWith("forewarn-timer-signature header: does not match");
	}

	/** A timer.fired record as someone other than the real delivery would write it. */
	private static ProducerRecord<String, String> timer(String topic, String customerId, String id, Instant at,
			String origin) {
		String value = "{\"id\":\"" + id + "\",\"type\":\"timer.fired\",\"time\":\"" + at + "\",\"customerId\":\""
				+ customerId + "\",\"data\":{\"label\":\"check\",\"dueAt\":\"" + at + "\"}}";
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, customerId, value);
		if (origin != null) {
			record.headers().add("forewarn-origin", origin.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	private static String reasonOf(List<ConsumerRecord<String, String>> dead, String eventId) {
		return reason(dead.stream().filter(r -> r.value().contains("\"" + eventId + "\"")).findFirst().orElseThrow());
	}

	private static String reason(ConsumerRecord<String, String> record) {
		return new String(record.headers().lastHeader("forewarn-rejection-reason").value(), StandardCharsets.UTF_8);
	}

	private static void awaitRows(JdbcClient db, String sql) throws InterruptedException {
		await(() -> db.sql(sql).query().listOfRows(), rows -> !rows.isEmpty());
	}
}
