package org.forewarn.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends email over SMTP through Spring's Jakarta Mail support. Every email carries its unsubscribe link as a
 * {@code List-Unsubscribe} header (one click, RFC 8058) besides the link in the text.
 */
final class EmailSender implements Sender {

	private final JavaMailSender mail;
	private final String from;
	private final String server;

	EmailSender(JavaMailSender mail, String from, String server) {
		this.mail = mail;
		this.from = from;
		this.server = server;
	}

	@Override
	public String channel() {
		return "email";
	}

	@Override
	public String mode() {
		return "SMTP " + server;
	}

	@Override
	public boolean isRecording() {
		return false;
	}

	@Override
	public DeliveryResult send(OutgoingMessage message, RenderedMessage rendered) {
		try {
			MimeMessage mime = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, rendered.html() != null, "UTF-8");
			helper.setFrom(from);
			helper.setTo(message.recipient());
			helper.setSubject(rendered.subject() == null ? "" : rendered.subject());
			if (rendered.html() != null) {
				helper.setText(rendered.text(), rendered.html());
			}
			else {
				helper.setText(rendered.text());
			}
			if (message.unsubscribeUrl() != null) {
				mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
				mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			mail.send(mime);
			return DeliveryResult.sent("accepted by " + server, mime.getMessageID());
		}
		catch (MailException | MessagingException e) {
			return SmtpFailure.classify(server, e);
		}
	}
}
