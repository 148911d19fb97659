package org.forewarn.outreach;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.DeliveryResult;
import org.forewarn.channel.OutgoingMessage;
import org.forewarn.customer.Customer;
import org.forewarn.customer.CustomerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a customer's outreach whose time has come. Consent is checked again at the last moment; the record moves
 * forward only, so a send that already happened is never repeated.
 */
@Component
public class OutreachDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutreachDispatcher.class);

	private final OutreachStore outreach;
	private final ChannelDispatch channels;
	private final MessageVariables variables;
	private final Clock clock;

	OutreachDispatcher(OutreachStore outreach, ChannelDispatch channels, MessageVariables variables, Clock clock) {
		this.outreach = outreach;
		this.channels = channels;
		this.variables = variables;
		this.clock = clock;
	}

	/**
	 * Sends what is due for this customer; returns how many went out. "Now" is the clock, or the trigger's time when
	 * that is later (an event stamped slightly ahead of this machine's clock must not strand what it made due).
	 */
	public int dispatchDue(CustomerState state, Instant triggerTime) {
		Instant now = triggerTime.isAfter(clock.instant()) ? triggerTime : clock.instant();
		List<Outreach> due = outreach.findDue(state.customerId(), now);
		int sent = 0;
		for (Outreach o : due) {
			if (dispatch(o, state, now)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean dispatch(Outreach o, CustomerState state, Instant now) {
		Customer customer = state.customer();
		String refusal = Consent.refusal(customer, o.channel());
		if (refusal != null) {
			outreach.transition(o.id(), Set.of(OutreachStatus.SCHEDULED), OutreachStatus.SUPPRESSED, refusal, now, null);
			return false;
		}
		String recipient = switch (o.channel()) {
			case "email" -> customer.getEmail();
			case "sms" -> customer.getPhone();
			default -> null;
		};
		OutgoingMessage message = new OutgoingMessage(o.id(), o.channel(), o.template(), recipient,
				variables.locale(customer), variables.of(o, state));
		DeliveryResult result = channels.deliver(message, now);
		OutreachStatus next = switch (result.outcome()) {
			case SENT -> OutreachStatus.SENT;
			case TASK_OPENED -> OutreachStatus.OPEN;
			case FAILED -> OutreachStatus.FAILED;
		};
		boolean moved = outreach.transition(o.id(), Set.of(OutreachStatus.SCHEDULED), next, result.reason(), now,
				next == OutreachStatus.FAILED ? null : now);
		log.debug("Outreach {} ({} {} for order {}) -> {}", o.id(), o.problem(), o.channel(), o.orderId(), next);
		return moved && next != OutreachStatus.FAILED;
	}
}
