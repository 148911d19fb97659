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
	static final int KEPT_TICKET_CHANGES = 100;

	private String customerId;
	private String plan;
	private Instant lastPlanChangeAt;
	private String lastPlanChangeDirection;
	private Set<String> openTickets = new LinkedHashSet<>();
	/** The time of the newest open or close heard per ticket: one older arriving late changes nothing. */
	private Map<String, Instant> ticketChangedAt = new LinkedHashMap<>();
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

	/** The newest change stands: an older one arriving late changes nothing. */
	void planChanged(Instant at, String to, String direction) {
		if (EventTimes.older(at, lastPlanChangeAt)) {
			return;
		}
		plan = to;
		lastPlanChangeAt = at;
		lastPlanChangeDirection = direction;
	}

	void ticketOpened(Instant at, String ticketId) {
		lastTicketOpenedAt = EventTimes.newest(lastTicketOpenedAt, at);
		String id = ticketId == null ? "unnamed" : ticketId;
		if (ticketChanged(id, at)) {
			openTickets.add(id);
			if (openTickets.size() > KEPT_OPEN_TICKETS) {
				openTickets.remove(openTickets.iterator().next());
			}
		}
	}

	void ticketClosed(Instant at, String ticketId) {
		String id = ticketId == null ? "unnamed" : ticketId;
		if (ticketChanged(id, at)) {
			openTickets.remove(id);
		}
	}

	/** Notes an open or close of the ticket at {@code at}; false when a newer one is known, which then stands. */
	private boolean ticketChanged(String id, Instant at) {
		if (EventTimes.older(at, ticketChangedAt.get(id))) {
			return false;
		}
		ticketChangedAt.remove(id); // put again: the least recently changed ticket is forgotten first
		ticketChangedAt.put(id, at);
		if (ticketChangedAt.size() > KEPT_TICKET_CHANGES) {
			ticketChangedAt.remove(ticketChangedAt.keySet().iterator().next());
		}
		return true;
	}

	void cancelRequested(Instant at, String reason) {
		if (EventTimes.older(at, cancelRequestedAt)) {
			return;
		}
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
		// in time order, whatever order they arrive in: the last is the latest
		EventTimes.addInTimeOrder(samples, new ActivitySample(at, value), ActivitySample::at, KEPT_SAMPLES);
	}

	@Override
	public String toString() {
		return "Account of " + customerId + " (plan " + plan + ", open tickets " + openTickets.size()
				+ ", last plan change " + lastPlanChangeDirection + ")";
	}
}
