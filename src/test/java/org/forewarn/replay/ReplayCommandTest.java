package org.forewarn.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.forewarn.outreach.RuleVocabulary;
import org.forewarn.rules.RuleSet;
import org.forewarn.rules.ValidateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backtest command: the real rules over a file in event time, timers firing between events. */
class ReplayCommandTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** A customer who may be emailed, and an order of theirs promised for 2017-10-10. */
	private static final String CUSTOMER = event("c1-p", "customer.updated", "2017-10-01T10:00:00-03:00", "c1", null,
			"{\"email\":\"c1@x.example\",\"consent\":{\"email\":true}}");
	private static final String ORDER_PLACED = event("o1-p", "order.placed", "2017-10-01T10:00:00-03:00", "c1", "o1",
			"{\"promisedBy\":\"2017-10-10T00:00:00-03:00\"}");

	@TempDir
	Path work;

	@Test
	void writesEveryOutreachWithItsFinalStatusAndASummary() throws Exception {
		Path events = work.resolve("events.jsonl");
		Files.write(events, List.of(
				CUSTOMER,
				// late: still not delivered one day before the promise
				ORDER_PLACED,
				event("o2-p", "order.placed", "2017-10-01T11:00:00-03:00", "c1", "o2",
						"{\"promisedBy\":\"2017-10-10T00:00:00-03:00\"}"),
				"this line is not JSON",
				// on time: delivered before the check, so nothing is sent about o2
				event("o2-d", "order.delivered", "2017-10-05T09:00:00-03:00", "c1", "o2", "{}"),
				event("o1-d", "order.delivered", "2017-10-12T09:00:00-03:00", "c1", "o1", "{}")));
		Path out = work.resolve("out");

		// a log level of the caller's replaces the replay's own, rather than being joined to it into no level
		int exit = ReplayCommand.run(new String[] { events.toString(), "--out", out.toString(),
				"--forewarn.guardrails.quiet-hours.email=22:00-07:00", "--logging.level.org.forewarn=INFO" });

		assertThat(exit).isZero();
		List<String> lines = Files.readAllLines(out.resolve("outreach.jsonl"));
		assertThat(lines).hasSize(1);
		JsonNode record = JSON.readTree(lines.get(0));
		assertThat(record.get("orderId").asString()).isEqualTo("o1");
		assertThat(record.get("problem").asString()).isEqualTo("shipment.late");
		assertThat(record.get("status").asString()).isEqualTo("SENT");
		// due a day before the promise (03:00 UTC, inside the email quiet hours for a customer without a zone):
		// moved to the last minute before the quiet hours, because the rule says "not later than" that
		assertThat(record.get("sentAt").asString()).isEqualTo("2017-10-08T21:59:00Z");
		String summary = Files.readString(out.resolve("summary.txt"));
		assertThat(summary).contains("Replayed 6 lines", "rejected 1", "shipment.late", "SENT",
				"went out 1 (sent or delivered 1, tasks opened 0), suppressed 0",
				// o1's promise check and its send; o2's promise check was withdrawn when it was delivered
				"timers fired 2, still pending at the end 0");
	}

	@Test
	void aLineDatedAfterTheClockIsRejectedAndTheOthersReplayAsWithoutIt() throws Exception {
		Path events = work.resolve("events.jsonl");
		Files.write(events, List.of(
				CUSTOMER,
				ORDER_PLACED,
				// 2017 typed as 2197: replayed, the clock would jump there and the send below would be stale
				event("o9-p", "order.paid", "2197-10-02T10:00:00-03:00", "c2", "o9", "{}"),
				event("o1-d", "order.delivered", "2017-10-12T09:00:00-03:00", "c1", "o1", "{}")));
		Path out = work.resolve("out");

		Run run = run(events.toString(), "--out", out.toString());

		assertThat(run.exit()).isZero();
		assertThat(run.errors()).contains("line 3: time: 2197-10-02T10:00:00-03:00 is ahead of this server's clock",
				"by more than forewarn.intake.max-clock-skew (PT5M)");
		assertThat(JSON.readTree(Files.readAllLines(out.resolve("outreach.jsonl")).get(0)).get("status").asString())
			.isEqualTo("SENT");
		assertThat(Files.readString(out.resolve("summary.txt"))).contains("accepted 3", "rejected 1",
				"up to 2017-10-12T12:00:00Z");
	}

	@Test
	void aFileWithoutAnEventItCouldProcessSaysSoRatherThanAnEventTime() throws Exception {
		Path events = work.resolve("events.jsonl");
		Files.write(events, List.of("{not json"));
		Path out = work.resolve("out");

		Run run = run(events.toString(), "--out", out.toString());

		assertThat(run.exit()).isZero();
		assertThat(Files.readString(out.resolve("summary.txt")))
			.contains("Replayed 1 lines in ", "up to no event (none was accepted)", "rejected 1").doesNotContain("1970");
		assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("1970");
	}

	@Test
	void readsAFileAsOtherToolsSaveItAndNamesTheLineThatIsNotText() throws Exception {
		String events = String.join("\r\n",
				event("o1-p", "order.placed", "2017-10-01T10:00:00-03:00", "c1", "o1", "{}"),
				"\u0000", // replaced by a byte that is not UTF-8 below
				event("o1-d", "order.delivered", "2017-10-05T09:00:00-03:00", "c1", "o1", "{}")) + "\r\n";
		byte[] bytes = ("\uFEFF" + events).getBytes(StandardCharsets.UTF_8);
		bytes[indexOf(bytes, (byte) 0)] = (byte) 0xFF;
		Path file = Files.write(work.resolve("saved-on-windows.jsonl"), bytes);
		Path out = work.resolve("out");

		Run run = run(file.toString(), "--out", out.toString());

		assertThat(run.exit()).isZero();
		assertThat(run.errors()).contains("line 2: event: not UTF-8 text");
		assertThat(Files.readString(out.resolve("summary.txt"))).contains("Replayed 3 lines", "accepted 2",
				"rejected 1");
	}

	private static int indexOf(byte[] bytes, byte wanted) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		throw new IllegalArgumentException("no such byte");
	}

	@Test
	void explainsHowToCallItWhenArgumentsAreMissing() {
		assertThat(ReplayCommand.run(new String[] { "events.jsonl" })).isEqualTo(2);
	}

	@Test
	void aMisspeltOptionIsNamedWithTheOneMeant() {
		Run run = run("events.jsonl", "--out", "out", "--comapre", "other-rules");

		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.errors()).contains("replay: unknown option --comapre (did you mean \"--compare\"?); a setting is "
				+ "given as --name=value");
	}

	@Test
	void anEarlierRunsComparisonDoesNotStayBesideANewRun() throws Exception {
		Path events = Files.write(work.resolve("events.jsonl"), List.of(CUSTOMER, ORDER_PLACED));
		Path out = Files.createDirectories(work.resolve("out"));
		Files.writeString(out.resolve("comparison.txt"), "from an earlier run");
		Files.writeString(out.resolve("changes.jsonl"), "{}");
		Files.createDirectories(out.resolve("compare"));
		Files.writeString(out.resolve("compare/outreach.jsonl"), "{}");

		assertThat(ReplayCommand.run(new String[] { events.toString(), "--out", out.toString() })).isZero();

		assertThat(out.resolve("comparison.txt")).doesNotExist();
		assertThat(out.resolve("changes.jsonl")).doesNotExist();
		assertThat(out.resolve("compare")).doesNotExist();
		assertThat(out.resolve("outreach.jsonl")).exists();
	}

	@Test
	void refusesAnOnTimeProblemListThatNamesNoProblem() {
		Run run = run("events.jsonl", "--out", "out", "--on-time-problems", "shipment.late,churn risk");

		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.errors())
			.contains("--on-time-problems shipment.late,churn risk is not a comma-separated list of problems");
		assertThat(run("events.jsonl", "--out", "out", "--on-time-problems").exit()).isEqualTo(2);
	}

	@Test
	void refusesASettingThatWouldChangeWhatAReplayMustBe() throws Exception {
		Path events = Files.writeString(work.resolve("events.jsonl"), "");

		Run run = run(events.toString(), "--out", work.resolve("out").toString(),
				"--forewarn.channels.recordOnly=false");

		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.errors()).contains("replay: forewarn.channels.record-only is set by the replay itself");
		assertThat(work.resolve("out")).doesNotExist();
	}

	@Test
	void refusesAFolderForEventsAndAFileForResultsBeforeReplayingAnything() throws Exception {
		Path events = Files.writeString(work.resolve("events.jsonl"), "");
		Path file = Files.writeString(work.resolve("results"), "");

		Run folderGiven = run(work.toString(), "--out", work.resolve("out").toString());
		Run fileGiven = run(events.toString(), "--out", file.toString());

		assertThat(folderGiven.exit()).isEqualTo(2);
		assertThat(folderGiven.errors()).contains("replay: cannot read events file " + work + " (not a file)");
		assertThat(fileGiven.exit()).isEqualTo(2);
		assertThat(fileGiven.errors()).contains("replay: --out " + file + " is a file, not a folder for the results");
	}

	@Test
	void rulesToCompareThatDoNotCompileAreNamedBeforeAnythingIsReplayed() throws Exception {
		Path events = Files.writeString(work.resolve("events.jsonl"),
				event("o1-p", "order.placed", "2017-10-01T10:00:00-03:00", "c1", "o1", "{}") + "\n");
		Path other = Files.createDirectories(work.resolve("changed-rules"));
		Files.writeString(other.resolve("broken.drl"), "package forewarn.broken\n\nrule \"x\"\nwhen\nthen\n    nope();\nend\n");
		Path out = work.resolve("out");

		Run run = run(events.toString(), "--out", out.toString(), "--compare", other.toString());

		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.errors()).contains(other + "/broken.drl:6:",
				"replay: nothing replayed: validate and a reload would reject the rules in " + other);
		assertThat(out).as("nothing replayed").doesNotExist();
	}

	@Test
	void rulesThatValidateWouldRejectAreRefusedInItsWordsWhetherReplayedOrCompared() throws Exception {
		Path events = Files.writeString(work.resolve("events.jsonl"), CUSTOMER + "\n" + ORDER_PLACED + "\n");
		// both compile; the checks find a template without a file and a channel that does not exist
		Path misspeltTemplate = rulesWith("misspelt-template", "\"order_not_shipped\" );", "\"order_not_shiped\" );");
		Path misspeltChannel = rulesWith("misspelt-channel", "\"email\", \"order_not_shipped\"",
				"\"emial\", \"order_not_shipped\"");
		Path out = work.resolve("out");

		Run compared = run(events.toString(), "--out", out.toString(), "--compare", misspeltTemplate.toString());
		Run replayed = run(events.toString(), "--out", out.toString(), "--rules", misspeltChannel.toString());

		assertThat(compared.exit()).isEqualTo(1);
		assertThat(compared.errors()).contains(validate(misspeltTemplate),
				misspeltTemplate + "/orders.drl:29: template \"order_not_shiped\" for email has no file");
		assertThat(replayed.exit()).isEqualTo(1);
		assertThat(replayed.errors()).contains(validate(misspeltChannel),
				misspeltChannel + "/orders.drl:29: channel \"emial\" does not exist");
		assertThat(out).as("nothing replayed").doesNotExist();
	}

	@Test
	void anOnTimeProblemNoRuleDecidesIsRefused() throws Exception {
		Path events = work.resolve("events.jsonl");
		Files.write(events, List.of(CUSTOMER, ORDER_PLACED));
		Path out = work.resolve("out");
		PrintStream err = System.err;
		var captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = ReplayCommand.run(new String[] { events.toString(), "--out", out.toString(),
					"--on-time-problems", "shipment.lte" });
		}
		finally {
			System.setErr(err);
		}

		assertThat(exit).isEqualTo(2);
		assertThat(captured.toString(StandardCharsets.UTF_8)).contains("replay: --on-time-problems names"
				+ " \"shipment.lte\", which no rule decides (did you mean \"shipment.late\"?)");
		assertThat(out).as("nothing replayed").doesNotExist();
	}

	/** The rules replayed are the rules checked: a folder changed between the check and the replay is not replayed. */
	@Test
	void rulesChangedAfterTheyWereCheckedAreNotReplayed() throws Exception {
		Path rules = rulesWith("checked", "\"order_not_shipped\" );", "\"order_not_shipped\" );");
		List<String> overrides = List.of("--forewarn.rules=" + rules);
		List<RuleSet> checked = new ArrayList<>();
		assertThat(ReplayCommand.refusedRules(Path.of("config/application.yml"), overrides, null, checked)).isZero();
		assertThat(checked).hasSize(1);
		Files.delete(rules.resolve("thresholds.properties")); // as someone still editing the folder
		Path events = work.resolve("events.jsonl");
		Files.write(events, List.of(CUSTOMER, ORDER_PLACED));

		assertThatThrownBy(() -> ReplayCommand.replay(events, overrides, checked.get(0).version()))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("changed after they were checked (version " + checked.get(0).version() + " checked");
	}

	/**
	 * Started away from the folder that holds config/, a replay cannot know the channels and templates: it checks the
	 * rule files alone and replays (a message without its template fails), as it did before it checked them.
	 */
	@Test
	void awayFromTheSettingsTheRulesAreCheckedAsFilesOnly() throws Exception {
		Path misspeltTemplate = rulesWith("away", "\"order_not_shipped\" );", "\"order_not_shiped\" );");
		Path noSettings = work.resolve("elsewhere/config/application.yml");
		List<String> overrides = List.of("--forewarn.rules=" + misspeltTemplate);
		PrintStream err = System.err;
		var captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			assertThat(ReplayCommand.refusedRules(noSettings, overrides, null)).isZero();
			assertThat(ReplayCommand.refusedRules(Path.of("config/application.yml"), overrides, null))
				.as("with the settings, refused").isEqualTo(1);
		}
		finally {
			System.setErr(err);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).contains("replay: no " + noSettings + " in ",
				"the rules are checked as files only");
	}

	/** The shipped rules (without their tests) with {@code orders.drl} changed. */
	private Path rulesWith(String name, String text, String replacement) throws Exception {
		Path folder = Files.createDirectories(work.resolve(name));
		try (var files = Files.list(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, folder.resolve(file.getFileName()));
			}
		}
		Path orders = folder.resolve("orders.drl");
		String drl = Files.readString(orders);
		assertThat(drl).contains(text);
		Files.writeString(orders, drl.replace(text, replacement));
		return folder;
	}

	/** What {@code validate} prints on standard error for the folder. */
	private static String validate(Path folder) {
		var captured = new ByteArrayOutputStream();
		PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8);
		assertThat(ValidateCommand.run(new String[] { folder.toString() }, err, err,
				RuleVocabulary.fromSettings(Path.of("config/application.yml")))).isEqualTo(1);
		return captured.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aFileSystemErrorSaysWhatWentWrongBesidesTheFile() {
		assertThat(ReplayCommand.describe(new AccessDeniedException("out/report.html")))
			.isEqualTo("out/report.html: access denied");
		assertThat(ReplayCommand.describe(new FileSystemException("out", null, "Read-only file system")))
			.isEqualTo("out: Read-only file system");
		assertThat(ReplayCommand.describe(new FileSystemException("a", "b", null))).isEqualTo("a -> b");
	}

	/** The command's exit code and what it printed on standard error. */
	private record Run(int exit, String errors) {
	}

	private static Run run(String... args) {
		PrintStream err = System.err;
		var captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			return new Run(ReplayCommand.run(args), captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setErr(err);
		}
	}

	private static String event(String id, String type, String time, String customer, String order, String data) {
		return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + time + "\",\"customerId\":\"" + customer
				+ "\"" + (order == null ? "" : ",\"orderId\":\"" + order + "\"") + ",\"data\":" + data + "}";
	}
}
