package org.forewarn.rules.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules folder and its subfolders (except {@code tests/}) and calls back once the files have been quiet
 * for the debounce time (no event, no rule file's size or modification time changing), so an editor saving in several
 * writes, or a copy of many files, causes one reload of the whole. Every
 * poll interval it also compares what the folder would load (each rule file's size and modification time, links
 * followed) with what was last loaded or refused, for what the file watch cannot see (a linked file's target edited
 * elsewhere), and watches the folder again once it is not the one watched (moved away and made anew, replaced by a
 * copy).
 */
final class RulesFolderWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

	/** The rules the watch keeps current. */
	interface Rules {

		/** What the folder would load now ({@link org.forewarn.rules.RuleSetLoader#fingerprint}). */
		String fingerprint();

		/** The fingerprint of what was last loaded or refused; null when not known. */
		String loaded();

		void reload();

		/** Whether changes to the folder are noticed now. */
		void watching(boolean on);
	}

	private final Path folder;
	private final Duration debounce;
	private final Duration poll;
	private final Rules rules;
	private final WatchService watcher;
	/** Each watched folder with the identity it had when registered: another folder by that name is not watched. */
	private final Map<Path, Registration> watched = new HashMap<>();
	private final Thread thread;

	private record Registration(WatchKey key, Object fileKey) {
	}

	RulesFolderWatcher(Path folder, Duration debounce, Duration poll, Rules rules) {
		this.folder = folder;
		this.debounce = debounce;
		this.poll = poll;
		this.rules = rules;
		try {
			this.watcher = FileSystems.getDefault().newWatchService();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot watch " + folder, e);
		}
		this.thread = new Thread(this::run, "forewarn-rules-watch");
		this.thread.setDaemon(true);
	}

	void start() {
		registerTree(folder);
		rules.watching(Files.isDirectory(folder));
		thread.start();
		log.info("Watching {} for rule changes (reload after {} ms quiet, compared every {} ms)", folder,
				debounce.toMillis(), poll.toMillis());
	}

	private void run() {
		long nextLook = System.nanoTime() + poll.toNanos();
		try {
			while (true) {
				WatchKey key = watcher.poll(Math.max(0, nextLook - System.nanoTime()), TimeUnit.NANOSECONDS);
				boolean changed = key != null && drain(key);
				if (System.nanoTime() - nextLook >= 0) {
					changed |= changedSinceLoaded();
					nextLook = System.nanoTime() + poll.toNanos();
				}
				if (changed) {
					waitUntilQuiet();
					try {
						rules.reload();
					}
					catch (RuntimeException e) {
						log.error("Reloading rules after a change in {} failed", folder, e);
					}
				}
			}
		}
		catch (InterruptedException | ClosedWatchServiceException e) {
			// closing
		}
		finally {
			rules.watching(false);
		}
	}

	/**
	 * Watches the folder anew when a watched folder is gone or another stands in its place; true when the folder
	 * would load other files than those last loaded or refused.
	 */
	private boolean changedSinceLoaded() {
		if (!watched.containsKey(folder) || watched.entrySet().stream()
			.anyMatch(w -> !w.getValue().key().isValid() || !Objects.equals(fileKey(w.getKey()), w.getValue().fileKey()))) {
			watched.values().forEach(w -> w.key().cancel());
			watched.clear();
			registerTree(folder);
			if (watched.containsKey(folder)) {
				log.info("Watching {} anew for rule changes: a folder watched was moved, replaced or removed", folder);
			}
		}
		rules.watching(Files.isDirectory(folder));
		try {
			return !rules.fingerprint().equals(rules.loaded());
		}
		catch (RuntimeException e) {
			log.warn("Cannot compare {} with the rules loaded: {}", folder, e.toString());
			return false;
		}
	}

	/**
	 * Waits until the folder has been quiet for the debounce time: no watch event came, and no rule file's size or
	 * modification time changed across it, looked at again before loading. A copy or a save that writes in pieces
	 * (also to a linked file's target, which sends no event) loads once it is whole.
	 */
	private void waitUntilQuiet() throws InterruptedException {
		String before = rules.fingerprint();
		while (true) {
			WatchKey key = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
			if (key != null) {
				drain(key);
				before = rules.fingerprint();
				continue;
			}
			String after = rules.fingerprint();
			if (after.equals(before)) {
				return;
			}
			before = after;
		}
	}

	/** Handles one key's events; true when one of them can change the rules. */
	private boolean drain(WatchKey key) {
		boolean relevant = false;
		Path dir = (Path) key.watchable();
		for (WatchEvent<?> event : key.pollEvents()) {
			if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
				relevant = true;
				continue;
			}
			Path changed = dir.resolve((Path) event.context());
			if (isTests(changed)) {
				continue;
			}
			if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
				registerTree(changed);
			}
			relevant = true;
		}
		key.reset();
		return relevant;
	}

	/** Watches the folder and its subfolders, links followed, except {@code tests/} and hidden ones (as loaded). */
	private void registerTree(Path root) {
		try {
			Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
					new SimpleFileVisitor<>() {
						@Override
						public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
							if (!dir.equals(folder) && (isTests(dir) || dir.getFileName().toString().startsWith("."))) {
								return FileVisitResult.SKIP_SUBTREE;
							}
							try {
								watched.put(dir, new Registration(dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
										StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE),
										attributes.fileKey()));
							}
							catch (IOException e) {
								log.warn("Cannot watch {} for rule changes: {}", dir, e.getMessage());
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path path, IOException e) {
							// the reload names it (a link loop, a folder it cannot read); the rest is still watched
							return FileVisitResult.CONTINUE;
						}
					});
		}
		catch (IOException e) {
			log.warn("Cannot watch {} for rule changes: {}", root, e.getMessage());
		}
	}

	/** The folder's identity (links followed); null when it is gone. */
	private static Object fileKey(Path dir) {
		try {
			return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
		}
		catch (IOException e) {
			return null;
		}
	}

	private boolean isTests(Path path) {
		Path relative = folder.relativize(path);
		return relative.getNameCount() > 0 && relative.getName(0).toString().equals("tests");
	}

	@Override
	public void close() throws IOException, InterruptedException {
		watcher.close();
		thread.interrupt();
		thread.join(2000);
	}
}
