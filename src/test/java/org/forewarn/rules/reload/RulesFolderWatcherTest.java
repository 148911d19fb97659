package org.forewarn.rules.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.forewarn.ConfigMapMount;
import org.forewarn.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch sees a change in a subfolder of a rules folder that is a link, and a ConfigMap's update (its {@code ..data}
 * link swapped to a new hidden folder); a change under {@code tests/} is not one. It sees the edit of a linked file's
 * target elsewhere (written in pieces: loaded once, whole), and keeps seeing changes after the folder was moved away and made anew, or deleted and copied
 * back; it says it is watching only while the folder is there to watch.
 */
class RulesFolderWatcherTest {

	private static final Duration DEBOUNCE = Duration.ofMillis(100);
	private static final Duration POLL = Duration.ofMillis(200);

	@TempDir
	Path work;

	@Test
	void aChangeInASubfolderOfALinkedFolderIsSeenAndOneUnderTestsIsNot() throws Exception {
		Path more = Files.createDirectories(work.resolve("real/more"));
		Files.createDirectories(work.resolve("real/tests"));
		Path linked = Files.createSymbolicLink(work.resolve("linked"), work.resolve("real"));
		Reloads reloads = new Reloads(linked);

		try (RulesFolderWatcher watcher = new RulesFolderWatcher(linked, DEBOUNCE, POLL, reloads)) {
			watcher.start();
			Files.writeString(linked.resolve("tests/a-scenario.yaml"), "name: x");
			assertThat(reloads.tryAcquire(1, TimeUnit.SECONDS)).isFalse();

			Files.writeString(more.resolve("shipping.drl"), "package forewarn.more;");
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void aConfigMapsUpdateIsSeen() throws Exception {
		Path source = Files.createDirectories(work.resolve("source"));
		Files.writeString(source.resolve("orders.drl"), "package forewarn.orders;");
		ConfigMapMount mount = ConfigMapMount.of(source, Files.createDirectories(work.resolve("mount")));
		Reloads reloads = new Reloads(mount.path());

		try (RulesFolderWatcher watcher = new RulesFolderWatcher(mount.path(), DEBOUNCE, POLL, reloads)) {
			watcher.start();
			Files.writeString(source.resolve("orders.drl"), "package forewarn.orders; // edited");
			mount.update(source);
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
			assertThat(Files.readString(mount.path().resolve("orders.drl"))).endsWith("edited");
		}
	}

	@Test
	void anEditOfALinkedFilesTargetIsSeen() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Path target = Files.createDirectories(work.resolve("elsewhere")).resolve("l2.drl");
		Files.writeString(target, "rule \"l2\" when then end");
		Files.createSymbolicLink(rules.resolve("l2.drl"), target);
		Reloads reloads = new Reloads(rules);

		try (RulesFolderWatcher watcher = new RulesFolderWatcher(rules, DEBOUNCE, POLL, reloads)) {
			watcher.start();
			assertThat(reloads.tryAcquire(1, TimeUnit.SECONDS)).as("nothing changed yet").isFalse();

			Files.writeString(target, "rule \"l2, edited\" when then end");
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void aFileWrittenInPiecesIsLoadedOnceWhole() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Path target = Files.createDirectories(work.resolve("elsewhere")).resolve("l2.drl");
		Files.writeString(target, "");
		Files.createSymbolicLink(rules.resolve("l2.drl"), target);
		Reloads reloads = new Reloads(rules);

		// pieces further apart than the comparison interval, closer than the quiet time: one reload, of the whole
		try (RulesFolderWatcher watcher = new RulesFolderWatcher(rules, Duration.ofMillis(700), POLL, reloads)) {
			watcher.start();
			for (int piece = 0; piece < 6; piece++) {
				Files.writeString(target, "rule \"piece " + piece + "\" when then end\n", StandardOpenOption.APPEND);
				Thread.sleep(250);
			}
			String whole = reloads.fingerprint();

			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
			assertThat(reloads.loaded).isEqualTo(whole);
			assertThat(reloads.tryAcquire(2, TimeUnit.SECONDS)).as("a second reload").isFalse();
		}
	}

	@Test
	void aFolderMovedAwayAndMadeAnewOrDeletedAndCopiedBackIsWatchedAgain() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("orders.drl"), "rule \"a\" when then end");
		Reloads reloads = new Reloads(rules);

		try (RulesFolderWatcher watcher = new RulesFolderWatcher(rules, DEBOUNCE, POLL, reloads)) {
			watcher.start();
			assertThat(reloads.watching).isTrue();

			Files.move(rules, work.resolve("rules.moved"));
			awaitWatching(reloads, false);
			Files.createDirectories(rules);
			Files.copy(work.resolve("rules.moved/orders.drl"), rules.resolve("orders.drl"));
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
			awaitWatching(reloads, true);
			settle(reloads);

			Files.writeString(rules.resolve("orders.drl"), "rule \"a, edited\" when then end");
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).as("an edit in the new folder").isTrue();
			assertThat(reloads.loaded).isEqualTo(reloads.fingerprint());
			settle(reloads);

			Files.delete(rules.resolve("orders.drl"));
			Files.delete(rules);
			Files.createDirectories(rules);
			Files.writeString(rules.resolve("orders.drl"), "rule \"a, copied back\" when then end");
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
			settle(reloads);

			Files.writeString(rules.resolve("orders.drl"), "rule \"a, edited again\" when then end");
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).as("an edit in the copied folder").isTrue();
			assertThat(reloads.watching).isTrue();
		}
		assertThat(reloads.watching).as("closed").isFalse();
	}

	/** Lets the reloads of one change finish, so the next change is the only cause of the next. */
	private static void settle(Reloads reloads) throws InterruptedException {
		while (reloads.tryAcquire(1, TimeUnit.SECONDS)) {
			// another reload of the same change
		}
	}

	private static void awaitWatching(Reloads reloads, boolean expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (reloads.watching != expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(reloads.watching).isEqualTo(expected);
	}

	/** Counts reloads; a reload loads the folder as it finds it, as the running server's does. */
	private static final class Reloads extends Semaphore implements RulesFolderWatcher.Rules {

		private final RuleSetLoader loader = new RuleSetLoader(Clock.systemUTC());
		private final Path folder;
		volatile String loaded;
		volatile boolean watching;

		Reloads(Path folder) {
			super(0);
			this.folder = folder;
			this.loaded = fingerprint();
		}

		@Override
		public String fingerprint() {
			return loader.fingerprint(folder);
		}

		@Override
		public String loaded() {
			return loaded;
		}

		@Override
		public void reload() {
			loaded = fingerprint();
			release();
		}

		@Override
		public void watching(boolean on) {
			watching = on;
		}
	}
}
