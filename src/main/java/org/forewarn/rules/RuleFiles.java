package org.forewarn.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.forewarn.shared.ByteOrderMark;
import org.forewarn.shared.StableId;

/**
 * The rule files of a folder ({@code .drl} and decision tables), in a stable order; {@code tests/} holds scenario
 * tests, not rules. The version also covers the folder's {@code thresholds.properties}.
 */
record RuleFiles(Path folder, List<Path> paths) {

	static final String TESTS_FOLDER = "tests/";

	static RuleFiles in(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new RuleBuildException(folder.toString(),
					List.of(new RuleError(folder.toString(), 0, "rules folder does not exist")));
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(folder)) {
			paths = walk.filter(Files::isRegularFile)
				.filter(p -> isRuleFile(p.getFileName().toString()))
				.filter(p -> !relative(folder, p).startsWith(TESTS_FOLDER))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list rules in " + folder, e);
		}
		if (paths.isEmpty()) {
			throw new RuleBuildException(folder.toString(),
					List.of(new RuleError(folder.toString(), 0, "no rule files (.drl, or decision tables .csv, .xls, .xlsx) found")));
		}
		return new RuleFiles(folder, paths);
	}

	static boolean isRuleFile(String name) {
		return name.endsWith(".drl") || DecisionTables.isTable(name);
	}

	/** A hash of the files' names and content: the same folder always loads as the same version. */
	String version() {
		MessageDigest sha = StableId.sha256();
		for (Path file : paths) {
			sha.update(relative(file).getBytes(StandardCharsets.UTF_8));
			sha.update(read(file));
		}
		Path thresholds = folder.resolve(Thresholds.FILE);
		if (Files.isRegularFile(thresholds)) {
			sha.update(Thresholds.FILE.getBytes(StandardCharsets.UTF_8));
			sha.update(read(thresholds));
		}
		return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
	}

	List<String> names() {
		return paths.stream().map(this::relative).toList();
	}

	String relative(Path file) {
		return relative(folder, file);
	}

	/** The file's bytes; a text file's without a byte order mark at its start (a spreadsheet's as they are). */
	byte[] read(Path file) {
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new RuleBuildException(folder.toString(),
					List.of(new RuleError(relative(file), 0, "cannot read: " + e.getMessage())));
		}
		return isText(file) ? ByteOrderMark.strip(content) : content;
	}

	/** Written by a person in an editor (DRL, a CSV table), so it must be UTF-8; not so a spreadsheet. */
	static boolean isText(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return !name.endsWith(".xls") && !name.endsWith(".xlsx");
	}

	private static String relative(Path folder, Path file) {
		return folder.relativize(file).toString().replace('\\', '/');
	}
}
