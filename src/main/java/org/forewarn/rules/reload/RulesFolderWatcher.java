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
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules folder and its subfolders (except {@code tests/}) and calls back once the files have been quiet
 * for the debounce time, so an editor saving in several writes, or a copy of many files, causes one reload.
 */
final class RulesFolderWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

	private final Path folder;
	private final Duration debounce;
	private final Runnable onChange;
	private final WatchService watcher;
	private final Thread thread;

	RulesFolderWatcher(Path folder, Duration debounce, Runnable onChange) {
		this.folder = folder;
		this.debounce = debounce;
		this.onChange = onChange;
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
		thread.start();
		log.info("Watching {} for rule changes (reload after {} ms quiet)", folder, debounce.toMillis());
	}

	private void run() {
		try {
			while (true) {
				if (drain(watcher.take())) {
					waitUntilQuiet();
					try {
						onChange.run();
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
	}

	/** Keeps taking events until none came for the debounce time. */
	private void waitUntilQuiet() throws InterruptedException {
		WatchKey key;
		while ((key = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
			drain(key);
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
								dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
										StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
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
