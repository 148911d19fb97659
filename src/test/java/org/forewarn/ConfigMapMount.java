package org.forewarn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A folder laid out as Kubernetes mounts a ConfigMap: the files in a hidden folder named by time, {@code ..data} a link
 * to it, and at the top a link per file through {@code ..data}. An update writes a new hidden folder and swaps the link.
 */
public final class ConfigMapMount {

	private final Path mount;
	private int updates;

	private ConfigMapMount(Path mount) {
		this.mount = mount;
	}

	/** Mounts the regular files at the top of {@code source} (a ConfigMap holds no folders) at {@code mount}. */
	public static ConfigMapMount of(Path source, Path mount) {
		ConfigMapMount mounted = new ConfigMapMount(mount);
		try {
			Path first = mounted.copy(source);
			Files.createSymbolicLink(mount.resolve("..data"), first.getFileName());
			try (Stream<Path> files = Files.list(first)) {
				for (Path file : files.toList()) {
					Path name = file.getFileName();
					Files.createSymbolicLink(mount.resolve(name), Path.of("..data").resolve(name));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return mounted;
	}

	public Path path() {
		return mount;
	}

	/** As the kubelet updates it: the files of {@code source} in a new hidden folder, then {@code ..data} renamed over. */
	public void update(Path source) {
		try {
			Path next = copy(source);
			Path staged = Files.createSymbolicLink(mount.resolve("..data_tmp"), next.getFileName());
			Files.move(staged, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Path copy(Path source) throws IOException {
		Path version = Files.createDirectories(mount.resolve("..2026_12_06_09_00_0" + updates++ + ".123456789"));
		try (Stream<Path> files = Files.list(source)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, version.resolve(file.getFileName()));
			}
		}
		return version;
	}
}
