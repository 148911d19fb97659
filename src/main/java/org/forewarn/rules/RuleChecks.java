package org.forewarn.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.forewarn.shared.Suggestions;

/**
 * What can be known about the rules before they run, beyond compiling: channel names, templates and their
 * placeholders, durations, problem codes the settings name, overlapping decision-table rows.
 * <p>
 * Reads each rule's action as Drools' own parser hands it over (the text, with its line), not the compiled rules: a
 * compiled action is generated code whose arguments cannot be read back, and a message must point at the line a
 * person wrote. Values computed at run time ({@code $o.getChannel()}) cannot be checked and are left alone.
 */
final class RuleChecks {

	/** Channels that reach the customer directly: their problems should be held back while a ticket is open. */
	private static final Set<String> TO_CUSTOMER = Set.of("email", "sms");
	private static final String HELD_BACK = "forewarn.guardrails.open-ticket.problems";

	/** One file's rules as DRL; {@code table} when the DRL was generated from a decision table. */
	record Source(String file, String drl, DecisionTables.Generated table) {

		/** The file as the DRL parser reads it; null when it does not parse (the compiler reports it then). */
		PackageDescr parsed() {
			DrlParser parser = new DrlParser();
			try {
				PackageDescr pkg = parser.parse(false, drl);
				return parser.hasErrors() ? null : pkg;
			}
			catch (DroolsParserException e) {
				return null;
			}
		}
	}

	/**
	 * Errors reject the folder; warnings are printed and shown, the folder still loads. {@code problems}: the problem
	 * codes the rules decide by a literal name; {@code everyProblemKnown} false when some rule computes one at run time.
	 */
	record Findings(List<RuleError> errors, List<RuleError> warnings, Set<String> problems, boolean everyProblemKnown) {
	}

	private final RuleContext context;
	private final List<RuleError> errors = new ArrayList<>();
	private final List<RuleError> warnings = new ArrayList<>();
	/** Problem codes with a literal name, each with where it is first decided and the channels it goes out on. */
	private final Map<String, Use> problems = new LinkedHashMap<>();
	private boolean everyProblemKnown = true;
	/** Ids are checked once the folder compiles: until then the compiler's errors come first. */
	private boolean compiled;

	private record Use(RuleError at, Set<String> channels) {
	}

	private final IdentityChecks identity;

	private RuleChecks(RuleContext context, Thresholds thresholds) {
		this.context = context;
		this.identity = new IdentityChecks(thresholds, errors);
	}

	/** {@code compiled}: false when the folder has compile errors; settings are then not checked against it. */
	static Findings check(List<Source> sources, RuleContext context, boolean compiled, Thresholds thresholds) {
		RuleChecks checks = new RuleChecks(context, thresholds);
		checks.everyProblemKnown = compiled;
		checks.compiled = compiled;
		for (Source source : sources) {
			checks.file(source);
			if (source.table() != null) {
				checks.warnings.addAll(TableOverlaps.find(source.table()));
			}
		}
		checks.problemCodes();
		if (compiled) {
			checks.warnings.addAll(checks.identity.unusedThresholds());
		}
		return new Findings(List.copyOf(checks.errors), List.copyOf(checks.warnings),
				Collections.unmodifiableSortedSet(new TreeSet<>(checks.problems.keySet())), checks.everyProblemKnown);
	}

	private void file(Source source) {
		identity.thresholdUses(source);
		PackageDescr pkg = source.parsed();
		if (pkg == null) {
			everyProblemKnown = false; // the compiler reports the file; what it decides is unknown
			return;
		}
		errors.addAll(ConditionLiterals.in(source, pkg));
		boolean tableDecides = source.table() != null && !DecideCalls.in(source.drl()).isEmpty();
		for (RuleDescr rule : pkg.getRules()) {
			if (compiled) {
				identity.id(source, rule);
			}
			String action = String.valueOf(rule.getConsequence());
			int actionLine = actionLine(source.drl(), rule, action);
			if (tableDecides && DecideCalls.in(action).isEmpty()) {
				rowDecidingNothing(source.table(), rule);
			}
			boolean matchOnTrigger = TriggerWakeups.matchOnTrigger(rule);
			for (DecideCalls.Call call : DecideCalls.in(action)) {
				Located at = new Located(source, actionLine, action);
				decision(call, at);
				if (matchOnTrigger && call.method().equals("wakeAtWhileAsked")) {
					warnings.add(at.error(call.offset(), null, "rule \"" + rule.getName() + "\" matches on what its "
							+ "trigger is (its type, order, id or data), so the customer's next event, which it does not "
							+ "match, withdraws what decide.wakeAtWhileAsked asks for: use decide.wakeAt, which always "
							+ "fires"));
				}
			}
		}
	}

