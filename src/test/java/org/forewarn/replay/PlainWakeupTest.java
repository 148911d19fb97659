package org.forewarn.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.forewarn.rules.reload.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule that asks for a wakeup on one kind of event only (a call a day after the delivery) uses a plain
 * {@code decide.wakeAt}: the customer's next events do not ask for it again, and it fires all the same. The shipped
 * deadline checks ({@code wakeAtWhileAsked}) of the delivered order are withdrawn.
 */
class PlainWakeupTest {

	@TempDir
	Path work;

	@Test
	void aPlainWakeupFiresThoughLaterEventsDoNotAskForItAgain() throws Exception {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		Files.writeString(rules.resolve("feedback.drl"), """
				package forewarn.feedback
				import org.forewarn.customer.Order
				import org.forewarn.rules.Trigger
				import java.time.Duration
				global org.forewarn.rules.Decisions decide

				rule "feedback: look again a day after the delivery"
				    @id("feedback-wake")
				when
				    $t : Trigger( type == "order.delivered" )
				    $o : Order( orderId == $t.orderId )
				then
				    decide.wakeAt( $o.getDeliveredAt().plus(Duration.ofDays(1)), $o.getOrderId(), "feedback call" );
				end
				""");
		Path events = Files.write(work.resolve("events.jsonl"), List.of(
				"{\"id\":\"e1\",\"type\":\"order.placed\",\"time\":\"2026-03-01T10:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{\"shipBy\":\"2026-03-02T10:00:00Z\","
						+ "\"promisedBy\":\"2026-03-20T00:00:00Z\"}}",
				"{\"id\":\"e2\",\"type\":\"order.shipped\",\"time\":\"2026-03-02T08:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{\"carrier\":\"dhl\"}}",
				"{\"id\":\"e3\",\"type\":\"order.delivered\",\"time\":\"2026-03-04T10:00:00Z\",\"customerId\":\"c1\","
						+ "\"orderId\":\"o1\",\"data\":{}}",
				"{\"id\":\"e4\",\"type\":\"customer.updated\",\"time\":\"2026-03-04T11:00:00Z\",\"customerId\":\"c1\","
						+ "\"data\":{\"name\":\"Ana\"}}",
				"{\"id\":\"e5\",\"type\":\"customer.updated\",\"time\":\"2026-03-25T00:00:00Z\",\"customerId\":\"c2\","
						+ "\"data\":{\"name\":\"Rui\"}}"));
		Path out = work.resolve("out");

		assertThat(ReplayCommand.run(new String[] { events.toString(), "--out", out.toString(),
				"--forewarn.rules=" + rules })).isZero();

		// the feedback call only: the handoff and promise checks of o1 were withdrawn as it shipped and arrived
		assertThat(Files.readString(out.resolve("summary.txt"))).contains("timers fired 1, still pending at the end 0");
	}
}
