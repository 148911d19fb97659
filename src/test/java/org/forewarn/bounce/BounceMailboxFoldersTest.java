package org.forewarn.bounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The mailbox reader alone against GreenMail's IMAP server: processed messages move to the processed folder, and a
 * report that could not be applied stays where it was, to be applied at the next reading.
 */
class BounceMailboxFoldersTest {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

	@Test
	void processedMessagesMoveAndOneThatCouldNotBeAppliedWaitsForTheNextReading() throws Exception {
		GreenMailUser user = greenMail.setUser("bounces@forewarn.test", "bounces", "secret");
		BounceHandler handler = mock(BounceHandler.class);
		when(handler.apply(anyString(), any())).thenThrow(new IllegalStateException("database away"))
			.thenReturn(BounceHandler.Applied.APPLIED);
		BounceMailbox mailbox = new BounceMailbox(settings(), handler);
		user.deliver(Reports.dsn("move-1", "bounces@forewarn.test", "a@customers.example", "failed", "5.1.1",
				"<m1@forewarn.test>"));
		user.deliver(Reports.plain("stray-1"));

		assertThat(mailbox.poll()).isZero();
		assertThat(folder(user, "INBOX").getMessageCount()).as("the report waits; the stray message moved").isEqualTo(1);

		assertThat(mailbox.poll()).isEqualTo(1);
		assertThat(folder(user, "INBOX").getMessageCount()).isZero();
		assertThat(folder(user, "Processed").getMessageCount()).isEqualTo(2);
		assertThat(mailbox.poll()).isZero();
		verify(handler, times(2)).apply(anyString(), any());
	}

	private static MailFolder folder(GreenMailUser user, String name) throws Exception {
		MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
		return name.equals("INBOX") ? inbox
				: greenMail.getManagers().getImapHostManager().getFolder(user, name);
	}

	private static BounceSettings settings() {
		return new BounceSettings(new BounceSettings.Imap("localhost", greenMail.getImap().getPort(), "bounces",
				"secret", false, "INBOX", "Processed", Duration.ofHours(1), Duration.ofSeconds(10)), null, 3,
				Duration.ofDays(7), Duration.ofDays(7));
	}
}
