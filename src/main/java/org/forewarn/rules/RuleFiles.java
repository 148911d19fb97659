package org.forewarn.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.forewarn.shared.ByteOrderMark;
import org.forewarn.shared.StableId;

/**
 * The rule files of a folder ({@code .drl} and decision tables), in a stable order; {@code tests/} holds scenario
 * tests, not rules. The version also covers the folder's {@code thresholds.properties}.
 */
record RuleFiles(Path folder, List<Path> paths) {

	static final String TESTS_FOLDER = "tests/";
	private static final String NO_FOLDER_SEEN = "no folder";

	static RuleFiles in(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new RuleBuildException(folder.toString(),
					List.of(new RuleError(folder.toString(), 0, RuleBuildException.NO_FOLDER)));
		}
		List<RuleError> unreadable = new ArrayList<>();
		List<Path> paths = list(folder, unreadable);
		if (!unreadable.isEmpty()) {
			unreadable.sort(Comparator.comparing(RuleError::file));
			throw new RuleBuildException(folder.toString(), unreadable);
		}
		if (paths.isEmpty()) {
			throw new RuleBuildException(folder.toString(),
					List.of(new RuleError(folder.toString(), 0, "no rule files (.drl, or decision tables .csv, .xls, .xlsx) found")));
		}
		return new RuleFiles(folder, paths);
	}

	/**
	 * The rule files below the folder, links followed (a folder mounted as links, a link to a shared folder) and in
	 * name order; {@code tests/} and what is hidden (a name starting with a dot: an editor's lock or swap file, a
	 * mounted volume's own {@code ..data}; or with {@code ~$}: the lock file Excel keeps beside an open workbook) are
	 * left out. What cannot be read, a link to nothing and a link back to a
	 * folder above it are reported in {@code unreadable}.
	 */
	private static List<Path> list(Path folder, List<RuleError> unreadable) {
		List<Path> found = new ArrayList<>();
		try {
			Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
					new SimpleFileVisitor<>() {
						@Override
						public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
							boolean skipped = !dir.equals(folder)
									&& (isHidden(dir) || (relative(folder, dir) + "/").equals(TESTS_FOLDER));
							return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
							if (isHidden(file) || !isRuleFile(file.getFileName().toString())) {
								return FileVisitResult.CONTINUE;
							}
							if (attributes.isRegularFile()) {
								found.add(file);
							}
							else if (attributes.isSymbolicLink()) {
								unreadable.add(new RuleError(relative(folder, file), 0,
										"a link to a file that does not exist: correct or remove the link"));
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path path, IOException e) {
							if (!isHidden(path)) {
								unreadable.add(new RuleError(relative(folder, path), 0, e instanceof FileSystemLoopException
										? "a link back to a folder that contains it: remove the link"
										: "cannot read: " + e.getMessage()));
							}
							return FileVisitResult.CONTINUE;
						}
					});
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list rules in " + folder, e);
		}
		found.sort(null);
		return found;
	}

	private static boolean isHidden(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith(".") || name.startsWith("~$");
	}

	static boolean isRuleFile(String name) {
		return name.endsWith(".drl") || DecisionTables.isTable(name);
	}

	/**
	 * What the folder would load, without reading it: each rule file's path, size, modification time and identity
	 * (links followed, as it is loaded) and the thresholds file's, or what stops it from loading. Saving, copying or
	 * replacing a file or the folder changes it, also through a link the file watch cannot see.
	 */
	static String fingerprint(Path folder) {
		StringBuilder seen = new StringBuilder();
		if (!Files.isDirectory(folder)) {
			return NO_FOLDER_SEEN;
		}
		try {
			List<RuleError> unreadable = new ArrayList<>();
			List<Path> files = new ArrayList<>(list(folder, unreadable));
			files.add(folder.resolve(Thresholds.FILE));
			for (Path file : files) {
				seen.append(relative(folder, file)).append(' ');
				try {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					seen.append(attributes.size()).append(' ').append(attributes.lastModifiedTime())
						.append(' ').append(attributes.fileKey());
				}
				catch (IOException e) {
					seen.append("none");
				}
				seen.append('\n');
			}
			unreadable.forEach(error -> seen.append(error).append('\n'));
		}
		catch (UncheckedIOException e) {
			seen.append(e.getMessage());
		}
		return HexFormat.of().formatHex(StableId.sha256().digest(seen.toString().getBytes(StandardCharsets.UTF_8)));
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
