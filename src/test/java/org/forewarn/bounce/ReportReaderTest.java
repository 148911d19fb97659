package org.forewarn.bounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** Reports as they come: each kind read right, and what is not a report said to be so. */
class ReportReaderTest {

	@Test
	void aPermanentFailureIsHardATransientOneOrADelaySoft() throws Exception {
		Report hard = ReportReader.read(Reports.dsn("r1", "bounces@x.example", "a@customers.example", "failed",
				"5.1.1", "<m1@forewarn.test>"));
		assertThat(hard).isEqualTo(new Report(Report.Kind.HARD, "a@customers.example", "5.1.1", "<m1@forewarn.test>",
				null));
		assertThat(ReportReader.read(Reports.dsn("r2", "bounces@x.example", "a@customers.example", "failed",
				"4.2.2 (mailbox full)", "<m1@forewarn.test>")).kind()).isEqualTo(Report.Kind.SOFT);
		Report delayed = ReportReader.read(Reports.dsn("r3", "bounces+0a1b2c@x.example", "a@customers.example",
				"delayed", "4.4.7", "<m1@forewarn.test>"));
		assertThat(delayed.kind()).isEqualTo(Report.Kind.SOFT);
		assertThat(delayed.returnPathOutreachId()).isEqualTo("0a1b2c");
	}

	@Test
	void aDeliveredNoticeAndANotSpamFeedbackReportNoFailure() throws Exception {
		assertThat(ReportReader.read(Reports.dsn("r4", "bounces@x.example", "a@customers.example", "delivered",
				"2.0.0", "<m1@forewarn.test>"))).isNull();
		assertThat(ReportReader.read(parse(Reports.complaint("r5", "bounces@x.example", "a@customers.example"),
				"Feedback-Type: abuse", "Feedback-Type: not-spam"))).isNull();
		Report complaint = ReportReader.read(Reports.complaint("r6", "bounces@x.example", "b@customers.example"));
		assertThat(complaint.kind()).isEqualTo(Report.Kind.COMPLAINT);
		assertThat(complaint.recipient()).isEqualTo("b@customers.example");
		assertThat(complaint.originalMessageId()).isNull();
	}

	@Test
	void whatIsNoReportIsSaidToBeSo() throws Exception {
		assertThatThrownBy(() -> ReportReader.read(Reports.plain("r7"))).isInstanceOf(ReportReader.NotAReport.class)
			.hasMessageContaining("not a multipart/report (text/plain)");
		assertThatThrownBy(() -> ReportReader.read(Reports.broken("r8")))
			.isInstanceOf(ReportReader.NotAReport.class).hasMessageContaining("without its message/delivery-status");
		MimeMessage noStatus = parse(Reports.dsn("r9", "bounces@x.example", "a@customers.example", "failed", "5.1.1",
				"<m1@forewarn.test>"), "Status: 5.1.1", "Status: soon");
		assertThatThrownBy(() -> ReportReader.read(noStatus)).isInstanceOf(ReportReader.NotAReport.class)
			.hasMessageContaining("without a Status code");
		MimeMessage otherType = parse(Reports.dsn("r10", "bounces@x.example", "a@customers.example", "failed",
				"5.1.1", "<m1@forewarn.test>"), "report-type=delivery-status", "report-type=disposition-notification");
		assertThatThrownBy(() -> ReportReader.read(otherType)).isInstanceOf(ReportReader.NotAReport.class)
			.hasMessageContaining("neither delivery-status nor feedback-report");
	}

	/** The message again with one piece of its text replaced. */
	private static MimeMessage parse(MimeMessage message, String from, String to) throws Exception {
		var out = new java.io.ByteArrayOutputStream();
		message.writeTo(out);
		String text = out.toString(StandardCharsets.US_ASCII).replace(from, to);
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
	}
}
