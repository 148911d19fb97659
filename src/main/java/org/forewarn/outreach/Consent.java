package org.forewarn.outreach;

import org.forewarn.customer.Customer;

/** Whether the customer may be reached on a channel; null when allowed, otherwise the reason not. */
final class Consent {

	private Consent() {
	}

	static String refusal(Customer customer, String channel) {
		return switch (channel) {
			case "email" -> !customer.isEmailConsent() ? "no email consent"
					: blank(customer.getEmail()) ? "no email address" : null;
			case "sms" -> !customer.isSmsConsent() ? "no sms consent"
					: blank(customer.getPhone()) ? "no phone number" : null;
			case "task" -> null;
			default -> "unknown channel '" + channel + "'";
		};
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
