package org.forewarn.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.DeliveryResult;
import org.forewarn.channel.OutgoingMessage;
import org.forewarn.channel.StoredMessage;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.forewarn.outreach.OutreachStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalation of follow-up tasks nobody claimed in time: such a task is flagged in the API and counted; when
 * {@code forewarn.followups.escalation-email} is set, the lead gets one email per task through the email channel
 * (template {@code followup_escalation}). Each escalation is claimed before the email is handed over, so a task is
 * emailed at most once; one that certainly did not go out (the SMTP server unreachable) is tried at the next check.
 */
class FollowupEscalation implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(FollowupEscalation.class);
	static final String TEMPLATE = "followup_escalation";
	/** The most tasks one check emails about: a backlog goes out over the next checks, not in one burst. */
	private static final int BATCH = 100;

	private final OutreachStore outreach;
	private final ChannelDispatch channels;
	private final String leadAddress;
	private final Clock clock;

	FollowupEscalation(OutreachStore outreach, ChannelDispatch channels, String leadAddress, Clock clock) {
		this.outreach = outreach;
		this.channels = channels;
		this.leadAddress = leadAddress;
		this.clock = clock;
	}

	/** Open (nobody claimed it) and past its due time. */
	static boolean escalated(Outreach task, Instant now) {
		return task.status() == OutreachStatus.OPEN && task.dueAt() != null && task.dueAt().isBefore(now);
	}

	@Override
	public void run() {
		try {
			Instant now = clock.instant();
			for (Outreach task : outreach.overdueNotEscalated(now, BATCH)) {
				if (outreach.claimEscalation(task.id(), now)) {
					email(task, now);
				}
			}
		}
		catch (RuntimeException e) {
			// the next check tries again; a scheduled task that throws would not be rescheduled by some executors
			log.warn("Follow-up escalation check failed: {}", e.toString());
		}
	}

	private void email(Outreach task, Instant now) {
		Map<String, Object> values = new HashMap<>();
		StoredMessage note = channels.message(task.id()).orElse(null);
		values.put("taskId", task.id());
		values.put("title", note == null || note.subject() == null ? task.problem() : note.subject());
		values.put("problem", task.problem());
		values.put("rule", task.rule());
		values.put("customerId", task.customerId());
		values.put("orderId", task.orderId() == null ? "" : task.orderId());
		values.put("dueAt", task.dueAt().atZone(ZoneOffset.UTC));
		values.put("overdue", Duration.between(task.dueAt(), now).toMinutes() + " minutes");
		// its own id: the copy of what was sent must not replace the task's own text
		OutgoingMessage mail = new OutgoingMessage(task.id() + "-escalation", "email", TEMPLATE, leadAddress,
				Locale.ENGLISH, values);
		DeliveryResult result = channels.deliver(mail, now);
		if (result.outcome() == DeliveryResult.Outcome.RETRY) {
			outreach.releaseEscalation(task.id());
		}
		log.info("Follow-up {} ({}) past due since {}: escalation email {}", task.id(), task.problem(), task.dueAt(),
				result.outcome().name().toLowerCase(Locale.ROOT));
	}
}
