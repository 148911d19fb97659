package org.forewarn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code target/forewarn.jar}) running as a child process, as an operator starts it: in its own
 * working folder (with its ./config, ./rules and, on the embedded default, ./data), on a free port, with settings as
 * {@code --key=value} arguments. The system property {@code forewarn.it.args} adds arguments to every start
 * (space-separated), e.g. a secret a newer version requires. {@link #kill()} is {@code kill -9}.
 */
public final class ForewarnProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("started on port (\\d+)");
	private static final Duration STARTUP = Duration.ofSeconds(120);

	private final Process process;
	private final Path log;
	private final int port;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ForewarnProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** A working folder under {@code parent} with copies of this project's config/ and rules/. */
	public static Path workingFolder(Path parent) throws IOException {
		Path folder = Files.createDirectories(parent.resolve("forewarn"));
		copyTree(Path.of("config"), folder.resolve("config"));
		copyTree(Path.of("rules"), folder.resolve("rules"));
		return folder;
	}

	/** Starts the jar in {@code folder} and waits until it answers on its port; its log goes to {@code logName}. */
	public static ForewarnProcess start(Path folder, String logName, List<String> settings) throws Exception {
		Path jar = Path.of("target", "forewarn.jar").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: package it first (./mvnw -B verify runs this after "
					+ "the package phase)");
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// a short run on shared cores: C1 only and one GC thread leave more of the CPU to the work itself
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--server.port=0",
				Credentials.adminPasswordSetting(), "--spring.main.banner-mode=off"));
		command.addAll(settings);
		String extra = System.getProperty("forewarn.it.args", "").strip();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		Path log = folder.resolve(logName);
		long logStart = Files.exists(log) ? Files.size(log) : 0;
		Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		try {
			ForewarnProcess forewarn = new ForewarnProcess(process, log, awaitPort(process, log, logStart));
			forewarn.awaitHealthy();
			return forewarn;
		}
		catch (Exception | Error e) {
			process.destroyForcibly();
			throw e;
		}
	}

	private static int awaitPort(Process process, Path log, long from) throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Forewarn exited with " + process.exitValue() + " while starting:\n"
						+ tail(log, 60));
			}
			String text = Files.readString(log, StandardCharsets.UTF_8);
			Matcher port = PORT.matcher(text.substring((int) Math.min(from, text.length())));
			if (port.find()) {
				return Integer.parseInt(port.group(1));
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("Forewarn did not start within " + STARTUP + ":\n" + tail(log, 60));
	}

	private void awaitHealthy() throws Exception {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (get("/actuator/health").statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("Forewarn not healthy within " + STARTUP + ":\n" + tail(log, 60));
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return http.send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		// signed in as the admin its first start created
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", Credentials.ADMIN.authorization())
			.header("Accept", "application/json");
	}

	/** {@code kill -9}: no shutdown hook, nothing flushed, in the middle of whatever it was doing. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Forewarn (pid " + process.pid() + ") did not die from SIGKILL");
		}
	}

	/** An orderly stop (SIGTERM), as a service manager stops it. */
	public void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			kill();
		}
	}

	/** The last lines of this process's log, for failure messages. */
	public String tail(int lines) {
		return tail(log, lines);
	}

	/** The whole log so far, to look for errors. */
	public String log() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			stop();
		}
	}
}
