package org.forewarn.channel;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sorts an SMTP failure by whether the server may have the message. Before the message data began (connecting, the
 * greeting, MAIL FROM, RCPT TO, DATA) nothing was sent: a 5xx reply is final, a 4xx reply, an unreachable or silent
 * server is worth a retry. Once the data began, only the server's reply to the end of the message is a sure
 * answer (RFC 5321: the server takes the message only with its 2xx to the final "."); without one (a timeout, a
 * lost connection) the message may have been taken, and it is {@code UNCERTAIN}. The reply code becomes the code.
 */
final class SmtpFailure {

	private SmtpFailure() {
	}

	/** {@code messageStarted}: the server had accepted DATA (or BDAT had begun) when it failed. */
	static DeliveryResult classify(String server, Exception failure, boolean messageStarted) {
		int reply = 0;
		String command = null;
		boolean badAddress = false;
		boolean unreachable = false;
		for (Throwable t : causes(failure)) {
			if (reply == 0 && replyCode(t) != 0) {
				reply = replyCode(t);
				command = command(t);
			}
			badAddress |= t instanceof AddressException;
			unreachable |= t instanceof ConnectException || t instanceof SocketTimeoutException
					|| t instanceof UnknownHostException;
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = "SMTP " + server + ": " + failure.getMessage()
				+ (root != failure && root.getMessage() != null ? " (" + root + ")" : "");
		if (messageStarted) {
			if (reply >= 400 && ".".equals(command)) {
				return reply >= 500 ? DeliveryResult.failed(reason, "SMTP " + reply)
						: DeliveryResult.retry(reason, "SMTP " + reply);
			}
			return DeliveryResult.uncertain("no answer to the end of the message, which the server may have taken: "
					+ reason);
		}
		if (reply >= 500) {
			return DeliveryResult.failed(reason, "SMTP " + reply);
		}
		if (reply >= 400) {
			return DeliveryResult.retry(reason, "SMTP " + reply);
		}
		if (badAddress) {
			return DeliveryResult.failed(reason, "address");
		}
		return DeliveryResult.retry(reason, unreachable ? "connection" : "smtp");
	}

	private static int replyCode(Throwable t) {
		if (t instanceof SMTPAddressFailedException e) {
			return e.getReturnCode();
		}
		if (t instanceof SMTPSenderFailedException e) {
			return e.getReturnCode();
		}
		if (t instanceof SMTPSendFailedException e) {
			return e.getReturnCode();
		}
		return 0;
	}

	private static String command(Throwable t) {
		if (t instanceof SMTPAddressFailedException e) {
			return e.getCommand();
		}
		if (t instanceof SMTPSenderFailedException e) {
			return e.getCommand();
		}
		if (t instanceof SMTPSendFailedException e) {
			return e.getCommand();
		}
		return null;
	}

	/** The failure, its causes and Jakarta Mail's chained exceptions, in that order. */
	private static Set<Throwable> causes(Throwable failure) {
		Set<Throwable> seen = new LinkedHashSet<>();
		Deque<Throwable> todo = new ArrayDeque<>();
		todo.add(failure);
		while (!todo.isEmpty()) {
			Throwable t = todo.poll();
			if (t == null || !seen.add(t)) {
				continue;
			}
			if (t.getCause() != null) {
				todo.add(t.getCause());
			}
			if (t instanceof MessagingException m && m.getNextException() != null) {
				todo.add(m.getNextException());
			}
		}
		return seen;
	}
}
