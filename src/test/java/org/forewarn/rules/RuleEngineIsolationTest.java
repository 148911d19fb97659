package org.forewarn.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.forewarn.customer.CustomerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluations reuse the engine's sessions: nothing one evaluation inserted or matched is seen by the next, whichever
 * customer it is for. Rule sets are built immutable, and a rule may still change and delete the facts it matches.
 */
class RuleEngineIsolationTest {

	private static final String RULES = """
			package rules;
			import org.forewarn.rules.Trigger;
			global org.forewarn.rules.Decisions decide;

			declare Remembered
			    customer : String
			end

			declare Unmatched
			end

			rule "remember the first trigger"
			    @id("remember")
			when
			    Trigger( type == "first" )
			then
			    insert( new Remembered( "seen" ) );
			    insert( new Unmatched() );
			    decide.problem( "first.seen", null );
			end

			rule "something remembered"
			    @id("remembered")
			when
			    Remembered()
			    Trigger( type == "second" )
			then
			    decide.problem( "leaked.between.evaluations", null );
			end

			rule "nothing remembered"
			    @id("nothing-remembered")
			when
			    not Remembered()
			    Trigger( type == "second" )
			then
			    decide.problem( "second.alone", null );
			end
			""";

	@TempDir
	Path rules;

	@Test
	void factsARuleInsertedAreGoneForTheNextEvaluation() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), RULES);
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));

		for (int round = 0; round < 3; round++) {
			assertThat(problems(engine, "c1", "first")).containsExactly("first.seen");
			assertThat(problems(engine, "c2", "second")).containsExactly("second.alone");
			assertThat(problems(engine, "c1", "second")).containsExactly("second.alone");
		}
	}

	@Test
	void aRuleMayStillChangeAndDeleteTheFactsItMatches() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), """
				package rules;
				import org.forewarn.rules.Trigger;
				global org.forewarn.rules.Decisions decide;

				declare Note
				    text : String
				end

				declare Done
				end

				rule "take a note"
				    @id("take")
				when
				    Trigger( type == "note" )
				    not Note()
				    not Done()
				then
				    insert( new Note( "taken" ) );
				end

				rule "change the note"
				    @id("change")
				when
				    $n : Note( text == "taken" )
				then
				    modify( $n ) { setText( "changed" ) };
				end

				rule "delete the changed note"
				    @id("delete")
				when
				    $n : Note( text == "changed" )
				then
				    delete( $n );
				    insert( new Done() );
				    decide.problem( "note.done", null );
				end
				""");
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));

		Evaluation first = engine.evaluate(new CustomerState("c1"),
				new Trigger("e1", "note", Instant.parse("2026-01-01T00:00:00Z"), null, Map.of()), List.of());
		Evaluation second = engine.evaluate(new CustomerState("c1"),
				new Trigger("e2", "note", Instant.parse("2026-01-01T00:00:00Z"), null, Map.of()), List.of());

		for (Evaluation evaluation : List.of(first, second)) {
			assertThat(evaluation.decisions().failures()).isEmpty();
			assertThat(evaluation.decisions().detections()).extracting(Decided::problem).containsExactly("note.done");
		}
	}

	/** Facts no pattern can match are left out of the session; a pattern on a supertype still sees them all. */
	@Test
	void aPatternOnObjectSeesEveryFactOfTheCustomer() throws Exception {
		Files.writeString(rules.resolve("rules.drl"), """
				package rules;
				import org.forewarn.rules.PriorOutreach;
				global org.forewarn.rules.Decisions decide;

				rule "count the facts"
				    @id("count")
				when
				    accumulate( Object(); $n : count() )
				then
				    decide.problem( "facts." + $n, null );
				end

				rule "prior outreach"
				    @id("prior")
				when
				    PriorOutreach( $problem : problem )
				then
				    decide.problem( "prior." + $problem, null );
				end
				""");
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));
		CustomerState state = new CustomerState("c1");
		PriorOutreach prior = new PriorOutreach("order.not_shipped", "o1", "r", "email", "SENT", null);

		Evaluation evaluation = engine.evaluate(state,
				new Trigger("e1", "note", Instant.parse("2026-01-01T00:00:00Z"), null, Map.of()), List.of(prior));

		int facts = 1 + state.facts().size() + 1; // the trigger, the customer's state, the prior outreach
		assertThat(evaluation.decisions().detections()).extracting(Decided::problem)
			.containsExactlyInAnyOrder("facts." + facts, "prior.order.not_shipped");
	}

	private static List<String> problems(RuleEngine engine, String customer, String type) {
		Evaluation evaluation = engine.evaluate(new CustomerState(customer),
				new Trigger("e-" + type, type, Instant.parse("2026-01-01T00:00:00Z"), null, Map.of()), List.of());
		return evaluation.decisions().detections().stream().map(Decided::problem).toList();
	}
}
