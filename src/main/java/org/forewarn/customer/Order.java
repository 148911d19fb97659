package org.forewarn.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One order with its deadlines, payment and delivery state, and its own timeline. A rule fact. */
public class Order {

	private String orderId;
	private String customerId;
	private Instant placedAt;
	private Double total;
	private String currency;
	private Instant shipBy;
	private Instant promisedBy;
	private String destinationRegion;
	private Instant paidAt;
	private Instant paymentFailedAt;
	private boolean paymentFailureHard;
	private String paymentFailureReason;
	private Instant shippedAt;
	private Instant deliveredAt;
	private Instant cancelledAt;
	private String cancelReason;
	/** Events kept per order: enough for rules and the console, bounded for orders that never close. */
	static final int KEPT_TIMELINE = 50;

	private List<TimelineEntry> timeline = new ArrayList<>();

	Order() {
	}

	Order(String orderId, String customerId) {
		this.orderId = orderId;
		this.customerId = customerId;
	}

	public String getOrderId() { return orderId; }
	public String getCustomerId() { return customerId; }
	public Instant getPlacedAt() { return placedAt; }
	public Double getTotal() { return total; }
	public String getCurrency() { return currency; }
	public Instant getShipBy() { return shipBy; }
	public Instant getPromisedBy() { return promisedBy; }
	public String getDestinationRegion() { return destinationRegion; }
	public Instant getPaidAt() { return paidAt; }
	public Instant getPaymentFailedAt() { return paymentFailedAt; }
	public boolean isPaymentFailureHard() { return paymentFailureHard; }
	public String getPaymentFailureReason() { return paymentFailureReason; }
	public Instant getShippedAt() { return shippedAt; }
	public Instant getDeliveredAt() { return deliveredAt; }
	public Instant getCancelledAt() { return cancelledAt; }
	public String getCancelReason() { return cancelReason; }
	public List<TimelineEntry> getTimeline() { return timeline; }

	/** Neither delivered nor cancelled. */
	public boolean isOpen() {
		return deliveredAt == null && cancelledAt == null;
	}

	public boolean isShipped() {
		return shippedAt != null;
	}

	/** A payment failed and no payment succeeded after it. */
	public boolean isPaymentOutstanding() {
		return paymentFailedAt != null && (paidAt == null || paidAt.isBefore(paymentFailedAt));
	}

	/** Delivered after the promised date. */
	public boolean isDeliveredLate() {
		return deliveredAt != null && promisedBy != null && deliveredAt.isAfter(promisedBy);
	}

	/** The newest description of the order stands: an older one arriving late changes nothing. */
	void placed(Instant at, Double total, String currency, Instant shipBy, Instant promisedBy, String region) {
		if (EventTimes.older(at, placedAt)) {
			return;
		}
		this.placedAt = at;
		this.total = total;
		this.currency = currency;
		this.shipBy = shipBy;
		this.promisedBy = promisedBy;
		this.destinationRegion = region;
	}

	void paid(Instant at) { this.paidAt = EventTimes.newest(paidAt, at); }

	void paymentFailed(Instant at, boolean hard, String reason) {
		if (EventTimes.older(at, paymentFailedAt)) {
			return;
		}
		this.paymentFailedAt = at;
		this.paymentFailureHard = hard;
		this.paymentFailureReason = reason;
	}

	void shipped(Instant at) { this.shippedAt = EventTimes.newest(shippedAt, at); }

	void delivered(Instant at) { this.deliveredAt = EventTimes.newest(deliveredAt, at); }

	void cancelled(Instant at, String reason) {
		if (EventTimes.older(at, cancelledAt)) {
			return;
		}
		this.cancelledAt = at;
		this.cancelReason = reason;
	}

	void record(Instant at, String eventType) {
		timeline.add(new TimelineEntry(at, eventType));
		if (timeline.size() > KEPT_TIMELINE) {
			timeline.remove(0);
		}
	}

	/** The last time anything happened to the order, for choosing which orders to forget first. */
	Instant lastSeen() {
		return timeline.isEmpty() ? placedAt : timeline.get(timeline.size() - 1).at();
	}

	@Override
	public String toString() {
		return "Order " + orderId + " (placed " + placedAt + ", shipBy " + shipBy + ", promisedBy " + promisedBy
				+ ", shipped " + shippedAt + ", delivered " + deliveredAt + ", cancelled " + cancelledAt + ")";
	}
}
