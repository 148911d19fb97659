package org.forewarn.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.forewarn.engine.EventIntake;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.Event;
import org.forewarn.event.EventType;
import org.forewarn.outcome.OutcomeReport;

/** Reads events line by line through the {@link Replayer}, reporting progress and bad lines as it goes. */
final class ReplayRun {

	static final int REJECTIONS_SHOWN = 20;
	static final long PROGRESS_EVERY_MS = 2000;

	private final ReplaySession session;
	private final Replayer replayer;
	private final EventIntake intake;

	ReplayRun(ReplaySession session) {
		this.session = session;
		this.replayer = session.bean(Replayer.class);
		this.intake = session.bean(EventIntake.class);
	}

	ReplaySummary replay(InputStream events, long totalLines, PrintStream progress) throws IOException {
		long started = System.nanoTime();
		long lastReport = System.currentTimeMillis();
		ReplaySummary.Counts counts = new ReplaySummary.Counts();
		Map<String, Instant> promisedBy = new HashMap<>();
		Instant startedAt = null;
		long lineNumber;
		try (ParsedLines lines = new ParsedLines(events)) {
			ParsedLines.Line line;
			while ((line = lines.next()) != null) {
				IntakeResult result;
				if (line.invalid() != null) {
					result = new IntakeResult(null, null, IntakeResult.Status.REJECTED, line.invalid().getMessage());
				}
				else {
					Event event = line.event();
					// from the future, so a typo: fed, it would move the clock there and make every later event late
					result = intake.refusal(event, Instant.now());
					if (result == null) {
						// the intake answers REJECTED or FAILED for what it cannot process rather than throwing
						result = replayer.feed(event);
						startedAt = startedAt == null ? event.instant() : startedAt;
						Instant promised = event.type().equals(EventType.ORDER_PLACED.wireName())
								? event.instant("promisedBy") : null;
						if (promised != null) {
							promisedBy.put(event.orderId(), promised);
						}
					}
				}
				counts.add(result.status());
				if (result.status() == IntakeResult.Status.REJECTED || result.status() == IntakeResult.Status.FAILED) {
					if (counts.rejected() + counts.failed() <= REJECTIONS_SHOWN) {
						progress.println("line " + line.number() + ": " + result.reason());
					}
				}
				if (System.currentTimeMillis() - lastReport >= PROGRESS_EVERY_MS) {
					lastReport = System.currentTimeMillis();
					double seconds = (System.nanoTime() - started) / 1e9;
					progress.printf("%,d / %,d lines (%d%%), %,.0f events/s, event time %s%n", line.number(),
							totalLines, totalLines == 0 ? 100 : line.number() * 100 / totalLines,
							line.number() / seconds, replayer.now());
				}
			}
			lineNumber = lines.linesRead();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		return new ReplaySummary(session.rulesFolder(), session.ruleVersion(), lineNumber, counts,
				replayer.timersFired(), replayer.timersPending(), seconds, startedAt, replayer.now(),
				session.outreach(), session.detectionCounts(), promisedBy,
				session.bean(OutcomeReport.class).report(new OutcomeReport.Filter(null, null, null, null)));
	}
}
