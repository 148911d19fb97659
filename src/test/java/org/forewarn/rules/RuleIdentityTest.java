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

/** Rule ids (required, unique, what the engine records) and named thresholds (checked, read by the rules). */
class RuleIdentityTest {

	private static final String HEADER = """
			package forewarn.ids;
			import org.forewarn.customer.Order;
			global org.forewarn.rules.Decisions decide;

			""";

	@TempDir
	Path rules;

	private final ValidateRun run = new ValidateRun();

	@Test
	void aRuleWithoutAnIdIsRejectedAtItsLine() throws Exception {
		write("r.drl", HEADER + rule("late: tell them", null));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/r.drl:5: rule \"late: tell them\" has no @id: give it one that stays"
				+ " when the rule is renamed, on the line after its name, e.g. @id(\"shipment-late-notice\"); outreach"
				+ " records and their dedupe keys hold the id, so a rename then changes nothing for customers\n"
				+ rules + ": 1 error, the folder would be rejected\n");
	}

	@Test
	void theSameIdTwiceAndAMalformedIdAreRejected() throws Exception {
		write("a.drl", HEADER + rule("first", "late-notice"));
		write("b.drl", HEADER.replace("forewarn.ids", "forewarn.other") + rule("second", "late-notice")
				+ rule("third", "Late Notice"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/b.drl:5: rule \"second\": @id(\"late-notice\") is already used at"
				+ " a.drl:5; every rule needs its own id\n"
				+ rules + "/b.drl:12: rule \"third\": @id(\"Late Notice\") is not a valid id: use lower case letters"
				+ " and digits, words joined by '-', e.g. @id(\"shipment-late-notice\")\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	@Test
	void aRuleFileCopiedIntoASubfolderNamesBothPlacesOfEachRuleName() throws Exception {
		// the compiler names one file only, and adds a clash of the classes it generates for each rule
		write("a.drl", HEADER + rule("late: tell them", "late-notice") + rule("shipment.late: call them", "late-call"));
		Files.createDirectories(rules.resolve("old"));
		Files.copy(rules.resolve("a.drl"), rules.resolve("old/a.drl"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/old/a.drl:5: rule \"late: tell them\" is already used at a.drl:5; every"
				+ " rule needs its own name in its package (Drools: Duplicate rule name: late: tell them)\n"
				+ rules + "/old/a.drl:12: rule \"shipment.late: call them\" is already used at a.drl:12; every rule"
				+ " needs its own name in its package (Drools: Duplicate rule name: shipment.late: call them)\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	@Test
	void theShippedRulesCopiedIntoASubfolderGiveOneErrorPerRule() throws Exception {
		for (String file : List.of("orders.drl", "shipments.drl", "thresholds.properties")) {
			Files.copy(Path.of("rules", file), rules.resolve(file));
		}
		Files.createDirectories(rules.resolve("old"));
		Files.copy(Path.of("rules/orders.drl"), rules.resolve("old/orders.drl"));

		assertThat(validate()).isEqualTo(1);
		// files are read in the order of their paths: old/ before orders.drl
		assertThat(err()).contains(rules + "/orders.drl:37: rule \"payment.failed: hard decline, reach out now\" is"
				+ " already used at old/orders.drl:37;")
			.doesNotContain("already defined")
			.endsWith(rules + ": 5 errors, the folder would be rejected\n");
	}

	@Test
	void theEngineRecordsTheIdSoARenamedRuleIsTheSameRule() throws Exception {
		write("r.drl", HEADER + rule("late: tell them", "late-notice"));
		Decisions before = evaluate();
		write("r.drl", HEADER + rule("late: tell them kindly, a day ahead", "late-notice"));
		Decisions after = evaluate();

		assertThat(before.outreach()).extracting(r -> r.decided().rule()).containsExactly("late-notice");
		assertThat(after.outreach()).extracting(r -> r.decided().rule()).containsExactly("late-notice");
		assertThat(new RuleSetLoader(Clock.systemUTC()).load(rules).ruleIds())
			.isEqualTo(Map.of("late-notice", "late: tell them kindly, a day ahead"));
	}

	@Test
	void thresholdsAreIso8601DurationsAndEveryNameARuleReadsMustExist() throws Exception {
		Files.writeString(rules.resolve("thresholds.properties"), """
				# comment
				late.before = P1D
				late.after = 12h
				late.before = P2D
				late.never = P999999999999D
				""");
		write("r.drl", HEADER.replace("global", "global org.forewarn.rules.Thresholds thresholds;\nglobal")
				+ rule("late", "late", ".after(thresholds.duration(\"late.befor\").toString())"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/thresholds.properties:3: late.after = 12h is not an ISO-8601 duration: write it"
				+ " as ISO-8601, e.g. PT12H (12 hours), PT30M (30 minutes), P2D (2 days)\n"
				+ rules + "/thresholds.properties:4: late.before is already set on line 2: set each threshold once\n"
				+ rules + "/thresholds.properties:5: late.never = P999999999999D is longer than 100 years (P36500D): a rule"
				+ " waits or looks back hours, days or months\n"
				+ rules + "/r.drl:11: thresholds.duration(\"late.befor\"): there is no threshold \"late.befor\" in"
				+ " thresholds.properties (did you mean \"late.before\"?)\n"
				+ rules + ": 4 errors, the folder would be rejected\n");
	}

	@Test
	void rulesReadTheirThresholdsAndTheyArePartOfTheVersion() throws Exception {
		Files.writeString(rules.resolve("thresholds.properties"), "late.before = P1D\nunused = PT1H\n");
		write("r.drl", HEADER.replace("global", "global org.forewarn.rules.Thresholds thresholds;\nglobal")
				+ rule("late", "late", ".after(thresholds.duration(\"late.before\").toString())"));
		RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());
		RuleSet oneDay = loader.load(rules);
		Instant at = Instant.parse("2026-03-01T10:00:00Z");

		assertThat(evaluate().outreach().get(0).dueAt(at)).isEqualTo(at.plusSeconds(86_400));
		assertThat(oneDay.thresholds().asText()).containsEntry("late.before", "P1D");
		assertThat(oneDay.warnings()).extracting(RuleError::toString)
			.containsExactly("thresholds.properties:2: unused is not read by any rule");

		Files.writeString(rules.resolve("thresholds.properties"), "late.before = P2D\nunused = PT1H\n");
		assertThat(loader.version(rules)).isNotEqualTo(oneDay.version());
		assertThat(evaluate().outreach().get(0).dueAt(at)).isEqualTo(at.plusSeconds(2 * 86_400));
	}

	private Decisions evaluate() {
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(rules));
		CustomerState state = new CustomerState("c1");
		CustomerStateReducer.apply(state, EventParser.parse("{\"id\":\"p\",\"type\":\"order.placed\",\"time\":"
				+ "\"2026-03-01T10:00:00Z\",\"customerId\":\"c1\",\"orderId\":\"o1\",\"data\":{}}"));
		return engine.evaluate(state, new Trigger("p", "order.placed", Instant.parse("2026-03-01T10:00:00Z"), "o1",
				Map.of()), List.of()).decisions();
	}

	private static String rule(String name, String id, String... chained) {
		return "rule \"" + name + "\"\n" + (id == null ? "" : "    @id(\"" + id + "\")\n") + """
				when
				    $o : Order( open == true )
				then
				    decide.outreach( "order.late", $o.getOrderId(), "email", "late" )%s;
				end
				""".formatted(String.join("", chained));
	}

	private void write(String file, String content) throws Exception {
		Files.writeString(rules.resolve(file), content);
	}

	private int validate() {
		return run.run(new String[] { rules.toString() }, RuleContext.FILES_ONLY);
	}

	private String err() {
		return run.err();
	}
}
