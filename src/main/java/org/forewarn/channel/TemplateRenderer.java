package org.forewarn.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders message templates from the templates folder. File names: {@code <template>.<channel>.txt} (and
 * {@code .html} for email), optionally per locale: {@code <template>.<channel>.pt-BR.txt}, then {@code .pt.txt}, then
 * the fallback locale's variants, then the plain file, which is written in the fallback locale. Dates are written
 * out in the language of the file chosen, so a message never mixes two languages. For email and tasks the first line
 * {@code Subject: ...} is the subject or title. Placeholders are {@code {{name}}}, or {@code {{name|text}}} with a
 * text for when the value is empty; an unknown placeholder stops the send with a clear reason.
 */
final class TemplateRenderer {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*(?:\\|([^}]*))?}}");
	private static final String SUBJECT = "Subject:";

	private final Path folder;
	private final Locale fallbackLocale;

	TemplateRenderer(Path folder, Locale fallbackLocale) {
		this.folder = folder;
		this.fallbackLocale = fallbackLocale;
	}

	/** A template file and the language it is written in. */
	private record Found(Path file, Locale locale) {
	}

	boolean exists(String template, String channel) {
		return find(template, channel, "txt", null) != null;
	}

	RenderedMessage render(OutgoingMessage message) {
		Found text = find(message.template(), message.channel(), "txt", message.locale());
		if (text == null) {
			throw new TemplateException("template '" + message.template() + "' for " + message.channel()
					+ " not found: expected " + folder.resolve(message.template() + "." + message.channel() + ".txt"));
		}
		String body = fill(text, message.variables());
		String subject = null;
		if (body.startsWith(SUBJECT)) {
			int end = body.indexOf('\n');
			subject = (end < 0 ? body.substring(SUBJECT.length()) : body.substring(SUBJECT.length(), end)).strip();
			body = end < 0 ? "" : body.substring(end + 1).stripLeading();
		}
		Found htmlFile = "email".equals(message.channel())
				? find(message.template(), message.channel(), "html", message.locale()) : null;
		String html = htmlFile == null ? null : fill(htmlFile, message.variables());
		return new RenderedMessage(subject, body, html);
	}

	private Found find(String template, String channel, String extension, Locale locale) {
		List<Locale> candidates = new ArrayList<>();
		for (Locale l : new Locale[] { locale, fallbackLocale }) {
			if (l != null && !l.toLanguageTag().equals("und")) {
				candidates.add(l);
				candidates.add(Locale.forLanguageTag(l.getLanguage()));
			}
		}
		for (Locale l : candidates) {
			Path file = folder.resolve(template + "." + channel + "." + l.toLanguageTag() + "." + extension);
			if (Files.isRegularFile(file)) {
				return new Found(file, l);
			}
		}
		Path plain = folder.resolve(template + "." + channel + "." + extension);
		return Files.isRegularFile(plain) ? new Found(plain, fallbackLocale) : null;
	}

	private static String fill(Found template, Map<String, ?> variables) {
		String source = read(template.file());
		Matcher matcher = PLACEHOLDER.matcher(source);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!variables.containsKey(name)) {
				int line = (int) source.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
				throw new TemplateException(template.file().getFileName() + ":" + line + ": unknown placeholder {{"
						+ name + "}}; known: " + String.join(", ", new TreeSet<>(variables.keySet())));
			}
			String value = text(variables.get(name), template.locale());
			if (value.isEmpty() && matcher.group(2) != null) {
				value = matcher.group(2);
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** A value as the reader sees it: dates written out in the template's language, in their own zone. */
	private static String text(Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof ZonedDateTime date) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
		}
		return value.toString();
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
