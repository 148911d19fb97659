package org.forewarn.customer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

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
	/** When each profile field (email, phone, ...) was last set, by event time, for the same reason. */
	private Map<String, Instant> profileSetAt = new HashMap<>();

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
	 * What a {@code customer.updated} of time {@code at} says; a field or consent it carries counts only when it is
	 * not older than the last one set (an update sent again after an opt-out must not switch consent back on, nor one
	 * delayed in a queue bring back the old address). An {@code optOut} (the customer's STOP, unsubscribe or
	 * complaint, stamped when heard) turns consent off even when the consent it overrides carries a later time (up
	 * to the clock skew intake allows); that later time stays, so no older update switches consent back on.
	 */
	void update(String email, String phone, String name, String locale, String timeZone, String region,
			String segment, Boolean emailConsent, Boolean smsConsent, Instant at, boolean optOut) {
		this.email = newest("email", this.email, email, at);
		this.phone = newest("phone", this.phone, phone, at);
		this.name = newest("name", this.name, name, at);
		this.locale = newest("locale", this.locale, locale, at);
		this.timeZone = newest("timeZone", this.timeZone, timeZone, at);
		this.region = newest("region", this.region, region, at);
		this.segment = newest("segment", this.segment, segment, at);
		if (emailConsent != null && (emailConsentAt == null || !at.isBefore(emailConsentAt))) {
			this.emailConsent = emailConsent;
			this.emailConsentAt = at;
		}
		else if (optOut && Boolean.FALSE.equals(emailConsent)) {
			this.emailConsent = false;
		}
		if (smsConsent != null && (smsConsentAt == null || !at.isBefore(smsConsentAt))) {
			this.smsConsent = smsConsent;
			this.smsConsentAt = at;
		}
		else if (optOut && Boolean.FALSE.equals(smsConsent)) {
			this.smsConsent = false;
		}
	}

	private String newest(String field, String current, String told, Instant at) {
		if (told == null) {
			return current;
		}
		if (EventTimes.older(at, profileSetAt.get(field))) {
			return current;
		}
		profileSetAt.put(field, at);
		return told;
	}

	@Override
	public String toString() {
		return "Customer " + customerId + " (region " + region + ", email consent " + emailConsent + ", sms consent "
				+ smsConsent + ")";
	}
}
