package org.forewarn.rules;

import java.nio.file.Files;
import java.nio.file.Path;

import org.forewarn.outreach.RuleVocabulary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code validate} catches before run time what would otherwise fail at send time or surprise customers: channels,
 * templates and placeholders, durations, problem codes the settings name, overlapping decision-table rows.
 */
class ValidateChecksTest {

	private static final String HEADER = """
			package forewarn.checked;
			import org.forewarn.customer.Order;
			global org.forewarn.rules.Decisions decide;

			""";

	@TempDir
	Path work;

	private Path rules;
	private Path settings;
	private final ValidateRun run = new ValidateRun();

	@BeforeEach
	void folders() throws Exception {
		rules = Files.createDirectories(work.resolve("rules"));
		Path templates = Files.createDirectories(work.resolve("templates"));
		Files.writeString(templates.resolve("late.email.txt"), "Subject: Order {{orderId}}\nHi {{firstName}}\n");
		Files.writeString(templates.resolve("late.email.pt-BR.txt"), "Subject: Pedido {{orderId}}\nAtrasou.\n");
		Files.writeString(templates.resolve("late.sms.txt"), "Order {{orderId}} is late.\n");
		Files.writeString(templates.resolve("call.task.txt"), "Subject: Call {{name}}\n");
		Files.writeString(templates.resolve("undeliverable.task.txt"), "Subject: Reach {{name}} another way\n");
		settings = work.resolve("application.yml");
		Files.writeString(settings, """
				forewarn:
				  channels:
				    templates: %s
				  guardrails:
				    open-ticket:
				      problems: [order.late]
				""".formatted(templates));
	}

	@Test
	void aSoundFolderIsOk() throws Exception {
		write("ok.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" ).after(\"PT12H\");"));

