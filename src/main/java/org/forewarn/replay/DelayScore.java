package org.forewarn.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;

/**
 * How well delay outreach matched what happened, computed exactly as {@code bench/olist_score.py} does: an order is
 * late when it was not delivered by its promise; delay outreach (order.not_shipped, shipment.*) counts when it went
 * out (sent or delivered; a task unless called off, suppressed, rejected, dismissed or expired), at its sentAt or
 * else its sendAt.
 *
 * @param orders orders whose lateness is known, {@code late} those that were late, {@code touched} those messaged
 * @param precision share of messaged orders that were late
 * @param needlessPer1000 messaged orders that arrived on time, per 1,000 orders
 * @param medianLeadHours hours before the promise the first message went out, median over late orders reached in time
 * @param messagesPerTouchedOrder those messages per order messaged, as the scorer's messagesPerTouchedOrder
 * @param messagesPerCustomer the same messages per customer they went to; the scorer has no such figure
 */
record DelayScore(long orders, long late, long touched, double recallBeforePromise, double recallAt24h,
		double precision, double needlessPer1000, double medianLeadHours, double messagesPerTouchedOrder,
		double messagesPerCustomer, long onTimeTouched) {

	static final Set<String> DELAY_PROBLEMS = Set.of("order.not_shipped", "shipment.late", "shipment.stalled",
			"shipment.exception");
	private static final Set<OutreachStatus> SENT = Set.of(OutreachStatus.SENT, OutreachStatus.DELIVERED);
	private static final Set<OutreachStatus> DEAD = Set.of(OutreachStatus.CANCELLED, OutreachStatus.SUPPRESSED,
			OutreachStatus.REJECTED, OutreachStatus.DISMISSED, OutreachStatus.EXPIRED);

	/** Whether a record counts as delay outreach that reached the customer (or a person, for a task). */
	static boolean counts(Outreach o) {
		return DELAY_PROBLEMS.contains(o.problem()) && wentOut(o);
	}

	/** Sent or delivered; a task unless it was called off, suppressed, rejected, dismissed or expired. */
	static boolean wentOut(Outreach o) {
		return SENT.contains(o.status()) || ("task".equals(o.channel()) && !DEAD.contains(o.status()));
	}

	/** Whether the history knows promises and deliveries, so that the figures mean something. */
	static boolean applies(OrderHistory history) {
		return history.orders().values().stream().anyMatch(o -> o.scored(history.last()));
	}

	static DelayScore of(List<Outreach> records, OrderHistory history) {
		return of(records, history, o -> true);
	}

	/** The figures for the records {@code which} selects (one rule's, say), over all scored orders. */
	static DelayScore of(List<Outreach> records, OrderHistory history, Predicate<Outreach> which) {
		Map<String, Instant> firstTouch = new HashMap<>();
		Map<String, Integer> perOrder = new HashMap<>();
		Map<String, Set<String>> customersByOrder = new HashMap<>();
		for (Outreach o : records) {
			if (o.orderId() == null || !history.orders().containsKey(o.orderId()) || !counts(o) || !which.test(o)) {
				continue;
			}
			Instant when = o.sentAt() != null ? o.sentAt() : o.sendAt();
			perOrder.merge(o.orderId(), 1, Integer::sum);
			customersByOrder.computeIfAbsent(o.orderId(), k -> new HashSet<>()).add(o.customerId());
			firstTouch.merge(o.orderId(), when, (a, b) -> a.isBefore(b) ? a : b);
		}
		Instant last = history.last();
		long orders = 0;
		long late = 0;
		long touched = 0;
		long lateTouched = 0;
		long hit24 = 0;
		long hit0 = 0;
		long messages = 0;
		Set<String> customers = new HashSet<>();
		List<Double> leads = new ArrayList<>();
		for (Map.Entry<String, OrderHistory.Order> entry : history.orders().entrySet()) {
			OrderHistory.Order order = entry.getValue();
			if (!order.scored(last)) {
				continue;
			}
			orders++;
			Instant first = firstTouch.get(entry.getKey());
			boolean isLate = order.late();
			late += isLate ? 1 : 0;
			if (first == null) {
				continue;
			}
			touched++;
			messages += perOrder.get(entry.getKey());
			customers.addAll(customersByOrder.get(entry.getKey()));
			if (!isLate) {
				continue;
			}
			lateTouched++;
			if (!first.isAfter(order.promised().minus(Duration.ofHours(24)))) {
				hit24++;
			}
			if (!first.isAfter(order.promised())) {
				hit0++;
				leads.add(Duration.between(first, order.promised()).toMillis() / 3_600_000.0);
			}
		}
		leads.sort(null);
		return new DelayScore(orders, late, touched, hit0 / (double) Math.max(1, late),
				hit24 / (double) Math.max(1, late), lateTouched / (double) Math.max(1, touched),
				1000.0 * (touched - lateTouched) / Math.max(1, orders), median(leads),
				messages / (double) Math.max(1, touched), messages / (double) Math.max(1, customers.size()),
				touched - lateTouched);
	}

	/** Python's statistics.median: the middle value, or the mean of the two middle ones. */
	private static double median(List<Double> sorted) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int mid = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
	}
}
