package org.forewarn.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Account signals: plan, tickets, feedback, usage and cancellation requests. A rule fact. */
public class Account {

	static final int KEPT_SAMPLES = 12;
	static final int KEPT_FEEDBACK = 20;
	/** Distinct usage metrics kept; the one heard of least recently makes room for a new one. */
	static final int KEPT_METRICS = 20;
	static final int KEPT_OPEN_TICKETS = 50;

	private String customerId;
	private String plan;
	private Instant lastPlanChangeAt;
	private String lastPlanChangeDirection;
	private Set<String> openTickets = new LinkedHashSet<>();
	private Instant lastTicketOpenedAt;
	private Instant cancelRequestedAt;
	private String cancelReason;
	private List<Feedback> feedback = new ArrayList<>();
	private Map<String, List<ActivitySample>> activity = new LinkedHashMap<>();

	Account() {
	}

	Account(String customerId) {
		this.customerId = customerId;
	}

	public String getCustomerId() { return customerId; }
	public String getPlan() { return plan; }
	public Instant getLastPlanChangeAt() { return lastPlanChangeAt; }
	public String getLastPlanChangeDirection() { return lastPlanChangeDirection; }
	public Set<String> getOpenTickets() { return openTickets; }
	public Instant getLastTicketOpenedAt() { return lastTicketOpenedAt; }
	public Instant getCancelRequestedAt() { return cancelRequestedAt; }
	public String getCancelReason() { return cancelReason; }
	public List<Feedback> getFeedback() { return feedback; }
	public Map<String, List<ActivitySample>> getActivity() { return activity; }

	public boolean hasOpenTicket() {
		return !openTickets.isEmpty();
	}

	/** True when the last plan change was a downgrade. */
	public boolean isDowngraded() {
		return "downgrade".equals(lastPlanChangeDirection);
	}

	void planChanged(Instant at, String to, String direction) {
		plan = to;
		lastPlanChangeAt = at;
		lastPlanChangeDirection = direction;
	}

	void ticketOpened(Instant at, String ticketId) {
		openTickets.add(ticketId == null ? "unnamed" : ticketId);
		if (openTickets.size() > KEPT_OPEN_TICKETS) {
			openTickets.remove(openTickets.iterator().next());
		}
		lastTicketOpenedAt = at;
	}

	void ticketClosed(String ticketId) {
		openTickets.remove(ticketId == null ? "unnamed" : ticketId);
	}

	void cancelRequested(Instant at, String reason) {
		cancelRequestedAt = at;
		cancelReason = reason;
	}

	void feedback(Feedback given) {
		feedback.add(given);
		if (feedback.size() > KEPT_FEEDBACK) {
			feedback.remove(0);
		}
	}

	void activity(Instant at, String metric, double value) {
		if (!activity.containsKey(metric) && activity.size() >= KEPT_METRICS) {
			activity.entrySet().stream()
				.min(Comparator.comparing(e -> e.getValue().isEmpty() ? Instant.MIN
						: e.getValue().get(e.getValue().size() - 1).at()))
				.ifPresent(stalest -> activity.remove(stalest.getKey()));
		}
		List<ActivitySample> samples = activity.computeIfAbsent(metric, m -> new ArrayList<>());
		samples.add(new ActivitySample(at, value));
		if (samples.size() > KEPT_SAMPLES) {
			samples.remove(0);
		}
	}

	@Override
	public String toString() {
		return "Account of " + customerId + " (plan " + plan + ", open tickets " + openTickets.size()
				+ ", last plan change " + lastPlanChangeDirection + ")";
	}
}
