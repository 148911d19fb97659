package org.forewarn.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template files are read again when they change, and only then, however coarse the file system's timestamps. */
class TemplateFilesTest {

	@TempDir
	Path folder;

	@Test
	void aFileChangedRightAfterItWasReadIsReadAgainThoughItsTimestampAndSizeAreTheSame() throws Exception {
		Path file = Files.writeString(folder.resolve("t.email.txt"), "one");
		FileTime stamp = Files.getLastModifiedTime(file);
		TemplateFiles files = new TemplateFiles(folder);

		assertThat(files.text(file)).isEqualTo("one");
		Files.writeString(file, "two");
		Files.setLastModifiedTime(file, stamp); // a timestamp too coarse to tell the two writes apart

		assertThat(files.text(file)).isEqualTo("two");
	}

	@Test
	void aSettledFileIsReadOnceUntilItsTimestampOrSizeChanges() throws Exception {
		Path file = Files.writeString(folder.resolve("t.email.txt"), "one");
		FileTime old = FileTime.from(Instant.now().minusSeconds(60));
		Files.setLastModifiedTime(file, old);
		TemplateFiles files = new TemplateFiles(folder);
		assertThat(files.text(file)).isEqualTo("one");

		Files.writeString(file, "own");
		Files.setLastModifiedTime(file, old);
		assertThat(files.text(file)).as("timestamp and size as read: not read again").isEqualTo("one");

		Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		assertThat(files.text(file)).isEqualTo("own");
		Files.writeString(file, "longer");
		Files.setLastModifiedTime(file, old);
		assertThat(files.text(file)).as("another size").isEqualTo("longer");
	}

	@Test
	void theFolderIsListedAgainWhenFilesAreAddedOrRemoved() throws Exception {
		Path file = Files.writeString(folder.resolve("t.email.txt"), "one");
		FileTime old = FileTime.from(Instant.now().minusSeconds(60));
		Files.setLastModifiedTime(folder, old);
		TemplateFiles files = new TemplateFiles(folder);
		Path added = folder.resolve("t.email.pt-BR.txt");
		assertThat(files.isFile(file)).isTrue();
		assertThat(files.isFile(added)).isFalse();

		Files.writeString(added, "um");
		assertThat(files.isFile(added)).isTrue();
		Files.delete(file);
		assertThat(files.isFile(file)).isFalse();
		Files.createDirectory(folder.resolve("d.email.txt"));
		assertThat(files.isFile(folder.resolve("d.email.txt"))).as("a folder is no template").isFalse();
	}

	@Test
	void withoutAFolderNothingIsFoundUntilItAppears() throws Exception {
		Path missing = folder.resolve("later");
		TemplateFiles files = new TemplateFiles(missing);
		assertThat(files.isFile(missing.resolve("t.email.txt"))).isFalse();

		Files.createDirectory(missing);
		Files.writeString(missing.resolve("t.email.txt"), "one");
		assertThat(files.isFile(missing.resolve("t.email.txt"))).isTrue();
	}
}
