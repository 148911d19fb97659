package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;

/**
 * What the provider reports after it took a message (Twilio status callbacks): SENT becomes DELIVERED, or FAILED
 * with the provider's error code, and then the fallback channel is owed, unless the customer was erased since it was
 * decided. Statuses in between (queued, sent) change nothing.
 */
@Component
public class DeliveryReports {

	static final String FALLBACK_LABEL = "fallback";

	private final OutreachStore outreach;
	private final ErasedCustomers erased;

	DeliveryReports(OutreachStore outreach, ErasedCustomers erased) {
		this.outreach = outreach;
		this.erased = erased;
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
			// a late report about a customer erased since owes them nothing: their erasure called off all outreach
			boolean fallbackOwed = !erased.erasedSince(o.customerId(), o.decidedAt());
			changed = outreach.fail(o.id(), List.of(OutreachStatus.SENT), "provider reports " + state
					+ (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode + ")"), code, now,
					fallbackOwed);
			wakeup = changed && fallbackOwed ? new Wakeup(o.customerId(), now, o.orderId(), FALLBACK_LABEL) : null;
		}
		return new Applied(outreach.find(o.id()), changed, wakeup);
	}
}
