package org.forewarn.customer;

import java.time.Instant;
import java.time.ZoneId;

/** The customer's profile and consent, as last told by {@code customer.updated}. A rule fact. */
public class Customer {

	private String customerId;
	private String email;
	private String phone;
	private String name;
	private String locale;
	private String timeZone;
	private String region;
	private String segment;
	private boolean emailConsent;
	private boolean smsConsent;
	/** When each consent was last given or withdrawn, by event time: an older copy never undoes a newer choice. */
	private Instant emailConsentAt;
	private Instant smsConsentAt;

	Customer() {
	}

	Customer(String customerId) {
		this.customerId = customerId;
	}

	public String getCustomerId() { return customerId; }
	public String getEmail() { return email; }
	public String getPhone() { return phone; }
	public String getName() { return name; }
	public String getLocale() { return locale; }
	public String getTimeZone() { return timeZone; }
	public String getRegion() { return region; }
	public String getSegment() { return segment; }
	public boolean isEmailConsent() { return emailConsent; }
	public boolean isSmsConsent() { return smsConsent; }

	/** The customer's zone, UTC when unknown or invalid. */
	public ZoneId zone() {
		try {
			return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
		}
		catch (RuntimeException e) {
			return ZoneId.of("UTC");
		}
	}

	/**
	 * What a {@code customer.updated} of time {@code at} says; a consent it carries counts only when it is not older
	 * than the last one (an update sent again after an opt-out must not switch consent back on).
	 */
	void update(String email, String phone, String name, String locale, String timeZone, String region,
			String segment, Boolean emailConsent, Boolean smsConsent, Instant at) {
		this.email = email != null ? email : this.email;
		this.phone = phone != null ? phone : this.phone;
		this.name = name != null ? name : this.name;
		this.locale = locale != null ? locale : this.locale;
		this.timeZone = timeZone != null ? timeZone : this.timeZone;
		this.region = region != null ? region : this.region;
		this.segment = segment != null ? segment : this.segment;
		if (emailConsent != null && (emailConsentAt == null || !at.isBefore(emailConsentAt))) {
			this.emailConsent = emailConsent;
			this.emailConsentAt = at;
		}
		if (smsConsent != null && (smsConsentAt == null || !at.isBefore(smsConsentAt))) {
			this.smsConsent = smsConsent;
			this.smsConsentAt = at;
		}
	}

	@Override
	public String toString() {
		return "Customer " + customerId + " (region " + region + ", email consent " + emailConsent + ", sms consent "
				+ smsConsent + ")";
	}
}
