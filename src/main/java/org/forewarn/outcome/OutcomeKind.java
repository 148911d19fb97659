package org.forewarn.outcome;

/** What a customer did afterwards that outreach is meant to prevent. */
public enum OutcomeKind {
	/** {@code account.feedback} at or below the complaint threshold of its scale. */
	COMPLAINT("complaint"),
	/** {@code order.cancelled}. */
	ORDER_CANCELLED("order cancelled"),
	/** {@code account.cancel_requested}. */
	CANCEL_REQUESTED("cancellation requested"),
	/** {@code account.plan_changed} with direction {@code downgrade}. */
	DOWNGRADE("downgrade"),
	/** {@code account.ticket_opened}. */
	TICKET_OPENED("support ticket opened");

	private final String label;

	OutcomeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
