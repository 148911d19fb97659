package org.forewarn;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client of the embedded crash test: posts each customer's events as one request, four at a time, and remembers
 * what it was told about each event id. Ids without an answer (the process died under the request) are not known.
 */
final class CrashClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> answers = new ConcurrentHashMap<>();

	/** Posts them all and waits for every answer. */
	void postAll(ForewarnProcess forewarn, List<CrashCustomer> customers) throws InterruptedException {
		await(post(forewarn, customers, Integer.MAX_VALUE));
	}

	/**
	 * Posts them and returns once {@code stopAfter} customers were answered while later requests are still in
	 * flight (or the process stopped answering): the caller kills the process under them, then {@link #await}s.
	 */
	ExecutorService post(ForewarnProcess forewarn, List<CrashCustomer> customers, int stopAfter)
			throws InterruptedException {
		ExecutorService clients = Executors.newFixedThreadPool(4);
		AtomicInteger answered = new AtomicInteger();
		AtomicBoolean stopping = new AtomicBoolean();
		for (CrashCustomer customer : customers) {
			clients.execute(() -> {
				if (stopping.get()) {
					return;
				}
				try {
					JsonNode body = JSON.readTree(forewarn.post("/api/events", customer.json()).body());
					for (JsonNode result : body.get("results")) {
						answers.put(result.get("id").asString(), result.get("status").asString());
					}
					if (answered.incrementAndGet() >= stopAfter) {
						stopping.set(true);
					}
				}
				catch (Exception e) {
					// no answer: the process is gone
					stopping.set(true);
				}
			});
		}
		clients.shutdown();
		if (stopAfter < customers.size()) {
			while (!stopping.get() && !clients.isTerminated()) {
				Thread.sleep(5);
			}
		}
		return clients;
	}

	/** Waits for the last answers (or failures) of requests still in flight. */
	void await(ExecutorService clients) throws InterruptedException {
		if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
			throw new IllegalStateException("requests still unanswered after 2 minutes");
		}
	}

	/** The event ids of these customers that got this answer. */
	List<String> answered(List<CrashCustomer> customers, String status) {
		return customers.stream().flatMap(c -> c.eventIds().stream()).filter(id -> status.equals(answers.get(id)))
			.toList();
	}

	/** Customers with an event that got no answer, or FAILED ("try again later"): a client sends them again. */
	List<CrashCustomer> toRetry(List<CrashCustomer> customers) {
		return customers.stream()
			.filter(c -> c.eventIds().stream().anyMatch(id -> !answers.containsKey(id) || "FAILED".equals(answers.get(id))))
			.toList();
	}
}
