package org.forewarn.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.forewarn.shared.ByteOrderMark;
import org.forewarn.shared.Utf8Text;

/**
 * One template file compiled with Mustache (JMustache). {@code {{name}}} writes a value; {@code {{#name}}..{{/name}}}
 * shows its text only when the value is set, {@code {{^name}}..{{/name}}} only when it is empty. The shorter
 * {@code {{name|text}}} (text when the value is empty) is turned into those two sections as the file is compiled,
 * on the same line. Values are HTML-escaped in {@code .html} files and written as they are in {@code .txt} files;
 * dates (values that are a {@code ZonedDateTime}) are written out in the file's language.
 */
final class MessageTemplate {

	/** {@code {{name|text for empty}}}: the default syntax operators used before Mustache. */
	private static final Pattern DEFAULT_TEXT = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*\\|([^}]*)}}");
	/** The name in a tag that reads a value or includes a file: {{x}}, {{{x}}}, {{&x}}, {{#x}}, {{^x}}, {{>x}}... */
	private static final Pattern TAG = Pattern.compile("\\{\\{[{&#^><]?\\s*([^\\s}|]+)");
	/** Names Mustache gives a meaning of its own (the current value in a section, loop positions). */
	private static final Set<String> BUILT_IN = Set.of(".", "-first", "-last", "-index");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);

	/** A name the template uses and the line it is first used on (0 when the line cannot be told). */
	record Placeholder(String name, int line) {
	}

	private final Path file;
	private final Template compiled;
	private final List<Placeholder> placeholders;
	private final List<Placeholder> includes;

	private MessageTemplate(Path file, Template compiled, List<Placeholder> placeholders, List<Placeholder> includes) {
		this.file = file;
		this.compiled = compiled;
		this.placeholders = placeholders;
		this.includes = includes;
	}

	/** Reads and compiles {@code file}, whose dates are written in {@code locale}; a syntax error names file:line. */
	static MessageTemplate read(Path file, Locale locale) {
		return compile(file, source(file), locale);
	}

	/**
	 * The file's text, as compiled by {@link #compile}. A file that cannot be read or is not UTF-8 (an edit saved as
	 * Latin-1) stops the message as a template error does, naming file and line; the events that decided it stay.
	 */
	static String source(Path file) {
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new TemplateRenderer.TemplateException(file.getFileName() + ": cannot read: " + e);
		}
		String text;
		try { // read on every send: decoded once, the bad line looked for only when there is one
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException e) {
			throw new TemplateRenderer.TemplateException(file.getFileName() + ":" + Utf8Text.firstLineNotUtf8(content)
					+ ": " + Utf8Text.NOT_UTF_8);
		}
		return ByteOrderMark.strip(text);
	}

	static MessageTemplate compile(Path file, String source, Locale locale) {
		String mustache = DEFAULT_TEXT.matcher(source).replaceAll(m -> Matcher.quoteReplacement("{{#" + m.group(1)
				+ "}}{{" + m.group(1) + "}}{{/" + m.group(1) + "}}{{^" + m.group(1) + "}}" + m.group(2) + "{{/"
				+ m.group(1) + "}}"));
		Template compiled;
		try {
			compiled = compiler(file.getFileName().toString().endsWith(".html"), locale).compile(mustache);
		}
		catch (MustacheException e) {
			throw new TemplateRenderer.TemplateException(syntaxError(file, e.getMessage()));
		}
		Map<String, Integer> firstLines = firstLines(mustache);
		Set<String> values = new LinkedHashSet<>();
		Set<String> includes = new LinkedHashSet<>();
		compiled.visit(new Names(values::add, includes::add));
		values.removeAll(BUILT_IN);
		return new MessageTemplate(file, compiled, located(values, firstLines), located(includes, firstLines));
	}

	/** Every value this template reads, in order of first use, each with the line it is first used on. */
	List<Placeholder> placeholders() {
		return placeholders;
	}

	/** What keeps this template from rendering with the values {@code known}: each "file:line: what is wrong". */
	List<String> problems(Set<String> known) {
		List<String> problems = new ArrayList<>();
		for (Placeholder include : includes) {
			problems.add(where(include.line()) + ": {{>" + include.name()
					+ "}} includes another file, which message templates cannot do");
		}
		for (Placeholder p : placeholders) {
			if (!known.contains(p.name())) {
				problems.add(where(p.line()) + ": unknown placeholder {{" + p.name() + "}}; known: "
						+ String.join(", ", new TreeSet<>(known)));
			}
		}
		return problems;
	}

	/** The text with these values; a placeholder that is not among them stops it, even in a part not shown. */
	String render(Map<String, ?> values) {
		List<String> problems = problems(values.keySet());
		if (!problems.isEmpty()) {
			throw new TemplateRenderer.TemplateException(problems.get(0));
		}
		try {
			return compiled.execute(values);
		}
		catch (MustacheException e) {
			int line = e instanceof MustacheException.Context context ? context.lineNo : 0;
			throw new TemplateRenderer.TemplateException(where(line) + ": " + e.getMessage());
		}
	}

	private String where(int line) {
		return file.getFileName() + (line > 0 ? ":" + line : "");
	}

	/** Plain text keeps values as they are; HTML escapes them. A missing value is an error, a null one is empty. */
	private static Mustache.Compiler compiler(boolean html, Locale locale) {
		return Mustache.compiler()
			.escapeHTML(html)
			.strictSections(true)
			.nullValue("")
			.emptyStringIsFalse(true)
			.withCollector(new MapsOnly())
			.withFormatter(value -> value instanceof ZonedDateTime date ? DATE.withLocale(locale).format(date)
					: String.valueOf(value));
	}

	private static List<Placeholder> located(Set<String> names, Map<String, Integer> firstLines) {
		return names.stream().map(n -> new Placeholder(n, firstLines.getOrDefault(n, 0))).toList();
	}

	private static Map<String, Integer> firstLines(String source) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		Matcher tag = TAG.matcher(source);
		int line = 1;
		int from = 0;
		while (tag.find()) {
			for (int i = from; i < tag.start(); i++) {
				line += source.charAt(i) == '\n' ? 1 : 0;
			}
			from = tag.start();
			lines.putIfAbsent(tag.group(1), line);
		}
		return lines;
	}

	/** "Section close tag with no open tag 'x' @ line 3" becomes "file.txt:3: Section close tag ...". */
	private static String syntaxError(Path file, String message) {
		Matcher at = Pattern.compile("(.*) @ line (\\d+)$", Pattern.DOTALL).matcher(message);
		return at.matches() ? file.getFileName() + ":" + at.group(2) + ": " + at.group(1)
				: file.getFileName() + ": " + message;
	}

	/** Collects the names of values (variables and sections, blocks included) and of included files. */
	private record Names(Consumer<String> value, Consumer<String> include) implements Mustache.Visitor {

		@Override
		public void visitText(String text) {
		}

		@Override
		public void visitVariable(String name) {
			value.accept(name);
		}

		@Override
		public boolean visitInclude(String name) {
			include.accept(name);
			return false;
		}

		@Override
		public boolean visitParent(String name) {
			include.accept(name);
			return false;
		}

		@Override
		public boolean visitBlock(String name) {
			return true;
		}

		@Override
		public boolean visitSection(String name) {
			value.accept(name);
			return true;
		}

		@Override
		public boolean visitInvertedSection(String name) {
			value.accept(name);
			return true;
		}
	}

	/** Values come from maps only: no reflection, so a template cannot call methods on what it is given. */
	private static final class MapsOnly extends BasicCollector {

		@Override
		public <K, V> Map<K, V> createFetcherCache() {
			return new ConcurrentHashMap<>();
		}
	}
}
