package org.forewarn.outreach;

import java.util.List;

import org.forewarn.BothDatabases;
import org.forewarn.channel.RenderedMessage;
import org.forewarn.outreach.OutreachRowsFixtures.Place;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.forewarn.outreach.OutreachRowsFixtures.NOW;
import static org.forewarn.outreach.OutreachRowsFixtures.find;
import static org.forewarn.outreach.OutreachRowsFixtures.insert;
import static org.forewarn.outreach.OutreachRowsFixtures.record;
import static org.forewarn.outreach.OutreachStatus.PENDING_REVIEW;

/**
 * The approved message of a record is looked up only for a record that waited for review: one held for review keeps
 * its review deadline after its approval, wherever records are kept, so its approved message is found.
 */
class ApprovedMessagesTest {

	private static final RenderedMessage CONTENT = new RenderedMessage("Approved", "as approved", null);

	@RegisterExtension
	static final BothDatabases databases = new BothDatabases();

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aRecordApprovedAfterItsHoldGoesOutWithTheApprovedMessage(String place) {
		OutreachStore store = Place.open(databases, place).store();
		ApprovedMessages approved = new ApprovedMessages(JdbcClient.create(databases.fresh("h2")));
		insert(store, record("c-1", "held", "email", NOW, NOW));
		assertThat(store.holdForReview("held", "hourly ceiling", NOW.plusSeconds(3600), NOW)).isTrue();
		// what an approval does (OutreachReview.approve)
		assertThat(store.reschedule("held", List.of(PENDING_REVIEW), NOW.plusSeconds(60), "approved by rita",
				NOW.plusSeconds(60), "rita")).isTrue();
		approved.save("held", CONTENT, NOW.plusSeconds(60));

		Outreach due = find(store, "held");
		assertThat(due.reviewUntil()).as("kept after the approval").isNotNull();
		assertThat(approved.of(due)).contains(CONTENT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "memory" })
	void aRecordThatNeverWaitedForReviewHasNoApprovedMessage(String place) {
		OutreachStore store = Place.open(databases, place).store();
		ApprovedMessages approved = new ApprovedMessages(JdbcClient.create(databases.fresh("h2")));
		insert(store, record("c-1", "plain", "email", NOW, NOW));
		approved.save("plain", CONTENT, NOW); // no approval leads here; not even asked for

		assertThat(approved.of(find(store, "plain"))).isEmpty();
	}
}
