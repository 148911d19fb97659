package org.forewarn.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parcel of a shipped order: carrier, estimate, scans and any open exception. A rule fact. */
public class Shipment {

	static final int KEPT_SCANS = 20;

	private String orderId;
	private String customerId;
	private String carrier;
	private String trackingNumber;
	private Instant shippedAt;
	private Instant estimatedDelivery;
	/** The time of the event that gave the estimate: an older one arriving late does not replace it. */
	private Instant estimateAt;
	private Instant promisedBy;
	private Instant deliveredAt;
	private List<Scan> scans = new ArrayList<>();
	private String exceptionCode;
	private String exceptionDescription;
	private Instant exceptionAt;

	Shipment() {
	}

	Shipment(String orderId, String customerId, Instant promisedBy) {
		this.orderId = orderId;
		this.customerId = customerId;
		this.promisedBy = promisedBy;
	}

	public String getOrderId() { return orderId; }
	public String getCustomerId() { return customerId; }
	public String getCarrier() { return carrier; }
	public String getTrackingNumber() { return trackingNumber; }
	public Instant getShippedAt() { return shippedAt; }
	public Instant getEstimatedDelivery() { return estimatedDelivery; }
	public Instant getPromisedBy() { return promisedBy; }
	public Instant getDeliveredAt() { return deliveredAt; }
	public List<Scan> getScans() { return scans; }
	public String getExceptionCode() { return exceptionCode; }
	public String getExceptionDescription() { return exceptionDescription; }
	public Instant getExceptionAt() { return exceptionAt; }

	public boolean isInTransit() {
		return deliveredAt == null;
	}

	/** Time of the last carrier scan, null when the carrier never reported one. */
	public Instant getLastScanAt() {
		return scans.isEmpty() ? null : scans.get(scans.size() - 1).at();
	}

	/** The estimate lies after the promised date. */
	public boolean isEstimateAfterPromise() {
		return estimatedDelivery != null && promisedBy != null && estimatedDelivery.isAfter(promisedBy);
	}

	public boolean hasOpenException() {
		return exceptionCode != null;
	}

	void shipped(Instant at, String carrier, String trackingNumber, Instant estimatedDelivery) {
		if (!EventTimes.older(at, shippedAt)) {
			this.shippedAt = at;
			this.carrier = carrier;
			this.trackingNumber = trackingNumber;
		}
		estimateChanged(at, estimatedDelivery);
	}

	/** The order's promised date, as its newest description says. */
	void promised(Instant promisedBy) {
		this.promisedBy = promisedBy;
	}

	/**
	 * Scans are kept in time order, whatever order they arrive in (a carrier's feed may send one late); a scan clears
	 * an exception reported before it, not one reported after.
	 */
	void scanned(Instant at, String location, String status) {
		EventTimes.addInTimeOrder(scans, new Scan(at, location, status), Scan::at, KEPT_SCANS);
		if (exceptionAt != null && !at.isBefore(exceptionAt)) {
			clearException();
		}
	}

	void estimateChanged(Instant at, Instant estimatedDelivery) {
		if (!EventTimes.older(at, estimateAt)) {
			this.estimateAt = at;
			this.estimatedDelivery = estimatedDelivery;
		}
	}

	/**
	 * An exception older than the newest scan, than the exception open now or than the delivery is over already: it
	 * changes nothing.
	 */
	void exception(Instant at, String code, String description) {
		Instant lastScan = getLastScanAt();
		if (lastScan != null && lastScan.isAfter(at) || exceptionAt != null && exceptionAt.isAfter(at)
				|| deliveredAt != null && !at.isAfter(deliveredAt)) {
			return;
		}
		this.exceptionAt = at;
		this.exceptionCode = code;
		this.exceptionDescription = description;
	}

	void delivered(Instant at) {
		this.deliveredAt = EventTimes.newest(deliveredAt, at);
		clearException();
	}

	private void clearException() {
		exceptionAt = null;
		exceptionCode = null;
		exceptionDescription = null;
	}

	@Override
	public String toString() {
		return "Shipment of order " + orderId + " (shipped " + shippedAt + ", estimate " + estimatedDelivery
				+ ", last scan " + getLastScanAt() + (exceptionCode == null ? "" : ", exception " + exceptionCode)
				+ ")";
	}
}
