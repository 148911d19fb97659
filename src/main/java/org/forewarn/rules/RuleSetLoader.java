package org.forewarn.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.forewarn.shared.Utf8Text;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles a rules folder ({@code .drl} files and decision tables, subfolders included, {@code tests/} excluded) into
 * a {@link RuleSet}.
 * Builds on the MVEL path, where unknown fields and wrong types are reported with their line.
 */
public final class RuleSetLoader {

	private static final String RESOURCES = "src/main/resources/";
	private static final String NO_PACKAGE = "Parser returned a null Package";
	/** The DRL compiled from a decision table goes in beside it under the table's name plus this. */
	private static final String GENERATED = ".generated.drl";

	private final Clock clock;
	private final RuleContext context;

	/** Compiles and checks what the rule files say themselves (no channels, templates or settings). */
	public RuleSetLoader(Clock clock) {
		this(clock, RuleContext.FILES_ONLY);
	}

	/** Compiles and checks the rules against the channels, templates and settings in {@code context}. */
	public RuleSetLoader(Clock clock, RuleContext context) {
		this.clock = clock;
		this.context = context;
	}

	/** The version the folder would load as (a hash of its rule files), without compiling anything. */
	public String version(Path folder) {
		return RuleFiles.in(folder).version();
	}

	/**
	 * What the folder would load, from its files' sizes and modification times (nothing is read): when it differs
	 * from the one taken before the last load, a file changed since.
	 */
	public String fingerprint(Path folder) {
		return RuleFiles.fingerprint(folder);
	}

	/** Compiles and validates the folder; throws {@link RuleBuildException} listing every error. */
	public RuleSet load(Path folder) {
		return load(folder, true);
	}

	/**
	 * As {@link #load(Path)}; with {@code checksReject} false only compile errors reject the folder and what the
	 * checks find (a missing template...) becomes a warning: at start there are no earlier rules to keep running,
	 * and refusing to start would stop every message for the sake of one.
	 */
	public RuleSet load(Path folder, boolean checksReject) {
		RuleFiles files = RuleFiles.in(folder);
		String version = files.version();
		KieServices kie = KieServices.get();
		ReleaseId releaseId = kie.newReleaseId("org.forewarn", "rules", version);
		KieFileSystem kfs = kie.newKieFileSystem();
		kfs.generateAndWritePomXML(releaseId);
		Map<String, DecisionTables.Generated> tables = new HashMap<>();
		List<RuleError> errors = new ArrayList<>();
		List<RuleChecks.Source> sources = new ArrayList<>();
		for (Path file : files.paths()) {
			String name = files.relative(file);
			byte[] content = files.read(file);
			int notUtf8 = RuleFiles.isText(file) ? Utf8Text.firstLineNotUtf8(content) : 0;
			if (notUtf8 > 0) {
				errors.add(new RuleError(name, notUtf8, Utf8Text.NOT_UTF_8));
			}
			else if (DecisionTables.isTable(name)) {
				try {
					DecisionTables.Generated table = DecisionTables.toDrl(name, content);
					tables.put(name + GENERATED, table);
					kfs.write(RESOURCES + name + GENERATED, table.drl());
					sources.add(new RuleChecks.Source(name, table.drl(), table));
				}
				catch (RuleBuildException e) {
					errors.addAll(e.errors());
				}
			}
			else {
				String drl = new String(content, StandardCharsets.UTF_8);
				if (EmptyRuleFiles.definesNothing(drl)) {
					errors.add(new RuleError(name, 0, EmptyRuleFiles.MESSAGE));
					continue;
				}
				kfs.write(RESOURCES + name, content);
				sources.add(new RuleChecks.Source(name, drl, null));
			}
		}
		errors.addAll(build(kie, kfs, folder, tables, sources));
		Thresholds thresholds = Thresholds.read(folder, errors);
		RuleChecks.Findings findings = RuleChecks.check(sources, context, errors.isEmpty(), thresholds);
		List<RuleError> warnings = new ArrayList<>(findings.errors());
		if (checksReject) {
			errors.addAll(findings.errors());
			warnings.clear();
		}
		warnings.addAll(findings.warnings());
		if (!errors.isEmpty()) {
			throw new RuleBuildException(folder.toString(), errors, warnings);
		}
		KieBaseConfiguration configuration = kie.newKieBaseConfiguration();
		configuration.setOption(ConsequenceExceptionHandlerOption.get(RuleFailureHandler.class));
		// a rule set is replaced whole, never changed in place: a session then keeps its facts in a plain identity
		// map instead of a store by class, which every evaluation's reset built again
		configuration.setOption(KieBaseMutabilityOption.DISABLED);
		KieBase kieBase = kie.newKieContainer(releaseId).newKieBase(configuration);
		// the container keeps the compiled module; the global repository need not keep every version ever loaded
		kie.getRepository().removeKieModule(releaseId);
		return new RuleSet(kieBase, version, clock.instant(), files.names(), ruleNames(kieBase), ruleIds(kieBase),
				thresholds, warnings, findings.problems(), findings.everyProblemKnown());
	}

