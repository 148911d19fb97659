package org.forewarn.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.samskivert.mustache.Escapers;

/**
 * Renders message templates from the templates folder. File names: {@code <template>.<channel>.txt} (and
 * {@code .html} for email), optionally per locale: {@code <template>.<channel>.pt-BR.txt}, then {@code .pt.txt}, then
 * the fallback locale's variants, then the plain file, which is written in the fallback locale. Dates are written
 * out in the language of the file chosen, so a message never mixes two languages. For email and tasks the first line
 * {@code Subject: ...} (blank lines before it, any case) is the subject or title. Templates are Mustache
 * ({@link MessageTemplate}): values are HTML-escaped in {@code .html} files only; an unknown placeholder stops the
 * send with file, line and the known ones. Files are looked at on every use, so an operator's edit counts from the
 * next message on ({@link TemplateFiles}); a file is compiled again only when its text changed.
 */
final class TemplateRenderer {

	/** "Subject: ..." on the first line that is not blank, in any case, spaces allowed before the colon. */
	private static final Pattern MUSTACHE_COMMENT = Pattern.compile("\\{\\{![^}]*}}");
	private static final Pattern SUBJECT = Pattern.compile("\\A(?:[ \\t]*\\R)*[ \\t]*subject[ \\t]*:(.*)(?:\\R|\\z)",
			Pattern.CASE_INSENSITIVE);

	private final Path folder;
	private final Locale fallbackLocale;
	private final TemplateFiles files;
	/** By file and language, with the text each was compiled from; as many as there are template files. */
	private final Map<Found, Compiled> compiled = new ConcurrentHashMap<>();

	TemplateRenderer(Path folder, Locale fallbackLocale) {
		this.folder = folder;
		this.fallbackLocale = fallbackLocale;
		this.files = new TemplateFiles(folder);
	}

	/** A template file and the language it is written in. */
	record Found(Path file, Locale locale) {
	}

	private record Compiled(String source, MessageTemplate template) {
	}

	/**
	 * Whether a template's source, once rendered, starts with the subject line an email's subject or a task's title is
	 * taken from: Mustache comments ({@code {{! ...}}}) before it render as nothing.
	 */
	static boolean startsWithSubject(String source) {
		return SUBJECT.matcher(MUSTACHE_COMMENT.matcher(source).replaceAll("")).lookingAt();
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
		String body = compile(text).render(message.variables());
		String subject = null;
		Matcher subjectLine = SUBJECT.matcher(body);
		if (subjectLine.lookingAt()) {
			subject = subjectLine.group(1).strip();
			body = body.substring(subjectLine.end()).stripLeading();
		}
		Found htmlFile = "email".equals(message.channel())
				? find(message.template(), message.channel(), "html", message.locale()) : null;
		String html = htmlFile == null ? null : compile(htmlFile).render(message.variables());
		return new RenderedMessage(subject, body, html);
	}

	/** The file's template as it reads now; compiled again only when its text is not the one compiled last. */
	private MessageTemplate compile(Found found) {
		String source = files.text(found.file());
		Compiled last = compiled.get(found);
		if (last != null && last.source().equals(source)) {
			return last.template();
		}
		MessageTemplate template = MessageTemplate.compile(found.file(), source, found.locale());
		compiled.put(found, new Compiled(source, template));
		return template;
	}

	/**
	 * Compiles every template file in the folder ({@code *.txt}, {@code *.html}) and checks it against the
	 * placeholders {@code known}: each problem as "file:line: what is wrong", none when all would render.
	 */
	List<String> check(Set<String> known) {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(TemplateRenderer::isTemplate).sorted().toList()) {
				try {
					problems.addAll(MessageTemplate.read(file, fallbackLocale).problems(known));
				}
				catch (TemplateException e) {
					problems.add(e.getMessage());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list the templates in " + folder, e);
		}
		return problems;
	}

	/** Text made safe inside HTML (element content or a quoted attribute), the way {@code .html} templates escape. */
	static String escapeHtml(String text) {
		return Escapers.HTML.escape(text);
	}

	private static boolean isTemplate(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".txt") || name.endsWith(".html"));
	}

	private Found find(String template, String channel, String extension, Locale locale) {
		return find(folder, fallbackLocale, template, channel, extension, locale, files::isFile);
	}

	/** The file a message in {@code locale} is rendered from, as {@link TemplateCheck} also looks for it. */
	static Found find(Path folder, Locale fallbackLocale, String template, String channel, String extension,
			Locale locale) {
		return find(folder, fallbackLocale, template, channel, extension, locale, Files::isRegularFile);
	}

	private static Found find(Path folder, Locale fallbackLocale, String template, String channel, String extension,
			Locale locale, Predicate<Path> isFile) {
		List<Locale> candidates = new ArrayList<>();
		for (Locale l : new Locale[] { locale, fallbackLocale }) {
			if (l != null && !l.toLanguageTag().equals("und")) {
				candidates.add(l);
				candidates.add(Locale.forLanguageTag(l.getLanguage()));
			}
		}
		for (Locale l : candidates) {
			Path file = folder.resolve(template + "." + channel + "." + l.toLanguageTag() + "." + extension);
			if (isFile.test(file)) {
				return new Found(file, l);
			}
		}
		Path plain = folder.resolve(template + "." + channel + "." + extension);
		return isFile.test(plain) ? new Found(plain, fallbackLocale) : null;
	}

	/** A template that is missing or does not render; the send stops with this message as its reason. */
	static final class TemplateException extends RuntimeException {
		TemplateException(String message) {
			super(message);
		}
	}
}
