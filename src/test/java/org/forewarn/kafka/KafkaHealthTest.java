package org.forewarn.kafka;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import org.forewarn.health.ScheduledHealth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * In production the Kafka consumer is part of readiness: UP with its partitions while it reads, DOWN with a reason
 * (and the instance not ready) when it stops, UP again when it is back.
 */
class KafkaHealthTest {

	@Test
	void aStoppedConsumerTakesTheInstanceOutOfReadiness() throws Exception {
		int noSmtp;
		try (ServerSocket free = new ServerSocket(0)) {
			noSmtp = free.getLocalPort(); // nothing is sent here; only the providers' health would look
		}
		try (ProductionStack stack = ProductionStack.start();
				ConfigurableApplicationContext forewarn = stack.startForewarn(stack.createDatabase("health"),
						"health.events", "health", noSmtp, "--forewarn.health.interval=PT0.3S",
						"--forewarn.health.kafka.assignment-grace=PT30S")) {
			ScheduledHealth kafka = forewarn.getBean("kafkaHealthIndicator", ScheduledHealth.class);
			Health up = await(kafka, health -> health.getStatus().equals(Status.UP)
					&& health.getDetails().get("partitions") instanceof java.util.List<?> list && !list.isEmpty());
			assertThat(up.getDetails().get("partitions").toString()).contains("health.events-0");
			assertThat(readiness(forewarn)).isEqualTo(200);

			MessageListenerContainer consumer = forewarn.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer(EventRecordListener.ID);
			consumer.stop();
			Health down = await(kafka, health -> health.getStatus().equals(Status.DOWN));
			assertThat(down.getDetails().get("reason")).isEqualTo("the Kafka event consumer is not running");
			awaitReadiness(forewarn, 503);

			consumer.start();
			await(kafka, health -> health.getStatus().equals(Status.UP));
			awaitReadiness(forewarn, 200);
		}
	}

	private static Health await(ScheduledHealth indicator, Predicate<Health> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.test(indicator.health())) {
				return indicator.health();
			}
			Thread.sleep(100);
		}
		return fail("kafka health not as expected within 60 s; last " + indicator.health());
	}

	private static void awaitReadiness(ConfigurableApplicationContext forewarn, int status) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (readiness(forewarn) != status) {
			if (System.nanoTime() > deadline) {
				fail("readiness not " + status + " within 30 s");
			}
			Thread.sleep(100);
		}
	}

	private static int readiness(ConfigurableApplicationContext forewarn) throws Exception {
		String port = forewarn.getEnvironment().getProperty("local.server.port");
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
