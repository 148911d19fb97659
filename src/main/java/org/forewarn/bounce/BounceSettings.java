package org.forewarn.bounce;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.forewarn.shared.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Bounces, complaints and carrier codes.
 *
 * @param imap the bounce mailbox; off unless {@code imap.host} is set
 * @param returnPathDomain when set, every email's envelope sender is {@code bounces+OUTREACHID@} this domain (VERP);
 * route that domain's mail to the bounce mailbox. Unset: the session's sender, and matching by Message-ID alone
 * @param softLimit soft bounces in a row (each within {@code softSuppressFor} of the last) that suppress an address
 * (default 3)
 * @param softSuppressFor how long soft bounces suppress an address (default P7D)
 * @param smsUnreachableFor how long Twilio 30003 (handset unreachable: off, no signal) suppresses a number (default
 * P7D); the codes of numbers that cannot receive SMS at all suppress for good
 */
@ConfigurationProperties("forewarn.bounces")
public record BounceSettings(@DefaultValue Imap imap, String returnPathDomain, @DefaultValue("3") int softLimit,
		@DefaultValue("P7D") @DurationUnit(ChronoUnit.DAYS) Duration softSuppressFor,
		@DefaultValue("P7D") @DurationUnit(ChronoUnit.DAYS) Duration smsUnreachableFor) {

	/**
	 * @param host IMAP server of the bounce mailbox; empty: the mailbox is not read
	 * @param port IMAP port (default 993)
	 * @param user mailbox user
	 * @param password mailbox password
	 * @param ssl IMAP over TLS (imaps, default true); false: plain IMAP (with STARTTLS when the server offers it)
	 * @param folder folder to read (default INBOX)
	 * @param processedFolder when set, each processed message is moved there; otherwise it stays, flagged
	 * @param interval time between two readings (default PT5M)
	 * @param timeout connect and read timeout (default PT30S)
	 */
	public record Imap(String host, @DefaultValue("993") int port, String user, String password,
			@DefaultValue("true") boolean ssl, @DefaultValue("INBOX") String folder, String processedFolder,
			@DefaultValue("PT5M") Duration interval, @DefaultValue("PT30S") Duration timeout) {

		public Imap {
			SettingChecks.positive("forewarn.bounces.imap.interval", interval);
			SettingChecks.positive("forewarn.bounces.imap.timeout", timeout);
		}

		public boolean configured() {
			return host != null && !host.isBlank();
		}
	}
}
