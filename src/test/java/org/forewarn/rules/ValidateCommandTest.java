package org.forewarn.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.forewarn.rules.reload.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate [DIR]}: the shipped pack compiles; every error of a broken folder is named by file and line. */
class ValidateCommandTest {

	private static final String HEADER = """
			package forewarn.broken;
			import org.forewarn.customer.Order;
			global org.forewarn.rules.Decisions decide;
			""";

	static final String ORDER_FIELDS = "cancelReason, cancelledAt, currency, customerId, deliveredAt, deliveredLate,"
			+ " destinationRegion, open, orderId, paidAt, paymentFailedAt, paymentFailureHard, paymentFailureReason,"
			+ " paymentOutstanding, placedAt, promisedBy, shipBy, shipped, shippedAt, timeline, total";

	@TempDir
	Path work;

	private final ValidateRun run = new ValidateRun();

	@Test
	void theShippedRulesCompile() {
		assertThat(validate("rules")).isZero();
		assertThat(out()).startsWith("rules: OK, 18 rules in 4 files, version ").doesNotContain("warning");
		assertThat(err()).isEmpty();
	}

	@Test
	void everyErrorIsPrintedAsFileLineMessage() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("syntax.drl"), HEADER + """

				rule "a parenthesis too few"
				when
				    $o : Order( open == true
				then
				    decide.problem( "x", $o.getOrderId() );
				end
				""");
		Files.createDirectories(rules.resolve("more"));
		Files.writeString(rules.resolve("more/fields.drl"), HEADER + """

				rule "a field that does not exist"
				when
				    $o : Order( shipedBy != null )
				then
				    decide.problem( "x", $o.getOrderId() );
				end
				""");

		assertThat(validate(rules.toString())).isEqualTo(1);

		assertThat(err()).isEqualTo(rules + "/syntax.drl:7: a \"(\" opened on this line is not closed before"
				+ " \"then\": add the missing \")\" (Drools: [ERR 102] Line 8:0 mismatched input 'then' in rule"
				+ " \"a parenthesis too few\")\n"
				+ rules + "/more/fields.drl:7: Order has no field \"shipedBy\" (did you mean"
				+ " \"shipBy\"?); its fields: " + ORDER_FIELDS + ". Correct the name (Drools: Unable to Analyse"
				+ " Expression shipedBy != null: [Error: unable to resolve method using strict-mode:"
				+ " org.forewarn.customer.Order.shipedBy()])\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	@Test
	void aMisspeltFieldOrMethodIsNamedWithTheFactsFieldsAndTheClosestName() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("names.drl"), HEADER + """

				rule "a misspelt field"
				when
				    $o : Order( shipedAt != null )
				then
				    decide.problem( "x", $o.getOrderId() );
				end

				rule "a method in the wrong case"
				when
				    $o : Order( open == true )
				then
				    decide.problem( "x",
				                    $o.getOrderID() );
				end
				""");

		assertThat(validate(rules.toString())).isEqualTo(1);

		assertThat(err()).isEqualTo(rules + "/names.drl:7: Order has no field \"shipedAt\" (did you mean"
				+ " \"shippedAt\"?); its fields: " + ORDER_FIELDS + ". Correct the name (Drools: Unable to Analyse"
				+ " Expression shipedAt != null: [Error: unable to resolve method using strict-mode:"
				+ " org.forewarn.customer.Order.shipedAt()])\n"
				+ rules + "/names.drl:17: Order has no method getOrderID() (did you mean \"getOrderId\"?); its fields: "
				+ ORDER_FIELDS + " (field x is read with getX(), or isX() when it is true or false). Correct the name"
				+ " (Drools: Rule Compilation error The method getOrderID() is undefined for the type Order)\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	@Test
	void aMisspeltActionIsNamedWithTheClosestAction() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("actions.drl"), HEADER + """

				rule "a misspelt action"
				when
				    $o : Order( open == true )
				then
				    decide.outreah( "payment.failed", $o.getOrderId(), "email", "payment_failed_hard" );
				end

				rule "a misspelt step of an action"
				when
				    $o : Order( open == true )
				then
				    decide.outreach( "payment.failed", $o.getOrderId(), "email", "payment_failed_hard" ).fallbak( "sms" );
				end
				""");

		assertThat(validate(rules.toString())).isEqualTo(1);

		assertThat(err()).isEqualTo(rules + "/actions.drl:9: Decisions has no method outreah() (did you mean"
				+ " \"outreach\"?). Correct the name (Drools: Rule Compilation error The method"
				+ " outreah(String, String, String, String) is undefined for the type Decisions)\n"
				+ rules + "/actions.drl:16: OutreachRequest has no method fallbak() (did you mean \"fallback\"?). Correct"
				+ " the name (Drools: Rule Compilation error The method fallbak(String) is undefined for the type"
				+ " OutreachRequest)\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	@Test
	void aBadDecisionTableCellIsNamedByRowAndColumn() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		String shipped = Files.readString(Path.of("rules/shipment-exceptions.drl.csv"));
		Files.writeString(rules.resolve("exceptions.drl.csv"),
				shipped.replace("email,shipment_exception_delay,4", "email,shipment_exception_delay,four"));

		assertThat(validate(rules.toString())).isEqualTo(1);

		assertThat(err()).startsWith(rules + "/exceptions.drl.csv:13: column H \"Wait before sending (hours)\": correct"
				+ " this cell (Drools: Rule Compilation error four cannot be resolved to a variable)\n");
	}

	@Test
	void ruleFilesSavedWithAByteOrderMarkCompileAsTheSameVersion() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		try (var shipped = Files.list(Path.of("rules"))) {
			for (Path file : shipped.filter(Files::isRegularFile).toList()) {
				byte[] content = Files.readAllBytes(file);
				byte[] marked = new byte[content.length + 3];
				marked[0] = (byte) 0xEF;
				marked[1] = (byte) 0xBB;
				marked[2] = (byte) 0xBF;
				System.arraycopy(content, 0, marked, 3, content.length);
				Files.write(rules.resolve(file.getFileName()), marked);
			}
		}
		String shippedVersion = RuleFiles.in(Path.of("rules")).version();

		assertThat(validate(rules.toString())).isZero();
		assertThat(out()).contains("rules: OK, 18 rules in 4 files, version " + shippedVersion);
	}

	@Test
	void aRuleFileOrThresholdsSavedInAnotherEncodingThanUtf8IsNamedByLine() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.write(rules.resolve("latin1.drl"), (HEADER + """
				rule "order.late: prazo de expedi\u00e7\u00e3o"
				when
				    $o : Order()
				then
				end
				""").getBytes(StandardCharsets.ISO_8859_1));
		Files.write(rules.resolve("thresholds.properties"),
				"# pr\u00e9vu\nshipment.late.notice-before = P1D\n".getBytes(StandardCharsets.ISO_8859_1));

		assertThat(validate(rules.toString())).isEqualTo(1);
		assertThat(err()).contains("latin1.drl:4: not UTF-8 text", "save the file as UTF-8",
				"thresholds.properties:1: not UTF-8 text");
	}

	@Test
	void aRuleFileThatDefinesNothingIsRefusedAsCutShort() throws Exception {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		Files.writeString(rules.resolve("orders.drl"), "");
		Files.writeString(rules.resolve("shipments.drl"), "  \n\t\n");
		Files.writeString(rules.resolve("churn.drl"), HEADER + """
				// rule "churn.risk: went quiet" was here
				/* rule "x" when then end */
				# query "y"
				import function org.forewarn.Util.rule;
				""");
		Files.createDirectories(rules.resolve("more"));
		Files.writeString(rules.resolve("more/imports-only.drl"), HEADER);

		assertThat(validate(rules.toString())).isEqualTo(1);

		String refused = ":?: " + EmptyRuleFiles.MESSAGE + "\n";
		assertThat(err()).isEqualTo(rules + "/churn.drl" + refused + rules + "/more/imports-only.drl" + refused
				+ rules + "/orders.drl" + refused + rules + "/shipments.drl" + refused
				+ rules + ": 4 errors, the folder would be rejected\n");
		assertThat(EmptyRuleFiles.MESSAGE).contains("to remove its rules, delete the file");
	}

	@Test
	void aFileDefiningOnlyAFunctionQueryOrTypeIsNotEmpty() throws Exception {
		Path rules = RulesFolder.copyOfShippedRules(work.resolve("rules"));
		Files.writeString(rules.resolve("helpers.drl"), HEADER + """
				function String label(String s) { return "rule " + s; }
				""");
		Files.writeString(rules.resolve("queries.drl"), HEADER + "query \"open orders\" @id(\"open-orders\") Order( open == true ) end\n");
		Files.writeString(rules.resolve("types.drl"), "package forewarn.types;\ndeclare Note text : String end\n");
		// a package line alone is written on purpose: a folder without rules holds one
		Files.writeString(rules.resolve("none.drl"), "// no rules here\npackage forewarn.none;\n");

		validate(rules.toString());

		assertThat(err()).isEmpty();
		assertThat(out()).contains("rules: OK, 19 rules in 8 files");
	}

	@Test
	void aMissingFolderOrAWrongCallIsNotOk() {
		assertThat(validate(work.resolve("nowhere").toString())).isEqualTo(1);
		assertThat(err()).contains("rules folder does not exist");
		assertThat(run.run(new String[] { "a", "b" }, RuleContext.FILES_ONLY))
			.isEqualTo(2);
	}

	private int validate(String folder) {
		return run.validate(Path.of(folder));
	}

	private String out() {
		return run.out();
	}

	private String err() {
		return run.err();
	}
}
