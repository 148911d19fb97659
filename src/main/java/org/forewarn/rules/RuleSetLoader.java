package org.forewarn.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.forewarn.shared.StableId;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** Compiles every {@code .drl} file of a folder (subfolders included, {@code tests/} excluded) into a {@link RuleSet}. */
public final class RuleSetLoader {

	private final Clock clock;

	public RuleSetLoader(Clock clock) {
		this.clock = clock;
	}

	public RuleSet load(Path folder) {
		List<Path> files = ruleFiles(folder);
		if (files.isEmpty()) {
			throw new RuleBuildException(folder.toString(),
					List.of(new RuleError(folder.toString(), 0, "no .drl files found")));
		}
		String version = version(folder, files);
		KieServices kie = KieServices.get();
		ReleaseId releaseId = kie.newReleaseId("org.forewarn", "rules", version);
		KieFileSystem kfs = kie.newKieFileSystem();
		kfs.generateAndWritePomXML(releaseId);
		for (Path file : files) {
			kfs.write("src/main/resources/" + relative(folder, file), read(file));
		}
		KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
		List<RuleError> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
			.map(m -> new RuleError(m.getPath() == null ? "?" : m.getPath().replaceFirst("^src/main/resources/", ""),
					m.getLine(), m.getText().strip()))
			.toList();
		if (!errors.isEmpty()) {
			throw new RuleBuildException(folder.toString(), errors);
		}
		KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
		return new RuleSet(kieBase, version, clock.instant(),
				files.stream().map(f -> relative(folder, f)).toList(), ruleNames(kieBase));
	}

	private static List<Path> ruleFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new RuleBuildException(folder.toString(),
					List.of(new RuleError(folder.toString(), 0, "rules folder does not exist")));
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().endsWith(".drl"))
				.filter(p -> !relative(folder, p).startsWith("tests/"))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list rules in " + folder, e);
		}
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

	private static String version(Path folder, List<Path> files) {
		MessageDigest sha = StableId.sha256();
		for (Path file : files) {
			sha.update(relative(folder, file).getBytes(StandardCharsets.UTF_8));
			sha.update(read(file));
		}
		return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
	}

	private static String relative(Path folder, Path file) {
		return folder.relativize(file).toString().replace('\\', '/');
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read rule file " + file, e);
		}
	}
}
