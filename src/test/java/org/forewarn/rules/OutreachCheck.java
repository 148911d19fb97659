package org.forewarn.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;

/** Fluent checks on one outreach record; every failure message shows the whole record. */
final class OutreachCheck {

	/** What a recording channel answers: the record-only switch is on in these tests. */
	static final String RECORDED = "recorded, not sent: forewarn.channels.record-only is on";
	static final String TASK_OPENED = "follow-up task opened";

	private final Outreach record;

	private OutreachCheck(Outreach record) {
		this.record = record;
	}

	static OutreachCheck expect(Outreach record) {
		return new OutreachCheck(record);
	}

	/** Decided by {@code rule} about {@code problem} for the order (null for account-wide problems). */
	OutreachCheck decided(String rule, String problem, String orderId) {
		check("rule", record.rule(), rule);
		check("problem", record.problem(), problem);
		check("orderId", record.orderId(), orderId);
		return this;
	}

	OutreachCheck by(String channel, String template) {
		check("channel", record.channel(), channel);
		check("template", record.template(), template);
		return this;
	}

	OutreachCheck decidedAt(Instant at) {
		check("decidedAt", record.decidedAt(), at);
		return this;
	}

	OutreachCheck sendAt(Instant at) {
		check("sendAt", record.sendAt(), at);
		return this;
	}

	/** An email or SMS that went out (to the recorder) at {@code at}. */
	OutreachCheck sent(Instant at) {
		return status(OutreachStatus.SENT, RECORDED).sentAt(at);
	}

	/** A follow-up task opened for a person at {@code at}. */
	OutreachCheck taskOpened(Instant at) {
		return status(OutreachStatus.OPEN, TASK_OPENED).sentAt(at);
	}

	/** Still waiting for its send time. */
	OutreachCheck scheduled() {
		return status(OutreachStatus.SCHEDULED, null).sentAt(null);
	}

	/** Never went out, for the given reason. */
	OutreachCheck cancelled(String reason) {
		return status(OutreachStatus.CANCELLED, reason).sentAt(null);
	}

	OutreachCheck suppressed(String reason) {
		return status(OutreachStatus.SUPPRESSED, reason).sentAt(null);
	}

	OutreachCheck status(OutreachStatus status, String reason) {
		check("status", record.status(), status);
		check("statusReason", record.statusReason(), reason);
		return this;
	}

	OutreachCheck sentAt(Instant at) {
		check("sentAt", record.sentAt(), at);
		return this;
	}

	private void check(String field, Object actual, Object expected) {
		assertThat(actual).as("%s of %s", field, record).isEqualTo(expected);
	}
}
