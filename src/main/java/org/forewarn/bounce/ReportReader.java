package org.forewarn.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads a message from the bounce mailbox as a delivery status notification (RFC 3464: {@code multipart/report;
 * report-type=delivery-status}) or an abuse report (RFC 5965: {@code report-type=feedback-report}). Both carry their
 * fields as header blocks ({@link InternetHeaders}) and the original message, or its headers, as the last part, where
 * its Message-ID is. Anything else is not a report: {@link NotAReport} says why, in words without addresses.
 */
final class ReportReader {

	/** The VERP return path {@code bounces+OUTREACHID@domain}, as the report's own recipient headers show it. */
	private static final Pattern RETURN_PATH = Pattern.compile("bounces\\+([0-9A-Za-z]{1,64})@",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern STATUS = Pattern.compile("([245])\\.\\d{1,3}\\.\\d{1,3}");
	private static final String[] ENVELOPE_HEADERS = { "Delivered-To", "X-Original-To", "Envelope-To",
			"X-Envelope-To", "To" };
	/** No report has more parts than this; a message that does is not read further. */
	private static final int MAX_PARTS = 20;
	private static final int MAX_RECIPIENT_BLOCKS = 100;

	static final class NotAReport extends Exception {

		NotAReport(String why) {
			super(why);
		}
	}

	private ReportReader() {
	}

	/** The report, or null for a delivery notice that reports no failure (delivered, relayed, expanded). */
	static Report read(MimeMessage message) throws NotAReport, MessagingException, IOException {
		if (!message.isMimeType("multipart/report")) {
			throw new NotAReport("not a multipart/report (" + baseType(message) + ")");
		}
		String reportType = new ContentType(message.getContentType()).getParameter("report-type");
		if (!(message.getContent() instanceof Multipart parts) || parts.getCount() < 2) {
			throw new NotAReport("a multipart/report without its parts");
		}
		if (parts.getCount() > MAX_PARTS) {
			throw new NotAReport("a multipart/report of " + parts.getCount() + " parts");
		}
		String returnPathId = returnPathId(message);
		String type = reportType == null ? "" : reportType.toLowerCase(Locale.ROOT);
		return switch (type) {
			case "delivery-status" -> deliveryStatus(parts, returnPathId);
			case "feedback-report" -> feedback(parts, returnPathId);
			default -> throw new NotAReport("report-type '" + clip(reportType) + "' is neither delivery-status nor "
					+ "feedback-report");
		};
	}

	private static Report deliveryStatus(Multipart parts, String returnPathId)
			throws NotAReport, MessagingException, IOException {
		BodyPart status = part(parts, "message/delivery-status", "message/global-delivery-status");
		if (status == null) {
			throw new NotAReport("a delivery-status report without its message/delivery-status part");
		}
		List<InternetHeaders> recipients = new ArrayList<>();
		try (InputStream in = status.getInputStream()) {
			new InternetHeaders(in); // the per-message fields (Reporting-MTA, ...), not needed here
			for (int i = 0; i < MAX_RECIPIENT_BLOCKS; i++) {
				InternetHeaders block = new InternetHeaders(in);
				if (!block.getAllHeaders().hasMoreElements()) {
					break;
				}
				recipients.add(block);
			}
		}
		if (recipients.isEmpty()) {
			throw new NotAReport("a delivery-status part without a recipient");
		}
		for (InternetHeaders block : recipients) {
			String action = field(block, "Action");
			String code = statusCode(field(block, "Status"));
			boolean failed = "failed".equalsIgnoreCase(action);
			boolean delayed = "delayed".equalsIgnoreCase(action);
			if (!failed && !delayed) {
				continue;
			}
			if (failed && code == null) {
				throw new NotAReport("Action failed without a Status code (x.y.z)");
			}
			Report.Kind kind = failed && code.startsWith("5") ? Report.Kind.HARD : Report.Kind.SOFT;
			String recipient = address(field(block, "Final-Recipient"));
			if (recipient == null) {
				recipient = address(field(block, "Original-Recipient"));
			}
			return new Report(kind, recipient, code == null ? "delayed" : code, originalMessageId(parts),
					returnPathId);
		}
		return null;
	}

	private static Report feedback(Multipart parts, String returnPathId)
			throws NotAReport, MessagingException, IOException {
		BodyPart feedback = part(parts, "message/feedback-report");
		if (feedback == null) {
			throw new NotAReport("a feedback-report without its message/feedback-report part");
		}
		InternetHeaders fields;
		try (InputStream in = feedback.getInputStream()) {
			fields = new InternetHeaders(in);
		}
		String type = field(fields, "Feedback-Type");
		if (type == null) {
			throw new NotAReport("a feedback report without Feedback-Type");
		}
		if (!"abuse".equalsIgnoreCase(type.strip())) {
			// not-spam, virus, fraud, auth-failure, other: no complaint by the recipient
			return null;
		}
		String recipient = address(field(fields, "Original-Rcpt-To"));
		InternetHeaders original = originalHeaders(parts);
		if (recipient == null && original != null) {
			recipient = address(original.getHeader("To", ","));
		}
		return new Report(Report.Kind.COMPLAINT, recipient, "abuse", messageId(original), returnPathId);
	}

	private static String originalMessageId(Multipart parts) throws MessagingException, IOException {
		return messageId(originalHeaders(parts));
	}

	/** The headers of the original message: a message/rfc822 part, or text/rfc822-headers. */
	private static InternetHeaders originalHeaders(Multipart parts) throws MessagingException, IOException {
		BodyPart original = part(parts, "message/rfc822", "text/rfc822-headers", "message/global",
				"message/global-headers");
		if (original == null) {
			return null;
		}
		try (InputStream in = original.getInputStream()) {
			return new InternetHeaders(in);
		}
	}

	private static String messageId(InternetHeaders headers) {
		if (headers == null) {
			return null;
		}
		String id = headers.getHeader("Message-ID", null);
		return id == null ? null : id.strip();
	}

	private static BodyPart part(Multipart parts, String... types) throws MessagingException {
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			for (String type : types) {
				if (part.isMimeType(type)) {
					return part;
				}
			}
		}
		return null;
	}

	private static String returnPathId(Part message) throws MessagingException {
		for (String header : ENVELOPE_HEADERS) {
			String[] values = message.getHeader(header);
			for (String value : values == null ? new String[0] : values) {
				Matcher m = RETURN_PATH.matcher(value);
				if (m.find()) {
					return m.group(1).toLowerCase(Locale.ROOT);
				}
			}
		}
		return null;
	}

	private static String field(InternetHeaders headers, String name) {
		String value = headers.getHeader(name, null);
		return value == null ? null : value.strip();
	}

	private static String statusCode(String status) {
		if (status == null) {
			return null;
		}
		Matcher m = STATUS.matcher(status);
		return m.find() ? m.group() : null;
	}

	/** {@code rfc822; name@example.com} (or a bare address, or one in angle brackets) to the address. */
	private static String address(String field) {
		if (field == null) {
			return null;
		}
		String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
		value = value.strip();
		if (value.startsWith("<") && value.endsWith(">")) {
			value = value.substring(1, value.length() - 1).strip();
		}
		return value.contains("@") ? value : null;
	}

	private static String baseType(Part message) throws MessagingException {
		try {
			return new ContentType(message.getContentType()).getBaseType();
		}
		catch (MessagingException | RuntimeException e) {
			return "unreadable content type";
		}
	}

	private static String clip(String value) {
		return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
	}
}
