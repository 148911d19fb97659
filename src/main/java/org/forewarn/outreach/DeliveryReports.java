package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;

/**
 * What the provider reports after it took a message (Twilio status callbacks): SENT becomes DELIVERED, or FAILED
 * with the provider's error code, and then the fallback channel is owed. Statuses in between (queued, sent) change
 * nothing.
 */
@Component
public class DeliveryReports {

	static final String FALLBACK_LABEL = "fallback";

	private final OutreachStore outreach;

	DeliveryReports(OutreachStore outreach) {
		this.outreach = outreach;
	}

	/** The outcome of a report: the record (empty when unknown) and a wakeup when its fallback is owed. */
	public record Applied(Optional<Outreach> outreach, boolean changed, Wakeup fallbackWakeup) {
	}

	public Applied report(String providerId, String status, String errorCode, Instant now) {
		Optional<Outreach> found = outreach.findByProviderId(providerId);
		if (found.isEmpty()) {
			return new Applied(found, false, null);
		}
		Outreach o = found.get();
		String state = status == null ? "" : status.strip().toLowerCase();
		boolean changed = false;
		Wakeup wakeup = null;
		if (state.equals("delivered")) {
			changed = outreach.transition(o.id(), List.of(OutreachStatus.SENT), OutreachStatus.DELIVERED,
					"delivered (provider report)", now, null);
		}
		else if (state.equals("failed") || state.equals("undelivered")) {
			String code = errorCode == null || errorCode.isBlank() ? state : errorCode;
			changed = outreach.fail(o.id(), List.of(OutreachStatus.SENT), "provider reports " + state
					+ (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode + ")"), code, now, true);
			wakeup = changed ? new Wakeup(o.customerId(), now, o.orderId(), FALLBACK_LABEL) : null;
		}
		return new Applied(outreach.find(o.id()), changed, wakeup);
	}
}