	/** A table row whose action cells are empty or cut short: the rule it makes would decide nothing. */
	private void rowDecidingNothing(DecisionTables.Generated table, RuleDescr rule) {
		RuleError row = table.locate(rule.getLine(), "");
		List<String> empty = TableRows.emptyActions(table, row.line());
		errors.add(new RuleError(row.file(), row.line(), (empty.isEmpty() ? "the action cells"
				: String.join(", ", empty)) + ": empty, so rule \"" + rule.getName() + "\" would decide nothing;"
				+ " fill in what the row's action needs"));
	}

	/** Turns an offset in a rule's action into a location in its file (a table's row and column). */
	private record Located(Source source, int actionLine, String action) {

		RuleError error(int offset, String cellValue, String message) {
			int line = actionLine + (int) action.substring(0, offset).chars().filter(c -> c == '\n').count();
			if (source.table() == null) {
				return new RuleError(source.file(), line, message);
			}
			RuleError row = source.table().locate(line, message);
			String column = cellValue == null ? null : source.table().column(row.line(), cellValue);
			return new RuleError(row.file(), row.line(), column == null ? message : column + ": " + message);
		}
	}

	private void decision(DecideCalls.Call call, Located at) {
		String action = at.action();
		if (call.method().equals("outreach") || call.method().equals("problem")) {
			String problem = call.known(0, action);
			if (problem == null) {
				everyProblemKnown = false;
			}
			String channel = call.method().equals("outreach") ? call.known(2, action) : null;
			if (problem != null) {
				Use use = problems.computeIfAbsent(problem,
						p -> new Use(at.error(call.offset(), p, ""), new TreeSet<>()));
				if (channel != null) {
					use.channels().add(channel);
				}
			}
		}
		if (call.method().equals("outreach")) {
			String channel = call.known(2, action);
			String template = call.known(3, action);
			boolean channelOk = channel == null || channel(channel, call.offset(), at);
			List<String> own = List.of();
			if (channelOk && channel != null && template != null && context.templates() != null) {
				own = context.templates().problems(template, channel);
				for (String problem : own) {
					errors.add(at.error(call.offset(), template, problem));
				}
			}
			RuleFallback fallback = RuleFallback.of(call, action);
			// a template that does not render on its own channel is an error, and such a send does not fall back
			if (channelOk && channel != null && template != null && own.isEmpty() && context.fallbacks() != null
					&& fallback.known()) {
				for (String problem : context.fallbacks().problems(template, channel, fallback.channels())) {
					warnings.add(at.error(call.offset(), template, problem));
				}
			}
		}
		for (DecideCalls.Call chained : call.chained()) {
			switch (chained.method()) {
				case "after", "maxTriggerAge", "dueWithin" -> duration(chained, at);
				case "afterHours", "holdout", "hourlyCeiling", "step" -> {
					String problem = WrittenNumbers.problem(chained);
					if (problem != null) {
						errors.add(at.error(chained.offset(), chained.args().get(0).strip(), problem));
					}
				}
				case "fallback" -> {
					for (int i = 0; i < chained.args().size(); i++) {
						String channel = chained.known(i, action);
						if (channel != null) {
							channel(channel, chained.offset(), at);
						}
					}
				}
				default -> {
				}
			}
		}
	}

	/**
	 * The channels an outreach call's {@code .fallback(...)} names, empty after {@code .noFallback()} (the last of them
	 * counts); {@code channels} null when it has neither (the configured chain then), {@code known} false when a
	 * channel is not written in the rule.
	 */
	private record RuleFallback(boolean known, List<String> channels) {

