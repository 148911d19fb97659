package org.forewarn.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.forewarn.customer.CustomerStateStore;
import org.forewarn.logging.LogContext;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.suppression.SuppressionList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases one customer's personal data everywhere Forewarn keeps it, in one transaction: waiting outreach is
 * cancelled, event payloads keep their envelope only (the ids stay, so a redelivered event is still a duplicate),
 * rendered messages are deleted, attempt details and explanations dropped, notes and contact details scrubbed from
 * status reasons, and the customer's state deleted, so a later event starts a new, empty profile. What stays: the
 * customer id (not personal data by itself), suppression entries of their addresses under a keyed digest (so a
 * bounced or complaining address stays refused), outreach records with their statuses and times, a tombstone and an
 * audit entry naming who erased it.
 */
class CustomerErasure {

	private static final Logger log = LoggerFactory.getLogger(CustomerErasure.class);
	static final String REASON = "customer data erased";
	private static final List<OutreachStatus> WAITING = List.of(OutreachStatus.SCHEDULED,
			OutreachStatus.PENDING_REVIEW, OutreachStatus.OPEN, OutreachStatus.CLAIMED);

	private final PersonalData personal;
	private final OutreachStore outreach;
	private final SuppressionList suppressions;
	private final PrivacyLog privacyLog;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final CustomerStateStore states;

	CustomerErasure(PersonalData personal, OutreachStore outreach, SuppressionList suppressions,
			PrivacyLog privacyLog, TransactionTemplate transaction, Clock clock, CustomerStateStore states) {
		this.personal = personal;
		this.outreach = outreach;
		this.suppressions = suppressions;
		this.privacyLog = privacyLog;
		this.transaction = transaction;
		this.clock = clock;
		this.states = states;
	}

	/** What an erasure did; null from {@link #erase} when nothing was ever held about the customer. */
	record Erased(String customerId, Instant erasedAt, String erasedBy, int events, int outreach, int cancelled,
			int messages, boolean profile) {
	}

	Erased erase(String customerId, String actor) {
		Erased erased = transaction.execute(tx -> {
			// first the state row: an event of this customer being processed now waits until this commits
			boolean profile = personal.lockState(customerId);
			Instant now = clock.instant();
			List<String> ids = personal.outreachIds(customerId);
			boolean known = profile || !ids.isEmpty() || !privacyLog.tombstones(customerId).isEmpty()
					|| personal.hasEvents(customerId);
			Set<String> contact = personal.contactDetails(customerId);
			int cancelled = 0;
			for (Outreach o : outreach.findByCustomer(customerId)) {
				if (WAITING.contains(o.status())
						&& outreach.transition(o.id(), WAITING, OutreachStatus.CANCELLED, REASON, now, null)) {
					cancelled++;
				}
			}
			personal.stopFallbacks(customerId);
			suppressions.pseudonymise(contact);
			int messages = personal.deleteMessages(ids);
			// counted as what this erasure removed: erasing again says 0, not the same counts as if erased anew
			int pruned = personal.pruneOutreachDetails(ids, contact);
			personal.eraseDetections(customerId, contact);
			int events = personal.eraseEvents(customerId, now);
			if (!known && events == 0) {
				tx.setRollbackOnly();
				return null;
			}
			personal.deleteState(customerId);
			privacyLog.tombstone(customerId, now, actor);
			privacyLog.audit(now, actor, "erase", customerId, events + " events, " + pruned + " outreach ("
					+ cancelled + " cancelled), " + messages + " messages" + (profile ? ", profile" : ""));
			return new Erased(customerId, now, actor, events, pruned, cancelled, messages, profile);
		});
		// their data kept in memory goes too; another instance's copy goes at the customer's next event or eviction
		states.forget(customerId);
		if (erased != null) {
			log.info("Erased the personal data of customer {} for {}: {} events, {} outreach ({} waiting cancelled)",
					LogContext.customerRef(customerId), actor, erased.events(), erased.outreach(), erased.cancelled());
		}
		return erased;
	}
}
