package org.forewarn.outreach;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.customer.CustomerState;
import org.forewarn.rules.Wakeup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The next channel for outreach that failed for good, or that the customer refused on a channel when the rule named
 * a fallback: a new record on that channel, linked to the one it stands in for, through the same guardrails. The
 * rule's own channels come first; without them, the configured chain (sms, then email, then a task). None for a
 * customer erased since the record was decided.
 */
@Component
class Fallbacks {

	private final OutreachStore outreach;
	private final OutreachCreator creator;
	private final ChannelDispatch channels;
	private final DeliverySettings settings;
	private final TransactionTemplate transaction;
	private final OutreachMeters meters;
	private final ErasedCustomers erased;

	Fallbacks(OutreachStore outreach, OutreachCreator creator, ChannelDispatch channels, DeliverySettings settings,
			TransactionTemplate transaction, OutreachMeters meters, ErasedCustomers erased) {
		this.meters = meters;
		this.erased = erased;
		this.outreach = outreach;
		this.creator = creator;
		this.channels = channels;
		this.settings = settings;
		this.transaction = transaction;
	}

	/** Creates the fallback record a failed or refused outreach still waits for; false when its chain ends. */
	boolean create(Outreach failed, CustomerState state, Instant now, Consumer<Wakeup> schedule) {
		// a send that failed after the customer was erased (it was under way) ends its chain: nobody is to be reached
		OutreachCreator.Draft draft = erased.erasedSince(failed.customerId(), failed.decidedAt()) ? null
				: draft(failed);
		boolean created = Boolean.TRUE.equals(transaction.execute(tx -> {
			OutreachCreator.Created result = draft == null ? OutreachCreator.Created.NOTHING
					: creator.create(draft, state, now);
			result.wakeups().forEach(schedule);
			outreach.fallbackCreated(failed.id());
			return result.record() != null;
		}));
		meters.fallback(failed.channel(), created ? draft.channel() : null, failed.status());
		return created;
	}

	/** The fallback record for {@code failed}, or null when its chain ends here. */
	private OutreachCreator.Draft draft(Outreach failed) {
		List<String> ruleChain = failed.policy().ruleFallback();
		String next;
		String rest;
		if (ruleChain != null) {
			if (ruleChain.isEmpty()) {
				return null;
			}
			next = ruleChain.get(0).strip();
			rest = SendPolicy.join(ruleChain.subList(1, ruleChain.size()));
		}
		else {
			next = settings.fallback().after(failed.channel());
			rest = null;
		}
		if (next == null || next.equals(failed.channel())) {
			return null;
		}
		String template = settings.templateFor(failed.template(), next, channels::hasTemplate);
		SendPolicy policy = new SendPolicy(failed.policy().notLaterThan(), rest, failed.policy().deferWhenCapped(),
				failed.policy().step(), failed.policy().holdoutPercent());
		String explanation = "Fallback for " + failed.channel() + " outreach " + failed.id() + " ("
				+ failed.status() + ": " + failed.statusReason() + "). " + failed.explanation();
		return new OutreachCreator.Draft("fallback|" + failed.id() + "|" + next, failed.customerId(),
				failed.orderId(), failed.rule(), failed.ruleVersion(), failed.problem(), next, template,
				failed.sendAt(), explanation, failed.id(), policy, false, null, null);
	}
}
