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
 * The message is built and the connection opened before the send is claimed; the hand-over after the claim is
 * MAIL FROM to the end of the message. Every email carries its unsubscribe link as a {@code List-Unsubscribe} header
 * (one click, RFC 8058) besides the link in the text. Every email gets a Message-ID of its own that names its outreach
 * ({@code <OUTREACHID.RANDOM@DOMAIN>}), kept as the record's provider id, so a bounce that quotes it finds the record;
 * with a return-path domain set, the envelope sender is {@code bounces+OUTREACHID@DOMAIN} (VERP), so even a bounce
 * that quotes nothing comes back to an address that names the record.
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
	private final String protocol;
	private final String from;
	private final String server;
	/** Envelope senders {@code bounces+ID@returnPathDomain}; null: the session's (spring.mail.properties). */
	private final String returnPathDomain;
	private final String messageIdDomain;
	private final SecureRandom random = new SecureRandom();

	EmailSender(JavaMailSenderImpl mail, String protocol, String from, String server, String returnPathDomain) {
		this.mail = mail;
		this.protocol = protocol;
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
		StagedSmtpTransport transport = new StagedSmtpTransport(mail.getSession(), protocol);
		try {
			// like JavaMailSenderImpl: an empty user name means no authentication
			String user = "".equals(mail.getUsername()) ? null : mail.getUsername();
			String password = user == null && "".equals(mail.getPassword()) ? null : mail.getPassword();
			transport.connect(mail.getHost(), mail.getPort(), user, password);
		}
		catch (MessagingException e) {
			close(transport);
			throw new Unsendable(SmtpFailure.classify(server, e, false));
		}
		return new Handover() {

			@Override
			public DeliveryResult send() {
				try {
					transport.sendMessage(mime, mime.getAllRecipients());
					return DeliveryResult.sent("accepted by " + server, messageId);
				}
				catch (MessagingException e) {
					return SmtpFailure.classify(server, e, transport.messageStarted());
				}
			}

			@Override
			public void close() {
				EmailSender.close(transport);
			}
		};
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

	private static void close(StagedSmtpTransport transport) {
		try {
			transport.close();
		}
		catch (MessagingException e) {
			// the outcome is known already; a failed QUIT changes nothing
		}
	}
}
