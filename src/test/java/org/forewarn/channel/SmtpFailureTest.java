package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** SMTP failures as Spring and Angus Mail report them: 5xx is final, 4xx and unreachable servers are retried. */
class SmtpFailureTest {

	@Test
	void anUnknownMailboxIsFinalWithTheReplyCode() throws Exception {
		SMTPAddressFailedException unknown = new SMTPAddressFailedException(new InternetAddress("nobody@shop.test"),
				"RCPT TO:<nobody@shop.test>", 550, "550 5.1.1 mailbox unavailable");
		SendFailedException send = new SendFailedException("Invalid Addresses", unknown);

		DeliveryResult result = SmtpFailure.classify("smtp.test:25",
				new MailSendException(Map.of(new Object(), send)));

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
		assertThat(result.code()).isEqualTo("SMTP 550");
		assertThat(result.reason()).startsWith("SMTP smtp.test:25: ");
	}

	@Test
	void aTemporaryRefusalIsRetried() {
		SMTPSendFailedException greylisted = new SMTPSendFailedException("DATA", 451,
				"451 4.7.1 greylisted, try again later", null, null, null, null);

		DeliveryResult result = SmtpFailure.classify("smtp.test:25",
				new MailSendException(Map.of(new Object(), greylisted)));

		assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
		assertThat(result.code()).isEqualTo("SMTP 451");
	}

	@Test
	void anUnreachableServerIsRetriedAndABadAddressIsNot() {
		MailSendException refused = new MailSendException("Mail server connection failed",
				new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
		MailSendException malformed = new MailSendException("bad address",
				new AddressException("Missing final '@domain'", "ana"));

		assertThat(SmtpFailure.classify("smtp.test:25", refused))
			.extracting(DeliveryResult::outcome, DeliveryResult::code)
			.containsExactly(DeliveryResult.Outcome.RETRY, "connection");
		assertThat(SmtpFailure.classify("smtp.test:25", malformed))
			.extracting(DeliveryResult::outcome, DeliveryResult::code)
			.containsExactly(DeliveryResult.Outcome.FAILED, "address");
	}

	@Test
	void logsShowOnlyPartsOfAddressesAndNumbers() {
		assertThat(LogSafe.mask("550 <ana.souza@customers.example> unknown; The 'To' number +5511987654321 is invalid"))
			.isEqualTo("550 <a***@customers.example> unknown; The 'To' number +***21 is invalid");
	}
}
