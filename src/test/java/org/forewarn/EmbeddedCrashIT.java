package org.forewarn;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar on the embedded default (H2 under ./data), killed with {@code kill -9} twice: once right after
 * the last answer, once with requests in flight. Every event answered ACCEPTED is still there after the restart,
 * every order gets its email, and no email arrives twice. Runs in {@code verify}, after the jar is packaged.
 */
class EmbeddedCrashIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Duration SETTLE = Duration.ofSeconds(60);

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@TempDir
	Path temp;

	private final CrashClient client = new CrashClient();
	private final List<ForewarnProcess> started = new ArrayList<>();

	@AfterEach
	void killWhatIsLeft() throws InterruptedException {
		for (ForewarnProcess forewarn : started) {
			forewarn.kill();
		}
	}

	@Test
	void acceptedEventsAndTheirEmailsSurviveKillMinusNine() throws Exception {
		Path folder = ForewarnProcess.workingFolder(temp);
		List<String> settings = List.of("--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + greenMail.getSmtp().getPort(), "--forewarn.rules-watch.enabled=false");

		// 1. all answered, then kill -9 at once
		ForewarnProcess run1 = start(folder, "run1.log", settings);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<CrashCustomer> first = CrashCustomer.batch("a", 150, now);
		List<CrashCustomer> second = CrashCustomer.batch("b", 100, now);
		client.postAll(run1, first);
		run1.kill();
		List<String> accepted1 = client.answered(first, "ACCEPTED");

		ForewarnProcess run2 = start(folder, "run2.log", settings);
		List<String> lost1 = missing(run2, accepted1);

		// 2. kill -9 with requests in flight, half-way through
		ExecutorService inFlight = client.post(run2, second, second.size() / 2);
		run2.kill();
		client.await(inFlight); // the answers that made it before the kill count
		List<String> accepted2 = client.answered(second, "ACCEPTED");

		ForewarnProcess run3 = start(folder, "run3.log", settings);
		List<String> lost2 = missing(run3, accepted2);
		// stored but never answered: the process stopped between the commit and the answer; the wakeup committed
		// with each send must still send it, before any client retries
		List<JsonNode> afterRestart = awaitSettled(run3, stored(run3, first, second), now);
		long stranded = afterRestart.stream().filter(o -> "SCHEDULED".equals(o.get("status").asString())).count();

		// 3. the client retries what got no answer: duplicates are recognised, the rest is processed now
		List<CrashCustomer> unanswered = client.toRetry(second);
		client.postAll(run3, unanswered);
		List<CrashCustomer> everyone = new ArrayList<>(first);
		everyone.addAll(second);
		List<JsonNode> outreach = awaitSettled(run3, everyone, now);
		List<String> lostAtEnd = missing(run3, everyone.stream().flatMap(c -> c.eventIds().stream()).toList());
		run3.stop();

		Map<String, Long> received = received();
		List<JsonNode> interrupted = outreach.stream().filter(EmbeddedCrashIT::interrupted).toList();
		long doubled = received.values().stream().filter(n -> n > 1).count();
		long sent = outreach.stream().filter(o -> "SENT".equals(o.get("status").asString())).count();
		System.out.printf("Embedded crash test: events accepted %d + %d (of %d), lost after kill -9: %d + %d, "
				+ "stranded sends after restart: %d, unanswered retried: %d customers; outreach %d (sent %d, "
				+ "interrupted %d); emails received %d, received twice: %d%n", accepted1.size(), accepted2.size(),
				(first.size() + second.size()) * 2, lost1.size(), lost2.size(), stranded, unanswered.size(),
				outreach.size(), sent, interrupted.size(), received.values().stream().mapToLong(n -> n).sum(),
				doubled);

		assertThat(accepted1).as("answers before the first kill").hasSize(first.size() * 2);
		assertThat(lost1).as("accepted before the first kill, missing after the restart").isEmpty();
		assertThat(lost2).as("accepted before the second kill, missing after the restart").isEmpty();
		assertThat(stranded).as("sends still waiting after the restart settled").isZero();
		assertThat(lostAtEnd).isEmpty();
		assertThat(doubled).as("emails received twice").isZero();
		Map<String, JsonNode> byCustomer = outreach.stream().filter(o -> "order.not_shipped".equals(text(o, "problem")))
			.collect(Collectors.toMap(o -> text(o, "customerId"), Function.identity()));
		for (CrashCustomer customer : everyone) {
			JsonNode record = byCustomer.get(customer.id());
			assertThat(record).as("outreach of " + customer.id()).isNotNull();
			long mails = received.getOrDefault(customer.email() + "|" + customer.orderId(), 0L);
			if (interrupted(record)) {
				assertThat(mails).as("emails to " + customer.id() + ", whose send was interrupted").isLessThanOrEqualTo(1);
			}
			else {
				assertThat(text(record, "status")).as("status of " + customer.id()).isEqualTo("SENT");
				assertThat(mails).as("emails to " + customer.id()).isEqualTo(1);
			}
		}
		assertThat(outreach).hasSize(everyone.size());
	}

	private ForewarnProcess start(Path folder, String log, List<String> settings) throws Exception {
		ForewarnProcess forewarn = ForewarnProcess.start(folder, log, settings);
		started.add(forewarn);
		return forewarn;
	}

	/** The event ids among {@code ids} that the customers' timelines do not show. */
	private static List<String> missing(ForewarnProcess forewarn, List<String> ids) throws Exception {
		Set<String> stored = ConcurrentHashMap.newKeySet();
		for (String customer : ids.stream().map(CrashCustomer::customerOf).collect(Collectors.toSet())) {
			for (JsonNode item : JSON.readTree(forewarn.get("/api/customers/" + customer + "/timeline").body())) {
				if ("event".equals(text(item, "kind"))) {
					stored.add(item.get("details").get("event").get("id").asString());
				}
			}
		}
		return ids.stream().filter(id -> !stored.contains(id)).toList();
	}

	/** The customers whose order event was stored, answered or not. */
	private static List<CrashCustomer> stored(ForewarnProcess forewarn, List<CrashCustomer> first,
			List<CrashCustomer> second) throws Exception {
		List<CrashCustomer> all = new ArrayList<>(first);
		all.addAll(second);
		Set<String> missingOrders = Set.copyOf(missing(forewarn, all.stream().map(CrashCustomer::orderEventId).toList()));
		return all.stream().filter(c -> !missingOrders.contains(c.orderEventId())).toList();
	}

	/**
	 * Waits until each of {@code customers} has its outreach and nothing due is waiting: the handoff checks have
	 * fired, no SCHEDULED record is due, and each SENT email has arrived. Returns all outreach records then.
	 */
	private static List<JsonNode> awaitSettled(ForewarnProcess forewarn, List<CrashCustomer> customers, Instant now)
			throws Exception {
		Instant lastHandoff = customers.stream().map(CrashCustomer::handoffDue).max(Instant::compareTo).orElse(now);
		long deadline = System.nanoTime() + SETTLE.toNanos();
		List<JsonNode> outreach = List.of();
		while (System.nanoTime() < deadline) {
			outreach = new ArrayList<>();
			JSON.readTree(forewarn.get("/api/outreach?limit=10000").body()).forEach(outreach::add);
			Set<String> covered = outreach.stream().map(o -> text(o, "customerId")).collect(Collectors.toSet());
			long due = outreach.stream().filter(o -> "SCHEDULED".equals(text(o, "status"))
					&& !Instant.parse(text(o, "sendAt")).isAfter(Instant.now())).count();
			long sent = outreach.stream().filter(o -> "SENT".equals(text(o, "status"))).count();
			if (Instant.now().isAfter(lastHandoff.plusSeconds(3)) && due == 0
					&& customers.stream().allMatch(c -> covered.contains(c.id()))
					&& greenMail.getReceivedMessages().length >= sent) {
				Thread.sleep(1500); // room for a late, second send to show up
				outreach = new ArrayList<>();
				JSON.readTree(forewarn.get("/api/outreach?limit=10000").body()).forEach(outreach::add);
				return outreach;
			}
			Thread.sleep(500);
		}
		System.out.println(forewarn.tail(80));
		return outreach;
	}

	/** Emails received, per recipient and order (each subject names the order). */
	private static Map<String, Long> received() throws Exception {
		Map<String, Long> counts = new ConcurrentHashMap<>();
		for (MimeMessage message : greenMail.getReceivedMessages()) {
			String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
			String subject = message.getSubject();
			String order = subject.substring(subject.indexOf(CrashCustomer.ORDER_PREFIX)).split("\\s")[0];
			counts.merge(to + "|" + order, 1L, Long::sum);
		}
		return counts;
	}

	private static boolean interrupted(JsonNode outreach) {
		JsonNode delivery = outreach.get("delivery");
		String code = delivery == null || delivery.get("providerCode") == null ? ""
				: delivery.get("providerCode").asString();
		return "FAILED".equals(text(outreach, "status"))
				&& ("interrupted".equals(code) || text(outreach, "statusReason").contains("may have gone out"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}
}
