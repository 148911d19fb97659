package org.forewarn.outreach;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which customers are held out. A customer's place is an HMAC-SHA256 of the experiment's salt and the customer id,
 * keyed from configuration and read as a number from 0 to 100: the same customer gets the same place on every
 * instance, after every restart and in a replay, and another salt gives everyone a new place. A customer is held out
 * of outreach whose share is above their place, so raising a share only adds customers to the group.
 */
@Component
public class HoldoutGroups {

	private static final Logger log = LoggerFactory.getLogger(HoldoutGroups.class);
	private static final double TWO_TO_64 = 18446744073709551616.0;

	private final HoldoutSettings settings;

	HoldoutGroups(HoldoutSettings settings) {
		this.settings = settings;
	}

	/**
	 * The share held out of one outreach: the rule's own {@code .holdout(n)}, else the setting for its rule, else for
	 * its problem, else {@code forewarn.holdout.percent}; tasks only when {@code forewarn.holdout.tasks}.
	 */
	double percentFor(String rule, String problem, String channel, Double ruleOption) {
		if ("task".equals(channel) && !settings.tasks()) {
			return 0;
		}
		if (ruleOption != null) {
			return ruleOption;
		}
		Double share = settings.rules().get(rule);
		if (share == null) {
			share = settings.problems().get(problem);
		}
		return share != null ? share : settings.percent();
	}

	/** Whether the customer is in the holdout group of outreach holding out {@code percent}. */
	boolean heldOut(String customerId, double percent) {
		if (percent <= 0) {
			return false;
		}
		if (settings.key().isBlank()) {
			log.warn("A rule asks to hold out {}% of customers, but forewarn.holdout.key is empty: nobody is held out",
					percent);
			return false;
		}
		return place(customerId) < percent;
	}

	/** The customer's place, from 0 (inclusive) to 100 (exclusive). */
	public double place(String customerId) {
		return place(settings.key(), settings.salt(), customerId);
	}

	/**
	 * A customer's place in the experiment {@code salt} with {@code key}: held out of outreach whose share is above
	 * it. For tools that build or check data sets outside a running Forewarn.
	 */
	public static double place(String key, String salt, String customerId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] hash = mac.doFinal((salt + '\n' + customerId).getBytes(StandardCharsets.UTF_8));
			long bits = ByteBuffer.wrap(hash).getLong();
			double unsigned = bits >= 0 ? bits : bits + TWO_TO_64;
			return Math.min(100 * unsigned / TWO_TO_64, Math.nextDown(100.0));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
		}
	}

	/** The experiment's name, shown with every held-out record. */
	String salt() {
		return settings.salt();
	}
}
