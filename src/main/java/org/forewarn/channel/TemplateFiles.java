package org.forewarn.channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The templates folder's file names and each template's text, as a send needs them: looked at again on every use (one
 * {@code stat} of the folder and one of the file), read again only when the folder or the file changed since. A file
 * changed within {@link #SETTLING} of being read may not show it in its timestamp, so such a reading is not trusted
 * later: the file is read again until its timestamp is older than that.
 */
final class TemplateFiles {

	/** More than the coarsest timestamps of the file systems a templates folder lives on (FAT: 2 s). */
	static final long SETTLING = 3_000;

	private final Path folder;
	private final LongSupplier millisNow;
	private volatile Reading<Set<String>> names;
	private final Map<Path, Reading<String>> texts = new ConcurrentHashMap<>();

	TemplateFiles(Path folder) {
		this(folder, System::currentTimeMillis);
	}

	/** {@code millisNow}: the wall clock file timestamps are compared with (not the simulated clock of a replay). */
	TemplateFiles(Path folder, LongSupplier millisNow) {
		this.folder = folder;
		this.millisNow = millisNow;
	}

	/** What was read, and the file's timestamp and size when it was: still true while those are unchanged. */
	private record Reading<T>(FileTime modified, long size, long readAt, T value) {

		boolean holdsFor(BasicFileAttributes now) {
			return modified.equals(now.lastModifiedTime()) && size == now.size()
					&& modified.toMillis() < readAt - SETTLING;
		}
	}

	/** Whether {@code file} is a regular file; those directly in the folder are known from its listing. */
	boolean isFile(Path file) {
		if (!folder.equals(file.getParent())) {
			return Files.isRegularFile(file);
		}
		return names().contains(file.getFileName().toString());
	}

	/** The file's text, as {@link MessageTemplate#source} reads it. */
	String text(Path file) {
		BasicFileAttributes now = attributes(file);
		Reading<String> last = texts.get(file);
		if (now != null && last != null && last.holdsFor(now)) {
			return last.value();
		}
		long readAt = millisNow.getAsLong();
		String source = MessageTemplate.source(file);
		if (now != null) {
			texts.put(file, new Reading<>(now.lastModifiedTime(), now.size(), readAt, source));
		}
		return source;
	}

	private Set<String> names() {
		BasicFileAttributes now = attributes(folder);
		Reading<Set<String>> last = names;
		if (now != null && last != null && last.holdsFor(now)) {
			return last.value();
		}
		long readAt = millisNow.getAsLong();
		Set<String> listed;
		try (Stream<Path> files = Files.list(folder)) {
			listed = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).collect(Collectors.toSet());
		}
		catch (IOException e) {
			return Set.of(); // no folder (yet): nothing is found, and it is looked for again next time
		}
		if (now != null) {
			names = new Reading<>(now.lastModifiedTime(), now.size(), readAt, listed);
		}
		return listed;
	}

	private static BasicFileAttributes attributes(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (NoSuchFileException e) {
			return null;
		}
		catch (IOException e) {
			return null; // read without remembering: the reading itself says what is wrong
		}
	}
}
