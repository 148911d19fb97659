package org.forewarn.rules.reload;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.forewarn.rules.RuleBuildException;
import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.RuleError;
import org.forewarn.rules.RuleSet;
import org.forewarn.rules.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new rule set from the folder, validates it and swaps it into the engine in one step; a folder that does
 * not compile never replaces the running set. Evaluations already running finish on the set they started with.
 */
public class RuleReloader {

	private static final Logger log = LoggerFactory.getLogger(RuleReloader.class);

	private final RuleSetLoader loader;
	private final RuleEngine engine;
	private final Path folder;
	private final Clock clock;
	private final MeterRegistry meters;
	private volatile boolean watching;
	private volatile ReloadAttempt lastAttempt;
	private volatile ReloadAttempt lastRejected;
	/** The folder's fingerprint taken before the last load or refusal; null when not known. */
	private volatile String fingerprint;

	public RuleReloader(RuleSetLoader loader, RuleEngine engine, Path folder, Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.loader = loader;
		this.engine = engine;
		this.folder = folder;
		this.clock = clock;
		this.fingerprint = fingerprintOfRunning();
	}

	/**
	 * The folder's fingerprint when its files are the running ones; else null, so the watch reloads (a file saved
	 * while the rules were loading at start).
	 */
	private String fingerprintOfRunning() {
		try {
			String now = loader.fingerprint(folder);
			return loader.version(folder).equals(engine.current().version()) ? now : null;
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/** One reload at a time; {@code trigger} says who asked (the API, the file watch). */
	public synchronized ReloadAttempt reload(String trigger) {
		Instant at = clock.instant();
		long started = System.nanoTime();
		// taken first: a change while this attempt reads the files is one the watch still sees
		String seen = loader.fingerprint(folder);
		String running = engine.current().version();
		ReloadAttempt attempt;
		try {
			if (loader.version(folder).equals(running)) {
				attempt = new ReloadAttempt(at, trigger, ReloadAttempt.Outcome.UNCHANGED, running, 0, List.of());
			}
			else {
				RuleSet next = loader.load(folder);
				engine.swap(next);
				attempt = new ReloadAttempt(at, trigger, ReloadAttempt.Outcome.LOADED, next.version(),
						millisSince(started), List.of());
				log.info("Rules reloaded ({}): version {} replaces {}, {} rules in {} files", trigger,
						next.version(), running, next.rules().size(), next.files().size());
				next.warnings().forEach(w -> log.warn("Rules: {}", w));
			}
		}
		catch (RuleBuildException e) {
			attempt = rejected(at, trigger, started, e.errors());
		}
		catch (RuntimeException e) {
			attempt = rejected(at, trigger, started, List.of(new RuleError(folder.toString(), 0, String.valueOf(e))));
		}
		lastAttempt = attempt;
		fingerprint = seen;
		Counter.builder("forewarn.rules.reloads").description("Rule reloads, by outcome")
			.tag("outcome", attempt.outcome().name().toLowerCase()).register(meters).increment();
		return attempt;
	}

	private ReloadAttempt rejected(Instant at, String trigger, long started, List<RuleError> errors) {
		String version;
		try {
			version = loader.version(folder);
		}
		catch (RuntimeException e) {
			version = null;
		}
		ReloadAttempt attempt = new ReloadAttempt(at, trigger, ReloadAttempt.Outcome.REJECTED, version,
				millisSince(started), errors);
		lastRejected = attempt;
		log.warn("Rules in {} rejected ({}); version {} keeps running:\n  {}", folder, trigger,
				engine.current().version(), String.join("\n  ", errors.stream().map(RuleError::toString).toList()));
		return attempt;
	}

	public RulesStatus status() {
		RuleSet running = engine.current();
		return new RulesStatus(folder.toString(), running.version(), running.loadedAt(), watching, running.files(),
				running.rules(), running.ruleIds(), running.thresholds().asText(), running.warnings(),
				engine.failures().list(), lastAttempt, lastRejected);
	}

	public Path folder() {
		return folder;
	}

	/** The fingerprint of the folder as the last attempt found it (loaded, unchanged or refused). */
	String fingerprint() {
		return fingerprint;
	}

	/** The folder's fingerprint now. */
	String fingerprintNow() {
		return loader.fingerprint(folder);
	}

	void watching(boolean on) {
		this.watching = on;
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}
}
