package org.forewarn.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.forewarn.shared.Suggestions;

/**
 * Checks before anything runs that a template a rule names exists for its channel and that every file of it (each
 * language, text and HTML) compiles and uses only placeholders a message carries. The same reading as sending.
 */
public final class TemplateCheck {

	/** The channels Forewarn has a sender for. */
	public static final Set<String> CHANNELS = Set.of("email", "sms", "task");

	/** {@code <template>.<channel>[.<locale>].<txt|html>} */
	private static final Pattern FILE = Pattern.compile("([^.]+)\\.(\\w+)(?:\\.([A-Za-z]{2,3}(?:-\\w+)*))?\\.(txt|html)");

	private final Path folder;
	private final Locale fallbackLocale;

	public TemplateCheck(Path folder, Locale fallbackLocale) {
		this.folder = folder;
		this.fallbackLocale = fallbackLocale;
	}

	/** Whether the template has a text for the channel, as a fallback asks before taking its own template. */
	public boolean exists(String template, String channel) {
		return TemplateRenderer.find(folder, fallbackLocale, template, channel, "txt", null) != null;
	}

	/** Each problem as one sentence naming the file and what to do; empty when every file of it renders. */
	public List<String> problems(String template, String channel, Set<String> known) {
		String named = "template \"" + template + "\" for " + channel;
		if (!Files.isDirectory(folder)) {
			return List.of(named + ": the templates folder " + folder.toAbsolutePath() + " does not exist; set "
					+ "forewarn.channels.templates, or start from the folder that holds config/templates");
		}
		List<Path> files = new ArrayList<>();
		Set<String> templatesOfChannel = new TreeSet<>();
		for (Path file : list()) {
			Matcher m = FILE.matcher(file.getFileName().toString());
			if (m.matches() && m.group(2).equals(channel)) {
				templatesOfChannel.add(m.group(1));
				if (m.group(1).equals(template)) {
					files.add(file);
				}
			}
		}
		Path plain = folder.resolve(template + "." + channel + ".txt");
		if (!Files.isRegularFile(plain)) {
			return List.of(named + " has no file: expected " + plain + ", the text for customers whose language has"
					+ " none of its own" + Suggestions.didYouMean(template, templatesOfChannel));
		}
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			Matcher m = FILE.matcher(file.getFileName().toString());
			Locale locale = m.matches() && m.group(3) != null ? Locale.forLanguageTag(m.group(3)) : fallbackLocale;
			try {
				String source = MessageTemplate.source(file);
				MessageTemplate.compile(file, source, locale).problems(known)
					.forEach(p -> problems.add(named + ": " + p));
				if (!channel.equals("sms") && file.getFileName().toString().endsWith(".txt")
						&& !TemplateRenderer.startsWithSubject(source)) {
					problems.add(named + ": " + file.getFileName() + ":1: no \"Subject: ...\" line first, so the "
							+ (channel.equals("task") ? "task would have no title" : "email would have no subject"));
				}
			}
			catch (TemplateRenderer.TemplateException e) {
				problems.add(named + ": " + e.getMessage());
			}
		}
		return problems;
	}

	private List<Path> list() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list the templates in " + folder, e);
		}
	}
}
