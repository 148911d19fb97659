package org.forewarn.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders message templates from the templates folder. File names: {@code <template>.<channel>.txt} (and
 * {@code .html} for email), optionally per locale: {@code <template>.<channel>.pt-BR.txt}, then {@code .pt.txt}, then
 * the plain file. For email and tasks the first line {@code Subject: ...} is the subject or title.
 * Placeholders are {@code {{name}}}; an unknown placeholder stops the send with a clear reason.
 */
final class TemplateRenderer {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
	private static final String SUBJECT = "Subject:";

	private final Path folder;

	TemplateRenderer(Path folder) {
		this.folder = folder;
	}

	RenderedMessage render(OutgoingMessage message) {
		Path text = find(message.template(), message.channel(), "txt", message.locale());
		if (text == null) {
			throw new TemplateException("template '" + message.template() + "' for " + message.channel()
					+ " not found: expected " + folder.resolve(message.template() + "." + message.channel() + ".txt"));
		}
		String body = fill(text, read(text), message.variables());
		String subject = null;
		if (body.startsWith(SUBJECT)) {
			int end = body.indexOf('\n');
			subject = (end < 0 ? body.substring(SUBJECT.length()) : body.substring(SUBJECT.length(), end)).strip();
			body = end < 0 ? "" : body.substring(end + 1).stripLeading();
		}
		Path htmlFile = "email".equals(message.channel())
				? find(message.template(), message.channel(), "html", message.locale()) : null;
		String html = htmlFile == null ? null : fill(htmlFile, read(htmlFile), message.variables());
		return new RenderedMessage(subject, body, html);
	}

	private Path find(String template, String channel, String extension, Locale locale) {
		List<String> candidates = new ArrayList<>();
		if (locale != null && !locale.toLanguageTag().equals("und")) {
			candidates.add(template + "." + channel + "." + locale.toLanguageTag() + "." + extension);
			candidates.add(template + "." + channel + "." + locale.getLanguage() + "." + extension);
		}
		candidates.add(template + "." + channel + "." + extension);
		return candidates.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
	}

	private static String fill(Path file, String source, Map<String, String> variables) {
		Matcher matcher = PLACEHOLDER.matcher(source);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!variables.containsKey(name)) {
				int line = (int) source.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
				throw new TemplateException(file.getFileName() + ":" + line + ": unknown placeholder {{" + name
						+ "}}; known: " + String.join(", ", new java.util.TreeSet<>(variables.keySet())));
			}
			String value = variables.get(name);
			matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read template " + file, e);
		}
	}

	/** A template that is missing or does not render; the send stops with this message as its reason. */
	static final class TemplateException extends RuntimeException {
		TemplateException(String message) {
			super(message);
		}
	}
}
