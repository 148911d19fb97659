package org.forewarn.customer;

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

	void update(String email, String phone, String name, String locale, String timeZone, String region,
			String segment, Boolean emailConsent, Boolean smsConsent) {
		this.email = email != null ? email : this.email;
		this.phone = phone != null ? phone : this.phone;
		this.name = name != null ? name : this.name;
		this.locale = locale != null ? locale : this.locale;
		this.timeZone = timeZone != null ? timeZone : this.timeZone;
		this.region = region != null ? region : this.region;
		this.segment = segment != null ? segment : this.segment;
		this.emailConsent = emailConsent != null ? emailConsent : this.emailConsent;
		this.smsConsent = smsConsent != null ? smsConsent : this.smsConsent;
	}

	@Override
	public String toString() {
		return "Customer " + customerId + " (region " + region + ", email consent " + emailConsent + ", sms consent "
				+ smsConsent + ")";
	}
}
