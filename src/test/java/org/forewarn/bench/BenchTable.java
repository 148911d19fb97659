package org.forewarn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A benchmark's closing table: printed, and kept in target/bench for bench/run to print with the others. */
public final class BenchTable {

	private BenchTable() {
	}

	public static void print(String file, List<String> table) throws IOException {
		System.out.println();
		table.forEach(System.out::println);
		Files.write(Files.createDirectories(Path.of("target", "bench")).resolve(file), table);
	}
}
