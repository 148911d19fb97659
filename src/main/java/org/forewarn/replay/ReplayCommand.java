package org.forewarn.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.forewarn.outreach.RuleVocabulary;
import org.forewarn.rules.RuleContext;
import org.forewarn.rules.RuleSet;
import org.forewarn.rules.ValidateCommand;
import org.forewarn.shared.Suggestions;

/**
 * {@code replay EVENTS.jsonl --out DIR [--rules DIR] [--compare OTHER_RULES_DIR]}: the real rules over a file of
 * events in simulated time, on a throw-away in-memory database, with every channel recording only. Writes
 * {@code DIR/outreach.jsonl}, {@code DIR/summary.txt} and {@code DIR/report.html}; with {@code --compare}, replays
 * the same events with the other rules too ({@code DIR/compare/}) and lists the differences in
 * {@code DIR/changes.jsonl} and the report.
 */
public final class ReplayCommand {

	private static final String USAGE = "usage: replay EVENTS.jsonl --out DIR [--rules RULES_DIR] "
			+ "[--compare OTHER_RULES_DIR] [--warn-above PERCENT] [--on-time-problems PROBLEM,...] [--spring.setting=value ...]";
	private static final List<String> OPTIONS = List.of("--out", "--rules", "--compare", "--warn-above",
			"--on-time-problems");
	/** Spring Boot's own switches, which take no value. */
	private static final List<String> SPRING_SWITCHES = List.of("--debug", "--trace");
	/** A rule whose messages reach more than this share of all orders is flagged in the report. */
	static final double WARN_ABOVE_PERCENT = 10;
	/** The settings file the replay's engine reads, as the server's. */
	private static final Path SETTINGS = Path.of("config/application.yml");
	private static final Pattern PROBLEM_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

	private ReplayCommand() {
	}

