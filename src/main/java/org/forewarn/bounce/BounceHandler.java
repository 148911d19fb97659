package org.forewarn.bounce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.forewarn.channel.ChannelDispatch;
import org.forewarn.channel.StoredMessage;
import org.forewarn.engine.WakeupScheduler;
import org.forewarn.outreach.DeliveryReports;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.privacy.PrivacyRequests;
import org.forewarn.suppression.Addresses;
import org.forewarn.suppression.SuppressionList;
import org.forewarn.suppression.SuppressionSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.forewarn.shared.StoredTime.utc;

/**
 * Applies one report to the email outreach it is about, found by the original Message-ID (the record's provider id)
 * or the VERP return path. A report that matches no email Forewarn sent changes nothing: nobody can suppress an
 * address by mailing a made-up bounce. The address is the one the email went to, never the one the report names:
 * once the sent message is gone (erased, or pruned), the report changes nothing. About a customer erased since, the
 * address is suppressed under its keyed digest, no consent is turned off and no fallback is owed. Hard bounce: the address is suppressed for good (source bounce) and the record
 * FAILED with the status code, so its fallback channel is owed. Soft bounce: counted per address; {@code soft-limit}
 * in a row, each within {@code soft-suppress-for} of the one before, suppress it for {@code soft-suppress-for}; an
 * email counts once, however many delay notices come for it. Complaint: suppressed (source complaint) and the
 * customer's email consent turned off, with the reason. Each report is applied once, by its id, in one transaction
 * with all it changes.
 */
@Component
class BounceHandler {

	static final String BY = "bounce mailbox";

	/** What became of a report. */
	enum Applied {
		APPLIED, ALREADY_APPLIED, UNMATCHED
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final OutreachStore outreach;
	private final DeliveryReports reports;
	private final ChannelDispatch channels;
	private final SuppressionList suppressions;
	private final ConsentWithdrawal consent;
	private final WakeupScheduler scheduler;
	private final BounceSettings settings;
	private final Clock clock;
	private final PrivacyRequests privacy;

	BounceHandler(JdbcClient jdbc, TransactionTemplate transaction, OutreachStore outreach, DeliveryReports reports,
			ChannelDispatch channels, SuppressionList suppressions, ConsentWithdrawal consent,
			WakeupScheduler scheduler, BounceSettings settings, Clock clock, PrivacyRequests privacy) {
		this.privacy = privacy;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.outreach = outreach;
		this.reports = reports;
		this.channels = channels;
		this.suppressions = suppressions;
		this.consent = consent;
		this.scheduler = scheduler;
		this.settings = settings;
		this.clock = clock;
	}

	Applied apply(String reportId, Report report) {
		Instant now = clock.instant();
		Optional<Outreach> sent = match(report);
		// a report about an email to a customer erased since: their address stays refused, unreadable, as the erasure
		// keeps it; their consent went with their profile, and a new profile is not theirs to change
		boolean erased = sent.isPresent() && privacy.erasedSince(sent.get().customerId(), sent.get().decidedAt());
		DeliveryReports.Applied[] failed = new DeliveryReports.Applied[1];
		Applied applied;
		try {
			applied = applyOnce(reportId, report, sent, erased, now, failed);
		}
		catch (DuplicateKeyException e) {
			// another instance reading the same mailbox applied it at the same moment
			return Applied.ALREADY_APPLIED;
		}
		if (applied == Applied.APPLIED && report.kind() == Report.Kind.COMPLAINT && !erased) {
			// the event id makes a report read again after a crash right here no second change
			consent.withdraw("complaint-" + reportId, sent.get().customerId(), Addresses.EMAIL,
					"spam complaint (abuse report) about outreach " + sent.get().id());
		}
		if (failed[0] != null && failed[0].fallbackWakeup() != null) {
			scheduler.schedule(failed[0].fallbackWakeup());
		}
		return applied;
	}

