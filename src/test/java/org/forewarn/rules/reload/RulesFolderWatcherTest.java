package org.forewarn.rules.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.forewarn.ConfigMapMount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch sees a change in a subfolder of a rules folder that is a link, and a ConfigMap's update (its {@code ..data}
 * link swapped to a new hidden folder); a change under {@code tests/} is not one.
 */
class RulesFolderWatcherTest {

	private static final Duration DEBOUNCE = Duration.ofMillis(100);

	@TempDir
	Path work;

	private final Semaphore reloads = new Semaphore(0);

	@Test
	void aChangeInASubfolderOfALinkedFolderIsSeenAndOneUnderTestsIsNot() throws Exception {
		Path more = Files.createDirectories(work.resolve("real/more"));
		Files.createDirectories(work.resolve("real/tests"));
		Path linked = Files.createSymbolicLink(work.resolve("linked"), work.resolve("real"));

		try (RulesFolderWatcher watcher = new RulesFolderWatcher(linked, DEBOUNCE, reloads::release)) {
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

		try (RulesFolderWatcher watcher = new RulesFolderWatcher(mount.path(), DEBOUNCE, reloads::release)) {
			watcher.start();
			Files.writeString(source.resolve("orders.drl"), "package forewarn.orders; // edited");
			mount.update(source);
			assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
			assertThat(Files.readString(mount.path().resolve("orders.drl"))).endsWith("edited");
		}
	}
}
