package org.forewarn.rules.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the shipped rules (without their scenario tests) that a test may break and repair. */
public final class RulesFolder {

	private RulesFolder() {
	}

	public static Path copyOfShippedRules(Path target) {
		Path shipped = Path.of("rules");
		try (Stream<Path> files = Files.walk(shipped)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path relative = shipped.relativize(file);
				if (relative.getName(0).toString().equals("tests")) {
					continue;
				}
				Path copy = target.resolve(relative.toString());
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