	private Applied applyOnce(String reportId, Report report, Optional<Outreach> sent, boolean erased, Instant now,
			DeliveryReports.Applied[] failed) {
		return transaction.execute(tx -> {
			if (seen(reportId)) {
				return Applied.ALREADY_APPLIED;
			}
			String address = sent.isEmpty() ? null : address(sent.get());
			// a server may send several delay notices for one email before giving up: it counts once; an erased
			// customer's are not counted, as the erasure forgot their counts and would have to keep the address
			boolean counted = address != null && report.kind() == Report.Kind.SOFT
					&& (erased || softCounted(sent.get().id()));
			jdbc.sql("insert into bounce_report (report_id, kind, outreach_id, received_at) values (?, ?, ?, ?)")
				.params(reportId, report.label(), sent.isEmpty() || address == null ? null : sent.get().id(),
						utc(now))
				.update();
			if (address == null) {
				return Applied.UNMATCHED;
			}
			Outreach o = sent.get();
			switch (report.kind()) {
				case HARD -> {
					suppress(erased, address, "hard bounce " + report.status(), SuppressionSource.BOUNCE, null);
					resetSoftBounces(address);
					failed[0] = reports.report(o.delivery().providerId(), "failed", report.status(), now);
				}
				case SOFT -> {
					if (!counted && softBounce(address, now) >= settings.softLimit()) {
						suppressions.add(Addresses.EMAIL, address, settings.softLimit()
								+ " soft bounces in a row, the last " + report.status(), SuppressionSource.BOUNCE,
								settings.softSuppressFor(), BY);
						resetSoftBounces(address);
					}
				}
				case COMPLAINT -> suppress(erased, address, "spam complaint (abuse report)",
						SuppressionSource.COMPLAINT, null);
			}
			return Applied.APPLIED;
		});
	}

	/** An email outreach that went out, by the quoted Message-ID first, else by the return path. */
	private Optional<Outreach> match(Report report) {
		Optional<Outreach> found = Optional.empty();
		if (report.originalMessageId() != null) {
			found = outreach.findByProviderId(report.originalMessageId());
		}
		if (found.isEmpty() && report.returnPathOutreachId() != null) {
			found = outreach.find(report.returnPathOutreachId());
		}
		return found.filter(o -> Addresses.EMAIL.equals(o.channel()) && o.delivery().providerId() != null);
	}

	private void suppress(boolean erased, String address, String reason, SuppressionSource source,
			Duration forHowLong) {
		if (erased) {
			suppressions.addErased(Addresses.EMAIL, address, reason, source, forHowLong, BY);
		}
		else {
			suppressions.add(Addresses.EMAIL, address, reason, source, forHowLong, BY);
		}
	}

	/**
	 * The address the email went to, as kept when it went out; null once that is gone (erased, or pruned after
	 * {@code forewarn.retention.messages}): the address a report names is whatever its writer chose, and anyone who
	 * saw one of the emails can quote its Message-ID.
	 */
	private String address(Outreach o) {
		String address = channels.message(o.id()).map(StoredMessage::recipient).orElse(null);
		try {
			return address == null ? null : Addresses.normalise(Addresses.EMAIL, address);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private boolean softCounted(String outreachId) {
		return jdbc.sql("select count(*) from bounce_report where outreach_id = ? and kind = 'soft'")
			.param(outreachId).query(Integer.class).single() > 0;
	}

	private boolean seen(String reportId) {
		return jdbc.sql("select count(*) from bounce_report where report_id = ?").param(reportId).query(Integer.class)
			.single() > 0;
	}

	/** Counts one more soft bounce in a row; a soft bounce long after the last one starts again at one. */
	private int softBounce(String address, Instant now) {
		Optional<Integer> row = jdbc.sql("select in_a_row from soft_bounce where address = ? and last_at >= ?")
			.params(address, utc(now.minus(settings.softSuppressFor()))).query(Integer.class)
			.optional();
		int count = row.orElse(0) + 1;
		resetSoftBounces(address);
		jdbc.sql("insert into soft_bounce (address, in_a_row, last_at) values (?, ?, ?)")
			.params(address, count, utc(now)).update();
		return count;
	}

	private void resetSoftBounces(String address) {
		jdbc.sql("delete from soft_bounce where address = ?").param(address).update();
	}
}
