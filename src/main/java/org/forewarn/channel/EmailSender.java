package org.forewarn.channel;

import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.util.MailStreamProvider;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends email over SMTP with the session, server and credentials Spring Boot configured ({@code spring.mail.*}).
 * The message is built and a connection taken (a kept one, or a new one) before the send is claimed; the hand-over
 * after the claim is MAIL FROM to the end of the message. Every email carries its unsubscribe link as a
 * {@code List-Unsubscribe} header (one click, RFC 8058) besides the link in the text. Every email gets a Message-ID of
 * its own that names its outreach ({@code <OUTREACHID.RANDOM@DOMAIN>}), kept as the record's provider id, so a bounce
 * that quotes it finds the record; with a return-path domain set, the envelope sender is
 * {@code bounces+OUTREACHID@DOMAIN} (VERP), so even a bounce that quotes nothing comes back to an address that names
 * the record.
 */
final class EmailSender implements Sender {

	static {
		// Jakarta Mail 2.1 looks its stream provider up with a new ServiceLoader for each header and body part it
		// encodes (jakartaee/mail-api#861), a scan of every jar; named here, it is one class lookup. A name set by the
		// operator stands.
		if (System.getProperty(StreamProvider.class.getName()) == null) {
			System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
		}
	}

	private final JavaMailSenderImpl mail;
	private final String from;
	private final String server;
	/** Envelope senders {@code bounces+ID@returnPathDomain}; null: the session's (spring.mail.properties). */
	private final String returnPathDomain;
	private final String messageIdDomain;
	private final SecureRandom random = new SecureRandom();
	private final SmtpConnections connections;

	EmailSender(JavaMailSenderImpl mail, String from, String server, String returnPathDomain,
			SmtpConnections connections) {
		this.mail = mail;
		this.connections = connections;
		this.from = from;
		this.server = server;
		this.returnPathDomain = returnPathDomain == null || returnPathDomain.isBlank() ? null
				: returnPathDomain.strip();
		this.messageIdDomain = this.returnPathDomain != null ? this.returnPathDomain : domainOf(from);
	}

	/** The envelope sender that names the outreach (VERP), for the bounce mailbox to read back. */
	static String returnPath(String outreachId, String domain) {
		return "bounces+" + outreachId + "@" + domain;
	}

	private static String domainOf(String address) {
		try {
			String plain = new InternetAddress(address).getAddress();
			int at = plain == null ? -1 : plain.lastIndexOf('@');
			return at < 0 ? "forewarn.invalid" : plain.substring(at + 1);
		}
		catch (AddressException e) {
			return "forewarn.invalid";
		}
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
	public Handover prepare(OutgoingMessage message, RenderedMessage rendered) throws Unsendable {
		MimeMessage mime;
		String messageId;
		try {
			mime = build(message, rendered);
			messageId = mime.getMessageID();
		}
		catch (MessagingException e) {
			throw new Unsendable(DeliveryResult.failed("the email cannot be built: " + e.getMessage(),
					e instanceof AddressException ? "address" : "message"));
		}
		StagedSmtpTransport transport;
		try {
			transport = connections.take();
		}
		catch (MessagingException e) {
			throw new Unsendable(SmtpFailure.classify(server, e, false));
		}
		return new Handover() {

			/** False from the send's start until it went out: a connection that failed mid-way is not kept. */
			private boolean clean = true;

			@Override
			public DeliveryResult send() {
				clean = false;
				try {
					transport.sendMessage(mime, mime.getAllRecipients());
					clean = true;
					return DeliveryResult.sent("accepted by " + server, messageId);
				}
				catch (MessagingException e) {
					return SmtpFailure.classify(server, e, transport.messageStarted());
				}
			}

			@Override
			public void close() {
				if (clean) {
					connections.giveBack(transport);
				}
				else {
					connections.discard(transport);
				}
			}
		};
	}

	@Override
	public void close() {
		connections.close();
	}

	private MimeMessage build(OutgoingMessage message, RenderedMessage rendered) throws MessagingException {
		MimeMessage mime;
		if (returnPathDomain != null) {
			SMTPMessage smtp = new SMTPMessage(mail.getSession());
			smtp.setEnvelopeFrom(returnPath(message.outreachId(), returnPathDomain));
			mime = smtp;
		}
		else {
			mime = mail.createMimeMessage();
		}
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
		mime.setSentDate(new Date());
		// encodes the parts now, not between the claim and the send; then our own Message-ID replaces the default
		mime.saveChanges();
		mime.setHeader("Message-ID", "<" + message.outreachId() + "." + hex() + "@" + messageIdDomain + ">");
		return mime;
	}

	private String hex() {
		byte[] bytes = new byte[8];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
