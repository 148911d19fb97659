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
import org.springframework.mail.MailSendException;

/**
 * Sorts an SMTP failure: a 5xx reply is final (mailbox unknown, message refused); a 4xx reply, a server that cannot
 * be reached or does not answer in time is worth a retry. The SMTP reply code becomes the failure's code.
 */
final class SmtpFailure {

	private SmtpFailure() {
	}

	static DeliveryResult classify(String server, Exception failure) {
		String reason = "SMTP " + server + ": " + failure.getMessage();
		int reply = 0;
		boolean badAddress = false;
		boolean unreachable = false;
		for (Throwable t : causes(failure)) {
			reply = reply != 0 ? reply : replyCode(t);
			badAddress |= t instanceof AddressException;
			unreachable |= t instanceof ConnectException || t instanceof SocketTimeoutException
					|| t instanceof UnknownHostException;
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

	/** The failure, its causes, Jakarta Mail's chained exceptions and Spring's per-message failures. */
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
			if (t instanceof MailSendException m) {
				todo.addAll(m.getFailedMessages().values());
			}
		}
		return seen;
	}
}
