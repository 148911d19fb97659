package org.forewarn.channel;

import java.io.OutputStream;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport (smtp or smtps), noting when the message itself began to go out: the server accepted
 * DATA (or BDAT began). A failure before that sent nothing; after it, only the server's answer to the end of the
 * message says whether it took it. Overriding {@code data()} is the extension point SMTPTransport documents.
 */
final class StagedSmtpTransport extends SMTPTransport {

	private volatile boolean messageStarted;
	private volatile boolean givenUp;

	StagedSmtpTransport(Session session, String protocol) {
		super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
	}

	/** Sends one message; a kept connection starts each message with nothing sent yet. */
	@Override
	public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
		messageStarted = false;
		super.sendMessage(message, addresses);
	}

	@Override
	protected OutputStream data() throws MessagingException {
		OutputStream data = super.data();
		messageStarted = true;
		return data;
	}

	@Override
	protected OutputStream bdat() throws MessagingException {
		// BDAT sends message data with the command itself
		messageStarted = true;
		return super.bdat();
	}

	/** Marks the connection as not to be used again: a send failed on it. */
	void giveUp() {
		givenUp = true;
	}

	boolean givenUp() {
		return givenUp;
	}

	/** True once the server may have received the message (DATA accepted, or BDAT begun). */
	boolean messageStarted() {
		return messageStarted;
	}
}
