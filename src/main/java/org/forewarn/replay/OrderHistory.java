package org.forewarn.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.forewarn.event.OffsetTimes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What really happened to each order in a replayed file, read the way {@code bench/olist_score.py} reads it: the
 * promise of its last {@code order.placed}, its last {@code order.delivered}, and complaints (feedback score 2 or
 * less). Lines that cannot be read are left out; the replay itself reports them.
 *
 * @param last the latest event time in the file: an undelivered order counts once its promise lies before it
 * @param placed orders with an {@code order.placed} event, and {@code customers} distinct customers
 */
record OrderHistory(Map<String, Order> orders, Instant last, long placed, long customers) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Order(Instant promised, Instant delivered, List<Instant> complaints) {

		/** Known whether late: it has a promise, and was delivered or its promise has passed. */
		boolean scored(Instant last) {
			return promised != null && (delivered != null || promised.isBefore(last));
		}

		boolean late() {
			return delivered == null || delivered.isAfter(promised);
		}
	}

	/**
	 * Starts reading {@code events} on a thread of its own, beside the replay's start (which leaves a core mostly idle
	 * for a few seconds) rather than after the replay; {@link Reading#get} waits for it.
	 */
	static Reading readAside(Path events) {
		FutureTask<OrderHistory> task = new FutureTask<>(() -> read(events));
		Thread reader = new Thread(task, "order-history");
		reader.setDaemon(true); // a replay that fails leaves it to finish, or to end with the process
		reader.start();
		return new Reading(task);
	}

	record Reading(FutureTask<OrderHistory> task) {

		/** The history, once read; what reading threw, as it threw it. */
		OrderHistory get() throws IOException {
			try {
				return task.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while reading what happened to the orders", e);
			}
			catch (ExecutionException e) {
				if (e.getCause() instanceof IOException io) {
					throw io;
				}
				if (e.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (e.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(e.getCause());
			}
		}

		/** Stops reading, for a replay that failed: its file is read no further. */
		void cancel() {
			task.cancel(true); // the file's channel closes when its reader is interrupted
		}
	}

	static OrderHistory read(Path events) throws IOException {
		Map<String, Instant> promised = new HashMap<>();
		Map<String, Instant> delivered = new HashMap<>();
		Map<String, List<Instant>> complaints = new HashMap<>();
		Set<String> orders = new HashSet<>();
		Set<String> placed = new HashSet<>();
		Set<String> customers = new HashSet<>();
		Instant last = null;
		try (InputStream in = Files.newInputStream(events)) {
			TextLines lines = new TextLines(in);
			TextLines.Line line;
			while ((line = lines.next()) != null) {
				if (line.text() == null) {
					continue; // the replay reports it
				}
				JsonNode event;
				Instant time;
				try {
					event = JSON.readTree(line.text());
					time = instant(event.path("time").asString(null));
				}
				catch (RuntimeException e) {
					continue;
				}
				if (event == null || time == null) {
					continue;
				}
				last = last == null || time.isAfter(last) ? time : last;
				String customer = event.path("customerId").asString(null);
				if (customer != null) {
					customers.add(customer);
				}
				String order = event.path("orderId").asString(null);
				if (order == null || order.isEmpty()) {
					continue;
				}
				orders.add(order);
				switch (event.path("type").asString("")) {
					case "order.placed" -> {
						placed.add(order);
						Instant promise = instant(event.path("data").path("promisedBy").asString(null));
						if (promise != null) {
							promised.put(order, promise);
						}
					}
					case "order.delivered" -> delivered.put(order, time);
					case "account.feedback" -> {
						if (event.path("data").path("score").asDouble(5) <= 2) {
							complaints.computeIfAbsent(order, o -> new ArrayList<>()).add(time);
						}
					}
					default -> {
					}
				}
			}
		}
		Map<String, Order> byOrder = new HashMap<>();
		for (String order : orders) {
			byOrder.put(order, new Order(promised.get(order), delivered.get(order),
					complaints.getOrDefault(order, List.of())));
		}
		return new OrderHistory(byOrder, last == null ? Instant.EPOCH : last, placed.size(), customers.size());
	}

	private static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetTimes.parse(text).toInstant();
		}
		catch (RuntimeException e) {
			return null;
		}
	}
}