		assertThat(validate()).isZero();
		assertThat(out()).startsWith(rules + ": OK, 1 rules in 1 files, version ");
		assertThat(err()).isEmpty();
	}

	@Test
	void aChannelThatDoesNotExist() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"emial\", \"late\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/r.drl:9: channel \"emial\" does not exist: use email, sms or task"
				+ " (did you mean \"email\"?)\n" + rules + ": 1 error, the folder would be rejected\n");
	}

	@Test
	void aFallbackChannelThatDoesNotExist() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" )\n"
				+ "          .fallback( \"e-mail\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).startsWith(rules + "/r.drl:10: channel \"e-mail\" does not exist: use email, sms or task"
				+ " (did you mean \"email\"?)\n");
	}

	@Test
	void aTemplateWithNoFileForItsChannel() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"lates\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).startsWith(rules + "/r.drl:9: template \"lates\" for sms has no file: expected "
				+ work.resolve("templates/lates.sms.txt") + ", the text for customers whose language has none of its"
				+ " own (did you mean \"late\"?)\n");
	}

	@Test
	void aFallbackChannelWithNoTemplateToSendIsAWarning() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"task\", \"call\" ).fallback( \"sms\" );"));

		assertThat(validate()).isZero();
		assertThat(err()).isEqualTo(rules + "/r.drl:9: warning: a fallback to sms would not go out: template \"call\""
				+ " has no text for sms, so it takes the fallback template (forewarn.delivery.fallback-template), and"
				+ " template \"undeliverable\" for sms has no file: expected " + work.resolve("templates/undeliverable.sms.txt")
				+ ", the text for customers whose language has none of its own\n");
	}

	@Test
	void noFallbackAndAChainBackToItsOwnChannelFallBackNowhere() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"task\", \"call\" ).fallback( \"sms\" )\n"
				+ "        .noFallback();\n"
				+ "    decide.outreach( \"order.late\", $o.getOrderId(), \"task\", \"call\" ).fallback( \"task\", \"sms\" );"));

		assertThat(validate()).isZero();
		assertThat(err()).isEmpty();
	}

	@Test
	void theConfiguredFallbackChainIsCheckedWhenTheRuleNamesNone() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" );"));
		assertThat(validate()).isZero();
		assertThat(err()).as("sms, then email (its own text), then task (the fallback template)").isEmpty();

		Files.writeString(settings, Files.readString(settings) + """
				  delivery:
				    fallback-template: reach_out
				""");
		assertThat(validate()).isZero();
		assertThat(err()).startsWith(rules + "/r.drl:9: warning: a fallback to task would not go out: template"
				+ " \"late\" has no text for task, so it takes the fallback template"
				+ " (forewarn.delivery.fallback-template), and template \"reach_out\" for task has no file");
	}

	@Test
	void aSettingTheChecksReadThatCannotBeReadIsNamedWithItsFile() throws Exception {
		Files.writeString(settings, Files.readString(settings) + """
				  delivery:
				    fallback:
				      sms: emial
				""");

		assertThatThrownBy(() -> RuleVocabulary.fromSettings(settings))
			.isInstanceOf(RuleVocabulary.SettingsException.class)
			.hasMessage(settings + ": forewarn.delivery.fallback.sms: 'emial' is not a channel (did you mean \"email\"?);"
					+ " use email, sms or task, or leave it empty for none");
		Files.writeString(settings, Files.readString(settings).replace("sms: emial", "sms: email\n    retry:\n"
				+ "      max-attempts: many"));
		assertThatThrownBy(() -> RuleVocabulary.fromSettings(settings))
			.hasMessage(settings + ": forewarn.delivery.retry.max-attempts: 'many' is not an int");
	}

	@Test
	void aGuardrailTheServiceWouldRefuseIsNamedWithItsFile() throws Exception {
		String sound = Files.readString(settings);
		Files.writeString(settings, sound + """
				    caps:
				      email: "two per day"
				""");
		assertThatThrownBy(() -> RuleVocabulary.fromSettings(settings))
			.isInstanceOf(RuleVocabulary.SettingsException.class)
			.hasMessage(settings + ": forewarn.guardrails.caps.email: 'two per day' is not a cap like"
					+ " '2 per day, 5 per week' (or 'none')");

		Files.writeString(settings, sound + """
				    quiet-hours:
				      email: "25:00-07:00"
				""");
		assertThatThrownBy(() -> RuleVocabulary.fromSettings(settings))
			.hasMessage(settings + ": forewarn.guardrails.quiet-hours.email: '25:00-07:00' is not a time range like"
					+ " 21:00-08:00");

		Files.writeString(settings, sound + """
				    business-hours:
				      zone: Europe/Lisbn
				""");
		assertThatThrownBy(() -> RuleVocabulary.fromSettings(settings))
			.hasMessage(settings + ": forewarn.guardrails.business-hours.zone: 'Europe/Lisbn' is not a time zone like"
					+ " America/Sao_Paulo");
	}

	@Test
	void aSettingsFileThatIsNotYamlIsNamedWithTheLineTheParserStoppedAt() throws Exception {
		Files.writeString(settings, Files.readString(settings) + """
				    quiet-hours:
				      sms: "21:00-08:00
				      email: ""
				""");

		assertThatThrownBy(() -> RuleVocabulary.fromSettings(settings))
			.isInstanceOf(RuleVocabulary.SettingsException.class)
			.hasMessage(settings + ":10:1: not valid YAML: found unexpected end of stream, while scanning a quoted scalar"
					+ " from line 9, column 15");
	}

	@Test
	void aTemplatesFolderThatDoesNotExist() throws Exception {
		Files.writeString(settings, Files.readString(settings).replace(work.resolve("templates").toString(),
				work.resolve("templats").toString()));
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).startsWith(rules + "/r.drl:9: template \"late\" for sms: the templates folder "
				+ work.resolve("templats") + " does not exist; set forewarn.channels.templates, or start from the"
				+ " folder that holds config/templates\n");
	}

	@Test
	void anUnknownPlaceholderInAnyLanguageOfTheTemplate() throws Exception {
		Files.writeString(work.resolve("templates/late.email.pt-BR.txt"), "Subject: Pedido {{orderId}}\n{{trackingCode}}\n");
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"email\", \"late\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).startsWith(rules + "/r.drl:9: template \"late\" for email: late.email.pt-BR.txt:2: unknown"
				+ " placeholder {{trackingCode}}; known: carrier, customerId, estimatedDelivery, exceptionCode,"
				+ " fallbackFrom, fallbackReason, firstName, name, orderId, problem, promisedBy, shipBy,"
				+ " trackingNumber, unsubscribeUrl\n");
	}

	@Test
	void anEmailOrTaskTemplateWithoutItsSubjectLine() throws Exception {
		Files.writeString(work.resolve("templates/late.email.pt-BR.txt"), "Assunto: Pedido {{orderId}}\nAtrasou.\n");
		Files.writeString(work.resolve("templates/call.task.txt"), "{{! for editors }}\n\n  subject : Call {{name}}\n");
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"email\", \"late\" );\n"
				+ "        decide.outreach( \"order.late\", $o.getOrderId(), \"task\", \"call\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/r.drl:9: template \"late\" for email: late.email.pt-BR.txt:1: no"
				+ " \"Subject: ...\" line first, so the email would have no subject\n"
				+ rules + ": 1 error, the folder would be rejected\n");
	}

	@Test
	void durationsThatAreNotIso8601() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" )\n"
				+ "          .after( \"12h\" )\n          .maxTriggerAge( \"PT0S\" )\n          .dueWithin( \"P40000D\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/r.drl:10: .after(\"12h\") is not an ISO-8601 duration: write it as"
				+ " ISO-8601, e.g. PT12H (12 hours), PT30M (30 minutes), P2D (2 days)\n"
				+ rules + "/r.drl:11: .maxTriggerAge(\"PT0S\") must be longer than zero, e.g. PT12H\n"
				+ rules + "/r.drl:12: .dueWithin(\"P40000D\") is longer than 100 years (P36500D): a rule waits or looks"
				+ " back hours, days or months\n"
				+ rules + ": 3 errors, the folder would be rejected\n");
	}

	@Test
	void aNumberComparedWithTextInAConditionIsNamedAtItsLine() throws Exception {
		write("r.drl", HEADER + """
				rule "checked" @id("checked")
				when
				    $o : Order( open == true,
				                total > "abc" )
				then
				    decide.outreach( "order.late", $o.getOrderId(), "sms", "late" );
				end
				""");

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/r.drl:8: Order.total is a number (Double): compare it with a number,"
				+ " not the text \"abc\"; every event this rule looks at would fail it\n"
				+ rules + ": 1 error, the folder would be rejected\n");
	}

	@Test
	void aNumberComparedWithTextThatIsANumberIsLeftAlone() throws Exception {
		write("r.drl", HEADER + """
				rule "checked" @id("checked")
				when
				    $o : Order( total > "50", currency == "BRL" )
				then
				    decide.outreach( "order.late", $o.getOrderId(), "sms", "late" );
				end
				""");

		assertThat(validate()).isZero();
	}

	@Test
	void valuesAStepWouldRefuseEachTimeTheRuleFires() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" )\n"
				+ "          .dueWithin( \"-PT4H\" )\n          .holdout( 150 )\n          .hourlyCeiling( -5 )\n"
				+ "          .step( 0 )\n          .holdout( 0 ).hourlyCeiling( 20 ).step( 2 ).dueWithin( \"PT4H\" );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/r.drl:10: .dueWithin(\"-PT4H\") must be longer than zero, e.g. PT12H\n"
				+ rules + "/r.drl:11: .holdout(150): the share must be between 0 and 100\n"
				+ rules + "/r.drl:12: .hourlyCeiling(-5): give 1 or more messages per hour\n"
				+ rules + "/r.drl:13: .step(0): step must be 1 or more\n"
				+ rules + ": 4 errors, the folder would be rejected\n");
	}

	@Test
	void aNegativeWait() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" ).after( \"-PT4H\" );\n"
				+ "    decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" ).afterHours( -4 );\n"
				+ "    decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" ).afterHours( 0 );"));

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/r.drl:9: .after(\"-PT4H\") is negative: a wait is a length of time\n"
				+ rules + "/r.drl:10: .afterHours(-4) is negative: a wait is a length of time\n"
				+ rules + ": 2 errors, the folder would be rejected\n");
	}

	@Test
	void aNegativeWaitInADecisionTableIsNamedByRowAndColumn() throws Exception {
		write("t.drl.csv", """
				RuleSet,forewarn.tables,,
				Import,org.forewarn.customer.Shipment,,
				Variables,org.forewarn.rules.Decisions decide,,
				RuleTable Exceptions,,,
				NAME,CONDITION,ACTION,METADATA
				,$s : Shipment,,
				,"exceptionCode == ""$param""\","decide.outreach(""order.call"", $s.getOrderId(), ""task"", ""call"").afterHours($param);","id(""$param"")\"
				Rule,Code,Wait before sending (hours),Id
				lost,lost,0,lost
				customs,customs,-4,customs
				""");

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).startsWith(rules + "/t.drl.csv:10: column C \"Wait before sending (hours)\": .afterHours(-4)"
				+ " is negative: a wait is a length of time\n").endsWith(rules + ": 1 error, the folder would be rejected\n");
	}

	@Test
	void aHeldBackProblemNoRuleDecidesAndAProblemSentWithoutBeingHeldBackAreWarnings() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.lat\", $o.getOrderId(), \"sms\", \"late\" );"));

		assertThat(validate()).isZero();
		assertThat(err()).isEqualTo(settings + ":6: warning: forewarn.guardrails.open-ticket.problems lists"
				+ " \"order.late\", which no rule decides: correct or remove it (did you mean \"order.lat\"?) (the rules"
				+ " decide order.lat)\n"
				+ rules + "/r.drl:9: warning: problem \"order.lat\" goes out by sms but is not in"
				+ " forewarn.guardrails.open-ticket.problems: it is sent even while the customer has an open support"
				+ " ticket; add it there unless that is meant\n");
		assertThat(out()).endsWith(", 2 warnings\n");
	}

	@Test
	void aTaskNeedNotBeHeldBackAndComputedValuesAreLeftToRunTime() throws Exception {
		write("r.drl", rule("decide.outreach( \"order.late\", $o.getOrderId(), \"sms\", \"late\" );\n"
				+ "    decide.outreach( \"order.call\", $o.getOrderId(), \"task\", \"call\" );\n"
				+ "    decide.outreach( \"order.late\", $o.getOrderId(), $o.getCurrency(), \"late\" );"));

		assertThat(validate()).isZero();
		assertThat(err()).isEmpty();
	}

	@Test
	void aBadDecisionTableCellIsNamedByRowAndColumnAndOverlappingRowsAreAWarning() throws Exception {
		Files.copy(Path.of("config/templates/shipment_exception_address.email.txt"),
				work.resolve("templates/shipment_exception_address.email.txt"));
		Files.writeString(settings, Files.readString(settings).replace("[order.late]", "[shipment.exception]"));
		write("t.drl.csv", """
				RuleSet,forewarn.tables,,,
				Import,"org.forewarn.customer.Shipment, org.forewarn.customer.Order",,,
				Variables,org.forewarn.rules.Decisions decide,,,
				RuleTable Exceptions,,,,,
				NAME,CONDITION,CONDITION,ACTION,ACTION,METADATA
				,$s : Shipment,$s : Shipment,,,
				,"forall(||){exceptionCode == ""$""}","exceptionCode != null && forall(&&){exceptionCode != ""$""}","String channel = ""$param"";","decide.outreach(""shipment.exception"", $s.getOrderId(), channel, ""shipment_exception_address"");","id(""$param"")"
				Rule,Code is one of,Any code except,Channel,Action,Id
				address,"address_issue, customs",,emial,x,address
				others,,"address_issue, lost",email,x,others
				""");

		assertThat(validate()).isEqualTo(1);
		assertThat(err()).isEqualTo(rules + "/t.drl.csv:9: column D \"Channel\": channel \"emial\" does not exist:"
				+ " use email, sms or task (did you mean \"email\"?)\n"
				+ rules + "/t.drl.csv:10: warning: rows 9 and 10 both match Shipment.exceptionCode \"customs\": both"
				+ " rules fire and each decides its outreach; narrow one of them if only one should\n"
				+ rules + ": 1 error, the folder would be rejected\n");
	}

	private static String rule(String action) {
		return HEADER + """
				rule "checked" @id("checked")
				when
				    $o : Order( open == true )
				then
				    %s
				end
				""".formatted(action);
	}

	private void write(String file, String content) throws Exception {
		Files.writeString(rules.resolve(file), content);
	}

	private int validate() {
		return run.run(new String[] { rules.toString() }, RuleVocabulary.fromSettings(settings));
	}

	private String out() {
		return run.out();
	}

	private String err() {
		return run.err();
	}
}
