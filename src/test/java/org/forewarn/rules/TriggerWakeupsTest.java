package org.forewarn.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate} warns about a rule that asks {@code decide.wakeAtWhileAsked} while matching on what its trigger is:
 * the customer's next event would withdraw the wakeup. Reading only the trigger's time is fine.
 */
class TriggerWakeupsTest {

	private static final String HEADER = """
			package forewarn.feedback;
			import org.forewarn.customer.Order;
			import org.forewarn.rules.Trigger;
			import java.time.Duration;
			global org.forewarn.rules.Decisions decide;

			""";

	@TempDir
	Path rules;

	private final ValidateRun run = new ValidateRun();

	@Test
	void aWakeupAskedWhileAskedOnOneKindOfEventIsWarnedAbout() throws Exception {
		Files.writeString(rules.resolve("feedback.drl"), HEADER + """
				rule "feedback: look again a day after the delivery"
				    @id("feedback-wake")
				when
				    Trigger( type == "order.delivered" )
				    $o : Order( deliveredAt != null )
				then
				    decide.wakeAtWhileAsked( $o.getDeliveredAt().plus(Duration.ofDays(1)), $o.getOrderId(), "call" );
				end

				rule "feedback: the order of the trigger"
				    @id("feedback-order-wake")
				when
				    $t : Trigger()
				    $o : Order( orderId == $t.orderId, deliveredAt != null )
				then
				    decide.wakeAtWhileAsked( $o.getDeliveredAt().plus(Duration.ofDays(2)), $o.getOrderId(), "call" );
				end

				rule "feedback: a plain wakeup on one kind of event"
				    @id("feedback-plain-wake")
				when
				    Trigger( type == "order.delivered" )
				    $o : Order( deliveredAt != null )
				then
				    decide.wakeAt( $o.getDeliveredAt().plus(Duration.ofDays(3)), $o.getOrderId(), "call" );
				end

				rule "feedback: a deadline read from the trigger's time"
				    @id("feedback-deadline-wake")
				when
				    $t : Trigger()
				    $o : Order( open == true, shipBy != null, $t.hoursSince(shipBy) < 24 )
				then
				    decide.wakeAtWhileAsked( $o.getShipBy().plus(Duration.ofHours(24)), $o.getOrderId(), "deadline" );
				end
				""");

		assertThat(run.run(new String[] { rules.toString() }, RuleContext.FILES_ONLY)).isZero();

		String warning = "matches on what its trigger is (its type, order, id or data), so the customer's next event, "
				+ "which it does not match, withdraws what decide.wakeAtWhileAsked asks for: use decide.wakeAt, which "
				+ "always fires";
		assertThat(run.out() + run.err()).contains(
				"feedback.drl:13: warning: rule \"feedback: look again a day after the delivery\" " + warning,
				"feedback.drl:22: warning: rule \"feedback: the order of the trigger\" " + warning)
			.doesNotContain("feedback: a plain wakeup on one kind of event\" matches",
					"feedback: a deadline read from the trigger's time\" matches");
	}

	@Test
	void theShippedRulesAreNotWarnedAbout() {
		assertThat(run.validate(Path.of("rules"))).isZero();
		assertThat(run.out() + run.err()).doesNotContain("matches on what its trigger is");
	}
}