	private static List<RuleError> build(KieServices kie, KieFileSystem kfs, Path folder,
			Map<String, DecisionTables.Generated> tables, List<RuleChecks.Source> sources) {
		Map<String, String> drl = new HashMap<>();
		sources.stream().filter(s -> s.table() == null).forEach(s -> drl.put(s.file(), s.drl()));
		try {
			KieBuilder builder = kie.newKieBuilder(kfs).buildAll(DrlProject.class);
			RuleNames names = RuleNames.of(sources);
			List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR).stream()
				.filter(m -> !names.repeats(RuleError.compact(m.getText())))
				.toList();
			List<RuleError> errors = new ArrayList<>(names.errors());
			for (Message m : messages) {
				List<Message> same = messages.stream()
					.filter(o -> Objects.equals(o.getPath(), m.getPath()) && Objects.equals(o.getText(), m.getText()))
					.toList();
				errors.addAll(errors(m, same.indexOf(m), same.size(), tables, drl));
			}
			// after a syntax error the parser adds this for the same file; it says nothing new
			return errors.stream().filter(e -> !(e.message().equals(NO_PACKAGE)
					&& errors.stream().anyMatch(o -> o.file().equals(e.file()) && !o.message().equals(NO_PACKAGE))))
				.toList();
		}
		catch (RuntimeException e) {
			return List.of(new RuleError(folder.toString(), 0, RuleError.compact(String.valueOf(e.getMessage()))));
		}
	}

	/**
	 * The compiler's message in the rule file's words, the {@code nth} of {@code alike} messages with the same text:
	 * one error, or one per table row when it names a condition that several rows hold.
	 */
	private static List<RuleError> errors(Message message, int nth, int alike,
			Map<String, DecisionTables.Generated> tables, Map<String, String> drl) {
		String path = message.getPath() == null ? "?" : message.getPath().replaceFirst("^" + RESOURCES, "");
		String text = RuleError.compact(message.getText());
		DecisionTables.Generated table = tables.get(path);
		if (table != null) {
			List<Integer> lines = message.getLine() > 0 ? List.of(message.getLine())
					: table.linesOfCondition(text, nth, alike);
			return (lines.isEmpty() ? List.of(0) : lines).stream().map(line -> {
				RuleError row = table.locate(line, text);
				String column = ReadableErrors.column(table, row);
				return column == null ? row : new RuleError(row.file(), row.line(), column + ": correct this cell ("
						+ "Drools: " + row.message() + ")");
			}).toList();
		}
		RuleError error = new RuleError(path, message.getLine(), text);
		return List.of(drl.containsKey(path) ? ReadableErrors.explain(error, drl.get(path)) : error);
	}

	/** Each rule's id with its name, by id. */
	private static Map<String, String> ruleIds(KieBase kieBase) {
		Map<String, String> ids = new TreeMap<>();
		for (KiePackage pkg : kieBase.getKiePackages()) {
			for (Rule rule : pkg.getRules()) {
				ids.put(RuleIds.of(rule), rule.getName());
			}
		}
		return ids;
	}

	private static List<String> ruleNames(KieBase kieBase) {
		List<String> names = new ArrayList<>();
		for (KiePackage pkg : kieBase.getKiePackages()) {
			for (Rule rule : pkg.getRules()) {
				names.add(rule.getName());
			}
		}
		names.sort(null);
		return names;
	}
}
