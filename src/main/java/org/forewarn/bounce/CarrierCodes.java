package org.forewarn.bounce;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.forewarn.channel.RecipientRefused;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.privacy.PrivacyRequests;
import org.forewarn.suppression.Addresses;
import org.forewarn.suppression.SuppressionList;
import org.forewarn.suppression.SuppressionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Twilio's error codes say about a number, heard at send time (the API's refusal) and from status callbacks
 * (ErrorCode). 21610, the recipient opted out at the carrier (texted STOP): SMS consent off and the number suppressed
 * (carrier_opt_out; texting START lifts it). Numbers that cannot receive SMS at all are suppressed for good
 * (carrier_unreachable): 21211 invalid number, 21614 not a mobile number, 21635 landline, 30005 unknown number,
 * 30006 landline or unreachable carrier. 30003, a handset that is off or out of coverage, suppresses the number only
 * for {@code forewarn.bounces.sms-unreachable-for}. Other codes change nothing here. A report about a message to a
 * customer erased since suppresses the number under its keyed digest, as the erasure keeps their addresses.
 */
@Component
public class CarrierCodes {

	private static final Logger log = LoggerFactory.getLogger(CarrierCodes.class);

	static final String OPTED_OUT = "21610";
	static final String UNREACHABLE_FOR_NOW = "30003";
	/** Codes meaning the number cannot receive SMS, with Twilio's name for each. */
	static final Map<String, String> UNREACHABLE = Map.of("21211", "invalid 'To' number", "21614",
			"not a mobile number", "21635", "landline", "30005", "unknown destination handset", "30006",
			"landline or unreachable carrier", UNREACHABLE_FOR_NOW, "destination handset unreachable");

	private final SuppressionList suppressions;
	private final ConsentWithdrawal consent;
	private final OutreachStore outreach;
	private final CustomerStateStore customers;
	private final BounceSettings settings;
	private final PrivacyRequests privacy;

	CarrierCodes(SuppressionList suppressions, ConsentWithdrawal consent, OutreachStore outreach,
			CustomerStateStore customers, BounceSettings settings, PrivacyRequests privacy) {
		this.privacy = privacy;
		this.suppressions = suppressions;
		this.consent = consent;
		this.outreach = outreach;
		this.customers = customers;
		this.settings = settings;
	}

	/** A send Twilio refused at once. */
	@EventListener
	void refusedAtSend(RecipientRefused refused) {
		if (Addresses.SMS.equals(refused.channel())) {
			reported(refused.outreachId(), refused.recipient(), refused.code());
		}
	}

	/**
	 * An SMS outreach's error code from Twilio; {@code number} is the number it went to (null: the customer's
	 * current one). True when the code changed something.
	 */
	public boolean reported(String outreachId, String number, String code) {
		String key = code == null ? "" : code.strip();
		if (!OPTED_OUT.equals(key) && !UNREACHABLE.containsKey(key)) {
			return false;
		}
		Optional<Outreach> record = outreach.find(outreachId);
		if (record.isEmpty()) {
			return false;
		}
		String customerId = record.get().customerId();
		Instant sent = record.get().sentAt() != null ? record.get().sentAt() : record.get().decidedAt();
		// a late report about a message to a customer erased since: their number stays refused, unreadable, as the
		// erasure keeps it; their consent went with their profile, and a new profile is not theirs to change
		boolean erased = privacy.erasedSince(customerId, sent);
		if (erased && (number == null || number.isBlank())) {
			log.info("Outreach {}: Twilio {} without the number, for a customer erased since; nothing to suppress",
					outreachId, key);
			return false;
		}
		String to = number != null && !number.isBlank() ? number : customers.load(customerId).customer().getPhone();
		try {
			if (OPTED_OUT.equals(key)) {
				suppress(erased, to, "opted out at the carrier (Twilio 21610)", SuppressionSource.CARRIER_OPT_OUT,
						null);
				if (!erased) {
					consent.withdraw("carrier-" + key + "-" + outreachId, customerId, Addresses.SMS,
							"opted out at the carrier (Twilio 21610)");
				}
			}
			else {
				Duration forHowLong = UNREACHABLE_FOR_NOW.equals(key) ? settings.smsUnreachableFor() : null;
				suppress(erased, to, UNREACHABLE.get(key) + " (Twilio " + key + ")",
						SuppressionSource.CARRIER_UNREACHABLE, forHowLong);
			}
			return true;
		}
		catch (IllegalArgumentException e) {
			// a number Twilio called invalid may not be one we can write down either; its outreach failed already
			log.info("Outreach {}: Twilio {} for a number that is not E.164; nothing to suppress", outreachId, key);
			return false;
		}
	}

	private void suppress(boolean erased, String number, String reason, SuppressionSource source,
			Duration forHowLong) {
		if (erased) {
			suppressions.addErased(Addresses.SMS, number, reason, source, forHowLong, "twilio");
		}
		else {
			suppressions.add(Addresses.SMS, number, reason, source, forHowLong, "twilio");
		}
	}
}
