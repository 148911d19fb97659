package org.forewarn.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateReducer;
import org.forewarn.event.EventParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule whose action throws, or that keeps making itself match again, loses only its own decisions; the other rules'
 * decisions stand. A rule set without rules decides nothing.
 */
class RuleFailureTest {

	private static final String RULES = """
			package rules;
			import org.forewarn.rules.Trigger;
			global org.forewarn.rules.Decisions decide;

			rule "broken: a duration typed the way people say it"
			    @id("broken")
			when
			    Trigger()
			then
			    decide.problem( "half.done", null );
			    decide.outreach( "churn.risk", null, "email", "x" ).after( "12" + "h" ); // built at run time: validate cannot see it
			end

			rule "sound"
			    @id("sound")
			when
			    Trigger()
			then
			    decide.outreach( "churn.risk", null, "task", "y" );
			end
			""";

	@TempDir
	Path rules;

	@Test
	void aFailingRuleIsRecordedAndDroppedWhileTheOthersStand() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), RULES);
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));

		Evaluation evaluation = evaluate(engine);

		Decisions decisions = evaluation.decisions();
		assertThat(decisions.outreach()).extracting(r -> r.decided().rule()).containsExactly("sound");
		assertThat(decisions.detections()).extracting(Decided::problem).containsExactly("churn.risk");
		assertThat(decisions.failures()).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("broken");
			assertThat(f.error()).contains("12h");
		});
		assertThat(decisions.failed("sound")).isFalse();
	}

	@Test
	void aFailuresMessageQuotesNoneOfTheCustomersPhoneNumberHoweverWritten() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), """
				package rules;
				import org.forewarn.customer.Customer;
				import org.forewarn.rules.Trigger;
				global org.forewarn.rules.Decisions decide;

				rule "whole" @id("whole")
				when Trigger() $c : Customer( phone != null )
				then Integer.parseInt( $c.getPhone().substring(1) );
				end

				rule "national" @id("national")
				when Trigger() $c : Customer( phone != null )
				then Integer.parseInt( "0" + $c.getPhone().substring(3) );
				end

				rule "other digits" @id("other")
				when Trigger()
				then Integer.parseInt( "1767225600000" );
				end
				""");
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));
		CustomerState state = new CustomerState("c1");
		CustomerStateReducer.apply(state, EventParser.parse("{\"id\":\"u1\",\"type\":\"customer.updated\","
				+ "\"time\":\"2026-01-01T00:00:00Z\",\"customerId\":\"c1\",\"data\":{\"phone\":\"+4915112345678\"}}"));

		engine.evaluate(state, new Trigger("e1", "account.activity", Instant.parse("2026-01-01T00:00:00Z"), null,
				Map.of()), List.of());

		assertThat(engine.failures().list()).extracting(RuleFailures.Failure::lastMessage)
			.hasSize(3)
			.allSatisfy(message -> assertThat(message).doesNotContain("12345678"))
			.anySatisfy(message -> assertThat(message).contains("For input string: \"49*********78\""))
			.anySatisfy(message -> assertThat(message).contains("\"15*******78\""))
			.anySatisfy(message -> assertThat(message).as("not the customer's: a time, kept")
				.contains("1767225600000"));
	}

	@Test
	void aConditionsFailureQuotesNoneOfTheCustomersPhoneNumber() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), """
				package rules;
				import org.forewarn.customer.Customer;

				rule "in a condition" @id("condition")
				when Customer( Integer.parseInt( phone ) > 0 )
				then
				end
				""");
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));
		CustomerState state = new CustomerState("c1");
		CustomerStateReducer.apply(state, EventParser.parse("{\"id\":\"u1\",\"type\":\"customer.updated\","
				+ "\"time\":\"2026-01-01T00:00:00Z\",\"customerId\":\"c1\",\"data\":{\"phone\":\"+4915112345678\"}}"));

		engine.evaluate(state, new Trigger("e1", "account.activity", Instant.parse("2026-01-01T00:00:00Z"), null,
				Map.of()), List.of());

		assertThat(engine.failures().list()).extracting(RuleFailures.Failure::lastMessage).singleElement()
			.satisfies(message -> assertThat(message).contains("its condition failed", "49*********78")
				.doesNotContain("12345678"));
	}

	@Test
	void rulesThatKeepMatchingAgainFailAndTheOthersDecisionsStand() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), """
				package rules;
				import org.forewarn.rules.Trigger;
				global org.forewarn.rules.Decisions decide;

				rule "sound" @id("sound") salience 10
				when Trigger()
				then decide.outreach( "churn.risk", null, "task", "y" );
				end

				rule "seed" @id("seed")
				when Trigger()
				then insert( Integer.valueOf(0) );
				end

				rule "chain" @id("chain")
				when $i : Integer()
				then
				    decide.wakeAtWhileAsked( java.time.Instant.EPOCH.plusSeconds($i), null, "loop" );
				    insert( Integer.valueOf($i + 1) );
				end
				""");
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));

		Evaluation evaluation = evaluate(engine);

		Decisions decisions = evaluation.decisions();
		assertThat(decisions.outreach()).extracting(r -> r.decided().rule()).containsExactly("sound");
		assertThat(decisions.wakeups()).isEmpty();
		assertThat(decisions.whileAsked()).isEmpty();
		assertThat(decisions.failures()).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("chain");
			assertThat(f.error()).contains("times at one trigger", "makes itself match again");
		});
		assertThat(decisions.failed("sound")).as("cut short, no rule's silence counts").isTrue();
		assertThat(engine.failures().list()).extracting(RuleFailures.Failure::rule).containsExactly("chain");
	}

	@Test
	void aRuleWhoseConditionThrowsFailsAloneAndItsSilenceResolvesNothing() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), """
				package rules;
				import org.forewarn.rules.Trigger;
				global org.forewarn.rules.Decisions decide;

				rule "sound" @id("sound") salience 10
				when Trigger()
				then decide.outreach( "churn.risk", null, "task", "y" );
				end

				rule "compares a number with text" @id("mistyped")
				when Trigger( hoursSince(time) > "abc" )
				then decide.outreach( "churn.risk", null, "email", "x" );
				end
				""");
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));

		Evaluation evaluation = evaluate(engine);

		Decisions decisions = evaluation.decisions();
		assertThat(decisions.failures()).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("mistyped");
			assertThat(f.error()).contains("abc");
		});
		assertThat(decisions.failed("sound")).as("the evaluation stopped: no rule's silence counts").isTrue();
		assertThat(engine.failures().list()).extracting(RuleFailures.Failure::rule).containsExactly("mistyped");
		assertThat(evaluate(engine).decisions().failures()).as("the session is usable again").hasSize(1);
	}

	@Test
	void aRuleSetWithoutRulesDecidesNothingInsteadOfFailing() throws Exception {
		// a type declaration only: a file defining nothing at all is refused as cut short
		Files.writeString(rules.resolve("none.drl"), "package rules;\ndeclare NoRules end\n");
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));

		Evaluation evaluation = evaluate(engine);

		assertThat(evaluation.decisions().outreach()).isEmpty();
		assertThat(evaluation.decisions().detections()).isEmpty();
		assertThat(evaluation.decisions().failures()).isEmpty();
	}

	private static Evaluation evaluate(RuleEngine engine) {
		return engine.evaluate(new CustomerState("c1"),
				new Trigger("e1", "account.activity", Instant.parse("2026-01-01T00:00:00Z"), null, Map.of()),
				List.of());
	}
}