		static RuleFallback of(DecideCalls.Call call, String action) {
			List<String> chain = null;
			for (DecideCalls.Call chained : call.chained()) {
				if (chained.method().equals("noFallback")) {
					chain = List.of();
				}
				if (chained.method().equals("fallback")) {
					chain = new ArrayList<>();
					for (int i = 0; i < chained.args().size(); i++) {
						String channel = chained.known(i, action);
						if (channel == null) {
							return new RuleFallback(false, null);
						}
						chain.add(channel.strip());
					}
				}
			}
			return new RuleFallback(true, chain);
		}
	}

	private boolean channel(String channel, int offset, Located at) {
		if (!context.knowsChannels() || context.channels().contains(channel)) {
			return true;
		}
		List<String> known = new ArrayList<>(new TreeSet<>(context.channels()));
		errors.add(at.error(offset, channel, "channel \"" + channel + "\" does not exist: use "
				+ Suggestions.oneOf(known) + Suggestions.didYouMean(channel, known)));
		return false;
	}

	private void duration(DecideCalls.Call call, Located at) {
		String text = call.known(0, at.action());
		if (text == null) {
			return;
		}
		String written = "." + call.method() + "(\"" + text + "\")";
		try {
			Duration duration = Duration.parse(text);
			boolean mustBePositive = call.method().equals("maxTriggerAge") || call.method().equals("dueWithin");
			if (mustBePositive && (duration.isZero() || duration.isNegative())) {
				errors.add(at.error(call.offset(), text, written + " must be longer than zero, e.g. PT12H"));
			}
			else if (call.method().equals("after") && duration.isNegative()) {
				errors.add(at.error(call.offset(), text, written + WrittenNumbers.NEGATIVE_WAIT));
			}
			else if (Thresholds.tooLong(duration)) {
				errors.add(at.error(call.offset(), text, written + Thresholds.TOO_LONG));
			}
		}
		catch (DateTimeParseException e) {
			errors.add(at.error(call.offset(), text, written + " is not an ISO-8601 duration: write it as ISO-8601, "
					+ "e.g. PT12H (12 hours), PT30M (30 minutes), P2D (2 days)"));
		}
	}

	/**
	 * Warnings both ways: the open-ticket list naming a problem no rule decides (a typo, or a rule since removed; a
	 * folder holding only some of the rules is fine), and a problem sent to customers that the list lacks.
	 */
	private void problemCodes() {
		if (context.heldBackAt() == null) {
			return;
		}
		if (everyProblemKnown) {
			for (String held : context.heldBack()) {
				if (!problems.containsKey(held)) {
					List<String> decided = new ArrayList<>(new TreeSet<>(problems.keySet()));
					warnings.add(new RuleError(context.heldBackAt().file(), context.heldBackAt().line(), HELD_BACK
							+ " lists \"" + held + "\", which no rule decides: correct or remove it"
							+ Suggestions.didYouMean(held, decided) + " (the rules decide " + String.join(", ", decided)
							+ ")"));
				}
			}
		}
		problems.forEach((problem, use) -> {
			List<String> direct = use.channels().stream().filter(TO_CUSTOMER::contains).toList();
			if (!direct.isEmpty() && !context.heldBack().contains(problem)) {
				warnings.add(new RuleError(use.at().file(), use.at().line(), "problem \"" + problem + "\" goes out by "
						+ String.join(" and ", direct) + " but is not in " + HELD_BACK
						+ ": it is sent even while the customer has an open support ticket; add it there unless that"
						+ " is meant"));
			}
		});
	}

	private static int actionLine(String drl, RuleDescr rule, String action) {
		int thenLine = rule.getConsequenceLine();
		int from = 0;
		for (int line = 1; line < thenLine && from >= 0; line++) {
			from = drl.indexOf('\n', from) + 1;
		}
		int at = from < 0 ? -1 : drl.indexOf(action.strip(), from);
		if (at < 0) {
			return thenLine + 1;
		}
		return 1 + (int) drl.substring(0, at).chars().filter(c -> c == '\n').count();
	}
}