	/** Runs the command; returns the process exit code. */
	public static int run(String[] args) {
		Path events = null;
		Path out = null;
		String compare = null;
		String warnAbove = String.valueOf(WARN_ABOVE_PERCENT);
		String onTimeProblems = String.join(",", VolumeWarnings.DEFAULT_ON_TIME_PROBLEMS);
		boolean problemsGiven = false;
		List<String> overrides = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--out" -> out = i + 1 < args.length ? Path.of(args[++i]) : null;
				case "--rules" -> overrides.add("--forewarn.rules=" + (i + 1 < args.length ? args[++i] : ""));
				case "--compare" -> compare = i + 1 < args.length ? args[++i] : "";
				case "--warn-above" -> warnAbove = i + 1 < args.length ? args[++i] : "";
				case "--on-time-problems" -> {
					onTimeProblems = i + 1 < args.length ? args[++i] : null;
					problemsGiven = true;
				}
				default -> {
					if (args[i].startsWith("--") && !args[i].contains("=") && !SPRING_SWITCHES.contains(args[i])) {
						System.err.println("replay: unknown option " + args[i]
								+ Suggestions.didYouMean(args[i], OPTIONS) + "; a setting is given as --name=value");
						System.err.println(USAGE);
						return 2;
					}
					if (args[i].startsWith("--")) {
						overrides.add(args[i]); // any Spring setting, e.g. --logging.level.org.forewarn=DEBUG
					}
					else {
						events = Path.of(args[i]);
					}
				}
			}
		}
		PrintStream console = System.out;
		if (events == null || out == null || (compare != null && compare.isBlank())) {
			System.err.println(USAGE);
			return 2;
		}
		double warnPercent;
		try {
			warnPercent = Double.parseDouble(warnAbove);
		}
		catch (NumberFormatException e) {
			warnPercent = Double.NaN;
		}
		if (!(warnPercent >= 0 && warnPercent <= 100)) {
			System.err.println("replay: --warn-above " + warnAbove + " is not a share of orders between 0 and 100");
			return 2;
		}
		Set<String> timingProblems = problems(onTimeProblems);
		if (timingProblems == null) {
			System.err.println("replay: --on-time-problems " + onTimeProblems + " is not a comma-separated list of "
					+ "problems such as shipment.late,order.not_shipped (or \"\" for none)");
			return 2;
		}
		VolumeWarnings warnings = new VolumeWarnings(warnPercent, timingProblems);
		if (!Files.isReadable(events) || Files.isDirectory(events)) {
			System.err.println("replay: cannot read events file " + events
					+ (Files.isDirectory(events) ? " (not a file)" : ""));
			return 2;
		}
		if (Files.exists(out) && !Files.isDirectory(out)) {
			System.err.println("replay: --out " + out + " is a file, not a folder for the results");
			return 2;
		}
		String refusal = ReplaySession.refusal(overrides);
		if (refusal != null) {
			System.err.println("replay: " + refusal);
			return 2;
		}
		if (compare != null && !Files.isDirectory(Path.of(compare))) {
			System.err.println("replay: --compare " + compare + " is not a rules folder");
			return 2;
		}
		List<RuleSet> checked = new ArrayList<>();
		int refused = refusedRules(SETTINGS, overrides, compare, checked);
		if (refused != 0) {
			return refused;
		}
		// only those named by hand: the default list stands for rules that may decide only some of them
		String undecided = problemsGiven ? undecided(timingProblems, checked.get(0)) : null;
		if (undecided != null) {
			System.err.println("replay: --on-time-problems " + undecided);
			return 2;
		}
		try {
			OrderHistory.Reading reading = OrderHistory.readAside(events);
			ReplaySummary base;
			try {
				base = replay(events, overrides, checked.get(0).version());
			}
			catch (IOException | RuntimeException | Error e) {
				reading.cancel();
				throw e;
			}
			OrderHistory history = reading.get();
			Files.createDirectories(out);
			ReplayOutput.clear(out); // a folder of an earlier run holds nothing this one did not write
			String figures = FiguresSection.text(history, base, null, warnings);
			ReplayOutput.write(out, base, figures);
			console.println(base.render());
			console.print(figures);
			ReplayComparison comparison = null;
			if (compare != null) {
				List<String> other = new ArrayList<>(overrides);
				other.removeIf(s -> s.startsWith("--forewarn.rules="));
				other.add("--forewarn.rules=" + compare);
				console.println("Replaying the same events with the rules in " + compare);
				comparison = ReplayComparison.of(base, replay(events, other, checked.get(1).version()));
				Files.createDirectories(out.resolve(ReplayOutput.COMPARE_FOLDER));
				ReplayOutput.write(out.resolve(ReplayOutput.COMPARE_FOLDER), comparison.other(),
						FiguresSection.text(history, comparison.other(), null, warnings));
				ReplayOutput.writeChanges(out, comparison);
				String compared = String.format("The rules in %s add %,d outreach records, remove %,d and decide %,d "
						+ "differently%n", compare, comparison.count(ReplayComparison.Kind.ADDED),
						comparison.count(ReplayComparison.Kind.REMOVED),
						comparison.count(ReplayComparison.Kind.CHANGED))
						+ FiguresSection.text(history, base, comparison, warnings);
				Files.writeString(out.resolve(ReplayOutput.COMPARISON_FILE), compared, StandardCharsets.UTF_8);
				console.print(compared);
			}
			Files.writeString(out.resolve(ReportHtml.FILE),
					ReportHtml.render(events, base, comparison, history, warnings), StandardCharsets.UTF_8);
			console.println("Wrote " + out.resolve(ReplayOutput.OUTREACH_FILE) + ", "
					+ out.resolve(ReplayOutput.SUMMARY_FILE) + " and " + out.resolve(ReportHtml.FILE)
					+ (comparison == null ? "" : ", " + out.resolve(ReplayOutput.CHANGES_FILE) + ", "
							+ out.resolve(ReplayOutput.COMPARISON_FILE) + " and "
							+ out.resolve(ReplayOutput.COMPARE_FOLDER) + "/"));
			return 0;
		}
		catch (IOException e) {
			System.err.println("replay: " + describe(e));
			return 1;
		}
	}

	/**
	 * 0 when the rules to replay, and those to compare, would load as {@code validate} and a reload load them; else
	 * what {@code validate} prints for each folder it would reject, and its exit code. Known before the first replay,
	 * not after it: a folder whose messages could not go out (a template misspelt) would otherwise look better.
	 */
	static int refusedRules(Path settings, List<String> overrides, String compare) {
		return refusedRules(settings, overrides, compare, new ArrayList<>());
	}

	/** As above; {@code checked} receives the rules checked: those to replay, then those to compare. */
	static int refusedRules(Path settings, List<String> overrides, String compare, List<RuleSet> checked) {
		RuleContext context;
		List<String> folders = new ArrayList<>();
		try {
			context = RuleVocabulary.fromSettings(settings, overrides);
			if (!Files.isRegularFile(settings)) {
				// started away from the folder that holds config/: its channels and templates are not known here
				System.err.println("replay: no " + settings + " in " + Path.of("").toAbsolutePath() + ": the rules"
						+ " are checked as files only, not against the channels and templates (a message whose"
						+ " template is not found ends FAILED)");
				context = RuleContext.FILES_ONLY;
			}
			folders.add(RuleVocabulary.rulesFolder(settings, overrides));
		}
		catch (RuleVocabulary.SettingsException e) {
			System.err.println("replay: " + e.getMessage() + "; the rules were not checked");
			return 2;
		}
		if (compare != null) {
			folders.add(compare);
		}
		Map<String, RuleSet> versions = new LinkedHashMap<>();
		List<String> rejected = new ArrayList<>();
		for (String folder : new LinkedHashSet<>(folders)) {
			RuleSet rules = ValidateCommand.check(folder, context, System.err);
			if (rules == null) {
				rejected.add(folder);
			}
			else {
				versions.put(folder, rules);
			}
		}
		if (rejected.isEmpty()) {
			folders.forEach(folder -> checked.add(versions.get(folder)));
			return 0;
		}
		System.err.println("replay: nothing replayed: validate and a reload would reject the rules in "
				+ String.join(" and ", rejected));
		return 1;
	}

	/** A file system's exception names the file and often nothing else: its kind says what went wrong. */
	static String describe(IOException e) {
		if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null
				&& f.getClass() != FileSystemException.class) {
			String kind = f.getClass().getSimpleName().replaceFirst("Exception$", "")
				.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
			return f.getFile() + ": " + kind;
		}
		return e.getMessage();
	}

	/**
	 * What to say of a problem asked about that the rules replayed never decide (a typo would switch the on-time
	 * warning off without a word); null when each is decided, or the rules compute some problem at run time.
	 */
	static String undecided(Set<String> asked, RuleSet rules) {
		if (!rules.everyProblemKnown()) {
			return null;
		}
		List<String> decided = new ArrayList<>(new TreeSet<>(rules.problems()));
		for (String problem : asked) {
			if (!rules.problems().contains(problem)) {
				return "names \"" + problem + "\", which no rule decides" + Suggestions.didYouMean(problem, decided)
						+ "; the rules decide " + String.join(", ", decided);
			}
		}
		return null;
	}

	/** The problems named in a comma-separated list; null when a name is not one a rule could decide. */
	private static Set<String> problems(String list) {
		if (list == null) {
			return null;
		}
		Set<String> problems = new TreeSet<>();
		for (String name : list.split(",")) {
			String problem = name.strip();
			if (problem.isEmpty()) {
				continue;
			}
			if (!PROBLEM_NAME.matcher(problem).matches()) {
				return null;
			}
			problems.add(problem);
		}
		return problems;
	}

	static ReplaySummary replay(Path events, List<String> settings) throws IOException {
		return replay(events, settings, null);
	}

	/**
	 * {@code checked}: the version of the rules checked before, or null; rules that changed since (a file edited or
	 * moved away meanwhile) are not replayed, as they were not checked.
	 */
	static ReplaySummary replay(Path events, List<String> settings, String checked) throws IOException {
		try (ReplaySession session = ReplaySession.start(settings);
				InputStream in = Files.newInputStream(events)) {
			if (checked != null && !checked.equals(session.ruleVersion())) {
				throw new IOException("nothing replayed: the rules in " + session.rulesFolder() + " changed after they"
						+ " were checked (version " + checked + " checked, " + session.ruleVersion() + " loaded); replay"
						+ " again once no one is changing them");
			}
			return new ReplayRun(session).replay(in, TextLines.count(events), System.err);
		}
	}
}
