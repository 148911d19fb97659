package org.forewarn.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.forewarn.replay.ReplayCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example in docs/holdout-example, small: its generator's events replayed with its settings show the
 * email about an order stuck in the warehouse lowering cancellations, and the late-parcel warning changing nothing.
 * Fails when the generator, the settings file, the rules it relies on or the report drift apart.
 */
class HoldoutExampleTest {

	private static final Path EXAMPLE = Path.of("docs/holdout-example");
	private static final String STUCK = "order-not-shipped-notice";
	private static final String LATE = "shipment-late-notice";
	private static final String PAYMENT = "payment-failed-soft";

	@TempDir
	Path work;

	@Test
	void theReplayShowsTheEffectTheGeneratorBuiltInAndNoneWhereItBuiltNone() throws Exception {
		Path events = work.resolve("events.jsonl");
		// small and fast: no customers without a problem, half held out, and a larger effect than the README's
		String generated = generate(events, "--customers", "400", "--seed", "7", "--on-time", "0", "--percent", "50",
				"--cancel-held-out", "0.5", "--cancel-contacted", "0.1");
		Path out = work.resolve("out");

		int exit = ReplayCommand.run(new String[] { events.toString(), "--out", out.toString(),
				"--spring.config.additional-location=file:" + EXAMPLE.resolve("holdout-example.yml"),
				"--forewarn.holdout.percent=50", "--forewarn.outcomes.min-per-group=50" });

		assertThat(exit).isZero();
		String summary = Files.readString(out.resolve("summary.txt"));
		assertThat(summary).contains("contacted against held out (window 30 days)", "is not evidence that outreach works");
		// the generator put exactly the customers in the holdout group that Forewarn held out
		Matcher stuck = Pattern.compile("stuck in the warehouse +(\\d+) \\(held out (\\d+)\\)").matcher(generated);
		assertThat(stuck.find()).as(generated).isTrue();
		int stuckCustomers = Integer.parseInt(stuck.group(1));
		int stuckHeldOut = Integer.parseInt(stuck.group(2));
		assertThat(summary).contains(String.format(Locale.ROOT, "%s (order.not_shipped): contacted %,d, held out %,d%n",
				STUCK, stuckCustomers - stuckHeldOut, stuckHeldOut));

		Interval cancelled = interval(summary, STUCK, "order cancelled");
		assertThat(cancelled.verdict()).isEqualTo("lower after outreach");
		assertThat(cancelled.high()).isNegative();
		Interval complaint = interval(summary, LATE, "complaint");
		assertThat(complaint.verdict()).isEqualTo("no difference shown");
		assertThat(complaint.low()).isNegative();
		assertThat(complaint.high()).isPositive();
		assertThat(summary).contains(PAYMENT + " (payment.failed): contacted ",
				"held out 0; not enough data yet: nobody was held out of this rule's outreach");
		assertThat(Files.readString(out.resolve("report.html"))).contains("nothing was really sent", STUCK, LATE);
	}

	record Interval(double low, double high, String verdict) {
	}

	/** The summary's line for one outcome of one rule: "order cancelled ... (95% -62.0 to -36.8): verdict". */
	private static Interval interval(String summary, String rule, String outcome) {
		int at = summary.indexOf("  " + rule + " (");
		assertThat(at).as("%s in %s", rule, summary).isNotNegative();
		Matcher line = Pattern.compile("\\n    " + Pattern.quote(outcome)
				+ " .*\\(95% ([-+]\\d+\\.\\d) to ([-+]\\d+\\.\\d)\\): ([a-z ]+)\\n").matcher(summary);
		assertThat(line.find(at)).as("%s of %s in %s", outcome, rule, summary).isTrue();
		return new Interval(Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2)), line.group(3));
	}

	/** Runs the generator as its README says, with the JDK running this test; returns what it printed about itself. */
	private static String generate(Path events, String... options) throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(),
				EXAMPLE.resolve("GenerateEvents.java").toString()));
		command.addAll(List.of(options));
		Path errors = events.resolveSibling("generator.txt");
		Process process = new ProcessBuilder(command).redirectOutput(events.toFile()).redirectError(errors.toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("generator finished").isTrue();
		String said = Files.readString(errors, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(said).isZero();
		return said;
	}
}
