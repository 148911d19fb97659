package org.forewarn.bounce;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Reports as mail servers and mailbox providers write them: RFC 3464 bounces and RFC 5965 abuse reports. */
final class Reports {

	private Reports() {
	}

	/** A delivery status notification for one recipient, quoting the original's headers (with its Message-ID). */
	static MimeMessage dsn(String reportId, String to, String recipient, String action, String status,
			String originalMessageId) throws Exception {
		return parse("""
				From: Mail Delivery System <MAILER-DAEMON@mx.customers.example>
				To: %s
				Subject: Undelivered Mail Returned to Sender
				Message-ID: <%s@mx.customers.example>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary"

				--dsn-boundary
				Content-Type: text/plain; charset=us-ascii

				This is the mail system. Your message could not be delivered.

				--dsn-boundary
				Content-Type: message/delivery-status

				Reporting-MTA: dns; mx.customers.example
				Arrival-Date: Mon, 2 Mar 2026 14:00:00 +0000

				Final-Recipient: rfc822; %s
				Original-Recipient: rfc822;%s
				Action: %s
				Status: %s
				Diagnostic-Code: smtp; 550 %s mailbox problem

				--dsn-boundary
				Content-Type: text/rfc822-headers

				Message-ID: %s
				From: Forewarn <noreply@forewarn.local>
				To: %s
				Subject: Your order

				--dsn-boundary--
				""".formatted(to, reportId, recipient, recipient, action, status, status, originalMessageId, recipient));
	}

	/** An abuse report (ARF) sent to the VERP return path, quoting the original message without its Message-ID. */
	static MimeMessage complaint(String reportId, String to, String recipient) throws Exception {
		return parse("""
				From: Feedback Loop <fbl@isp.example>
				To: %s
				Subject: Abuse report
				Message-ID: <%s@isp.example>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=feedback-report; boundary="arf-boundary"

				--arf-boundary
				Content-Type: text/plain; charset=us-ascii

				This is an email abuse report for an email message received from IP 192.0.2.1.

				--arf-boundary
				Content-Type: message/feedback-report

				Feedback-Type: abuse
				User-Agent: SomeGenerator/1.0
				Version: 1
				Original-Rcpt-To: <%s>

				--arf-boundary
				Content-Type: message/rfc822

				From: Forewarn <noreply@forewarn.local>
				To: %s
				Subject: Your order

				Your order is late.

				--arf-boundary--
				""".formatted(to, reportId, recipient, recipient));
	}

	/** A multipart/report that lacks its delivery-status part. */
	static MimeMessage broken(String reportId) throws Exception {
		return parse("""
				From: Broken <mailer@broken.example>
				To: bounces@forewarn.test
				Subject: ???
				Message-ID: <%s@broken.example>
				MIME-Version: 1.0
				Content-Type: multipart/report; report-type=delivery-status; boundary="x"

				--x
				Content-Type: text/plain

				nothing here
				--x
				Content-Type: text/plain

				nor here
				--x--
				""".formatted(reportId));
	}

	/** Someone writing to the bounce address by hand. */
	static MimeMessage plain(String reportId) throws Exception {
		return parse("""
				From: A Person <person@elsewhere.example>
				To: bounces@forewarn.test
				Subject: Why do I get these?
				Message-ID: <%s@elsewhere.example>

				Please explain.
				""".formatted(reportId));
	}

	private static MimeMessage parse(String text) throws Exception {
		byte[] raw = text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
	}
}
