package org.forewarn.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.forewarn.channel.ChannelSettings;
import org.forewarn.channel.TemplateCheck;
import org.forewarn.rules.RuleContext;
import org.forewarn.rules.RuleError;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What rules are checked against (channels, templates with the values a message carries, the open-ticket problem
 * list), read from the settings the service would run with.
 */
public final class RuleVocabulary {

	static final String HELD_BACK = "forewarn.guardrails.open-ticket.problems";

	private RuleVocabulary() {
	}

	/** From the bound settings of the running service; {@code settingsFile} only names where the list is set. */
	static RuleContext of(ChannelSettings channels, GuardrailSettings guardrails, DeliverySettings delivery,
			Path settingsFile) {
		TemplateCheck templates = new TemplateCheck(Path.of(channels.templates()),
				Locale.forLanguageTag(channels.fallbackLocale()));
		return new RuleContext(TemplateCheck.CHANNELS,
				(template, channel) -> templates.problems(template, channel, MessageVariables.NAMES),
				guardrails.openTicket().problems(), heldBackAt(settingsFile),
				(template, channel, ruleChain) -> fallbackProblem(templates, delivery, template, channel,
						ruleChain != null ? ruleChain : delivery.fallback().chainFrom(channel)));
	}

	/**
	 * Walks the chain as {@link Fallbacks} does: each step on the template of the one before when it has a text for
	 * the channel, else on {@code forewarn.delivery.fallback-template}; it ends at a channel it just left, and at a
	 * step that would not render (such a failure does not fall back).
	 */
	private static List<String> fallbackProblem(TemplateCheck templates, DeliverySettings delivery, String template,
			String channel, List<String> chain) {
		String previous = channel;
		String current = template;
		for (String next : chain) {
			if (next.equals(previous) || !TemplateCheck.CHANNELS.contains(next)) {
				return List.of(); // an unknown channel is an error of its own
			}
			String used = delivery.templateFor(current, next, templates::exists);
			List<String> wrong = templates.problems(used, next, MessageVariables.NAMES);
			if (!wrong.isEmpty()) {
				return List.of("a fallback to " + next + " would not go out: " + (used.equals(current) ? ""
						: "template \"" + current + "\" has no text for " + next + ", so it takes the fallback "
								+ "template (forewarn.delivery.fallback-template), and ") + String.join("; ", wrong));
			}
			previous = next;
			current = used;
		}
		return List.of();
	}

	/**
	 * For {@code validate}, outside the service: the settings file (normally {@code config/application.yml}; its
	 * defaults when it does not exist) with environment variables and system properties over it, as at start.
	 */
	public static RuleContext fromSettings(Path settingsFile) {
		return fromSettings(settingsFile, List.of());
	}

	/**
	 * As {@link #fromSettings(Path)}, with a one-shot command's own settings ({@code --name=value}) over all of it,
	 * as the command's engine binds them.
	 */
	public static RuleContext fromSettings(Path settingsFile, List<String> arguments) {
		Binder binder = binder(settingsFile, arguments);
		try {
			ChannelSettings channels = binder.bindOrCreate("forewarn.channels", ChannelSettings.class);
			GuardrailSettings guardrails = binder.bindOrCreate("forewarn.guardrails", GuardrailSettings.class);
			DeliverySettings delivery = binder.bindOrCreate("forewarn.delivery", DeliverySettings.class);
			return of(channels, guardrails, delivery, settingsFile);
		}
		catch (BindException e) {
			throw new SettingsException(settingsFile + ": " + reason(e));
		}
	}

	/** The rules folder ({@code forewarn.rules}) a one-shot command given {@code arguments} runs. */
	public static String rulesFolder(Path settingsFile, List<String> arguments) {
		return binder(settingsFile, arguments).bind("forewarn.rules", String.class).orElse("rules");
	}

	private static Binder binder(Path settingsFile, List<String> arguments) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
				arguments.toArray(String[]::new)));
		if (Files.isRegularFile(settingsFile)) {
			try {
				new YamlPropertySourceLoader().load(settingsFile.toString(),
						new org.springframework.core.io.FileSystemResource(settingsFile))
					.forEach(environment.getPropertySources()::addLast);
			}
			catch (MarkedYAMLException e) {
				throw new SettingsException(settingsFile + notYaml(e));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + settingsFile, e);
			}
		}
		return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
	}

	/** The setting and what is wrong with it: a value that is no such type, or the setting's own check. */
	private static String reason(BindException e) {
		Throwable cause = e;
		while (cause.getCause() != null) {
			if (cause instanceof ConversionFailedException failed) {
				return e.getName() + ": '" + failed.getValue() + "' is not " + ("aeiou".indexOf(Character.toLowerCase(
						failed.getTargetType().getType().getSimpleName().charAt(0))) >= 0 ? "an " : "a ")
						+ failed.getTargetType().getType().getSimpleName();
			}
			cause = cause.getCause();
		}
		String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
		return (reason.startsWith(e.getName().toString()) ? "" : e.getName() + ": ") + reason;
	}

	/** Where the parser stopped and why, and what it was reading then: {@code :10:1: not valid YAML: ...}. */
	private static String notYaml(MarkedYAMLException e) {
		Mark stop = e.getProblemMark();
		Mark start = e.getContextMark();
		return (stop == null ? "" : ":" + (stop.getLine() + 1) + ":" + (stop.getColumn() + 1)) + ": not valid YAML: "
				+ e.getProblem() + (e.getContext() == null ? "" : ", " + e.getContext()) + (start == null ? ""
						: " from line " + (start.getLine() + 1) + ", column " + (start.getColumn() + 1));
	}

	/** A setting the rules are checked against cannot be read; the message names the file and the setting. */
	public static final class SettingsException extends RuntimeException {

		SettingsException(String message) {
			super(message);
		}
	}

	/** The line of the open-ticket list in the settings file (0 when it is not set there: the default applies). */
	private static RuleError heldBackAt(Path settingsFile) {
		int line = 0;
		if (Files.isRegularFile(settingsFile)) {
			try {
				List<String> lines = Files.readAllLines(settingsFile);
				boolean inOpenTicket = false;
				for (int i = 0; i < lines.size() && line == 0; i++) {
					String text = lines.get(i).strip();
					inOpenTicket |= text.startsWith("open-ticket:");
					if (inOpenTicket && text.startsWith("problems:")) {
						line = i + 1;
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + settingsFile, e);
			}
		}
		return new RuleError(settingsFile.toString(), line, "");
	}
}
