package org.forewarn.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the rules see about one customer, folded from that customer's events. */
public class CustomerState {

	/** Closed orders are kept this long for rules that look back (repeated bad experiences). */
	static final Duration CLOSED_ORDER_RETENTION = Duration.ofDays(400);
	/** Most orders kept per customer: closed ones are forgotten first, then those quiet the longest. */
	static final int KEPT_ORDERS = 200;

	private Customer customer;
	private Map<String, Order> orders = new LinkedHashMap<>();
	private Map<String, Shipment> shipments = new LinkedHashMap<>();
	private Account account;
	/** Not a fact: what the rules asked for, so the next evaluation can withdraw what it no longer asks for. */
	private List<AskedWakeup> askedWakeups = new ArrayList<>();

	CustomerState() {
	}

	public CustomerState(String customerId) {
		this.customer = new Customer(customerId);
		this.account = new Account(customerId);
	}

	public String customerId() { return customer.getCustomerId(); }
	public Customer customer() { return customer; }
	public Account account() { return account; }
	public Map<String, Order> orders() { return orders; }
	public Map<String, Shipment> shipments() { return shipments; }
	public List<AskedWakeup> askedWakeups() { return askedWakeups; }

	public void askedWakeups(Collection<AskedWakeup> asked) {
		this.askedWakeups = new ArrayList<>(asked);
	}

	Order order(String orderId) {
		return orders.computeIfAbsent(orderId, id -> new Order(id, customerId()));
	}

	/** The order's parcel; made with what the order already knows, as its events may arrive before the shipment's. */
	Shipment shipment(String orderId) {
		return shipments.computeIfAbsent(orderId, id -> {
			Order order = order(id);
			Shipment made = new Shipment(id, customerId(), order.getPromisedBy());
			if (order.getDeliveredAt() != null) {
				made.delivered(order.getDeliveredAt());
			}
			return made;
		});
	}

	/** Every object rules match on, including derived ones. */
	public List<Object> facts() {
		List<Object> facts = new ArrayList<>();
		facts.add(customer);
		facts.add(account);
		facts.addAll(orders.values());
		facts.addAll(shipments.values());
		facts.addAll(account.getFeedback());
		account.getActivity().forEach((metric, readings) -> {
			if (!readings.isEmpty()) {
				facts.add(ActivityTrend.of(customerId(), metric, readings));
			}
		});
		return facts;
	}

	/** Drops orders closed long before {@code now}, so state stays small for long-lived customers. */
	void forgetOldOrders(Instant now) {
		Instant cutoff = now.minus(CLOSED_ORDER_RETENTION);
		orders.values().removeIf(o -> !o.isOpen() && closedAt(o).isBefore(cutoff));
		while (orders.size() > KEPT_ORDERS) {
			forgetLeastNeededOrder();
		}
		shipments.keySet().retainAll(orders.keySet());
	}

	/** Forgets one order: a closed one first, else the one quiet the longest; false when there is none. */
	boolean forgetLeastNeededOrder() {
		Order least = orders.values().stream()
			.min(Comparator.comparing(Order::isOpen).thenComparing(Order::lastSeen,
					Comparator.nullsFirst(Comparator.naturalOrder())))
			.orElse(null);
		if (least == null) {
			return false;
		}
		orders.remove(least.getOrderId());
		shipments.remove(least.getOrderId());
		return true;
	}

	private static Instant closedAt(Order order) {
		return order.getDeliveredAt() != null ? order.getDeliveredAt() : order.getCancelledAt();
	}
}
