package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.forewarn.logging.PersonalData;
import org.junit.jupiter.api.Test;

/**
 * SMTP failures as Angus Mail reports them. Before the message data began: 5xx is final, 4xx and unreachable or
 * silent servers are retried. After it began: only a reply to the final "." is a sure answer; anything else may
 * have delivered the message and is UNCERTAIN.
 */
class SmtpFailureTest {

	@Test
	void anUnknownMailboxIsFinalWithTheReplyCode() throws Exception {
		SMTPAddressFailedException unknown = new SMTPAddressFailedException(new InternetAddress("nobody@shop.test"),
				"RCPT TO:<nobody@shop.test>", 550, "550 5.1.1 mailbox unavailable");

		DeliveryResult result = SmtpFailure.classify("smtp.test:25",
				new SendFailedException("Invalid Addresses", unknown), false);

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.code()).isEqualTo("SMTP 550");
		assertThat(result.reason()).startsWith("SMTP smtp.test:25: ");
	}

	@Test
	void aTemporaryRefusalBeforeTheDataIsRetried() {
		SMTPSendFailedException greylisted = new SMTPSendFailedException("DATA", 451,
				"451 4.7.1 greylisted, try again later", null, null, null, null);

		DeliveryResult result = SmtpFailure.classify("smtp.test:25", greylisted, false);

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
		assertThat(result.code()).isEqualTo("SMTP 451");
	}

	@Test
	void anUnreachableOrSilentServerIsRetriedAndABadAddressIsNot() {
		MessagingException refused = new MessagingException("Couldn't connect to host",
				new ConnectException("Connection refused"));
		MessagingException silent = new MessagingException("Could not connect to SMTP host: localhost, port: 25",
				new SocketTimeoutException("Read timed out"));
		AddressException malformed = new AddressException("Missing final '@domain'", "ana");

		assertThat(SmtpFailure.classify("smtp.test:25", refused, false))
			.extracting(DeliveryResult::outcome, DeliveryResult::code)
			.containsExactly(DeliveryResult.Outcome.RETRY, "connection");
		assertThat(SmtpFailure.classify("smtp.test:25", silent, false))
			.extracting(DeliveryResult::outcome, DeliveryResult::code)
			.containsExactly(DeliveryResult.Outcome.RETRY, "connection");
		assertThat(SmtpFailure.classify("smtp.test:25", malformed, false))
			.extracting(DeliveryResult::outcome, DeliveryResult::code)
			.containsExactly(DeliveryResult.Outcome.FAILED, "address");
	}

	@Test
	void noAnswerToTheEndOfTheMessageMayHaveDeliveredIt() {
		MessagingException silent = new MessagingException("Exception reading response",
				new SocketTimeoutException("Read timed out"));
		SMTPSendFailedException closed = new SMTPSendFailedException(".", -1, "[EOF]", null, null, null, null);

		DeliveryResult result = SmtpFailure.classify("smtp.test:25", silent, true);

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.UNCERTAIN);
		assertThat(result.code()).isEqualTo(DeliveryResult.UNCERTAIN);
		assertThat(result.reason()).contains("smtp.test:25", "Read timed out");
		assertThat(SmtpFailure.classify("smtp.test:25", closed, true).outcome())
			.isEqualTo(DeliveryResult.Outcome.UNCERTAIN);
	}

	@Test
	void aReplyToTheEndOfTheMessageIsASureAnswer() {
		SMTPSendFailedException refused = new SMTPSendFailedException(".", 554, "554 5.7.1 rejected as spam", null,
				null, null, null);
		SMTPSendFailedException later = new SMTPSendFailedException(".", 452, "452 4.3.1 insufficient storage",
				null, null, null, null);

		assertThat(SmtpFailure.classify("smtp.test:25", refused, true))
			.extracting(DeliveryResult::outcome, DeliveryResult::code)
			.containsExactly(DeliveryResult.Outcome.FAILED, "SMTP 554");
		assertThat(SmtpFailure.classify("smtp.test:25", later, true))
			.extracting(DeliveryResult::outcome, DeliveryResult::code)
			.containsExactly(DeliveryResult.Outcome.RETRY, "SMTP 452");
	}

	@Test
	void logsShowOnlyPartsOfAddressesAndNumbers() {
		assertThat(PersonalData.mask("550 <ana.souza@customers.example> unknown; The 'To' number +5511987654321 is invalid"))
			.isEqualTo("550 <a***@customers.example> unknown; The 'To' number +55*********21 is invalid");
		assertThat(PersonalData.mask("j@example.com, +33 6 12 34 56 78, +33612345678."))
			.isEqualTo("j***@example.com, +33*******78, +33*******78.");
		assertThat(PersonalData.mask("retry 2 of 4 at 2026-03-02T14:00:00Z, +5 minutes, 1+1=2, user@localhost"))
			.as("times, short numbers and host-only names are left alone")
			.isEqualTo("retry 2 of 4 at 2026-03-02T14:00:00Z, +5 minutes, 1+1=2, user@localhost");
	}
}
