package org.forewarn.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.forewarn.event.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outcome figures from what is stored: outreach that went out or was held out, and the outcome events of the same
 * customers, attributed and compared per rule and problem. Computed when asked, from event times, so late events
 * count where they belong.
 */
@Component
@EnableConfigurationProperties(OutcomeSettings.class)
public class OutcomeReport {

	/** Statuses of outreach that reached the customer or a person. */
	private static final String CONTACTED = "'SENT', 'DELIVERED', 'OPEN', 'CLAIMED', 'RESOLVED', 'DISMISSED'";
	static final String METHOD = "95 % interval of the difference contacted minus held out: Newcombe's hybrid score "
			+ "method (from Wilson score intervals)";

	/** Filters; null matches everything. Outreach decided in [from, to) counts. */
	public record Filter(String problem, String rule, Instant from, Instant to) {
	}

	/** The figures, with what they cover and how they were computed. */
	public record Report(Instant from, Instant to, Duration window, int minPerGroup, String method, List<Lift> lifts) {

		/** The window as people say it: "30 days", "36 hours"; otherwise ISO-8601. */
		@JsonIgnore
		public String windowInWords() {
			if (window.toHoursPart() == 0 && window.toMinutesPart() == 0 && window.toSecondsPart() == 0
					&& window.toNanosPart() == 0) {
				return window.toDays() + (window.toDays() == 1 ? " day" : " days");
			}
			if (window.toMinutesPart() == 0 && window.toSecondsPart() == 0 && window.toNanosPart() == 0) {
				return window.toHours() + (window.toHours() == 1 ? " hour" : " hours");
			}
			return window.toString();
		}
	}

	private final JdbcClient jdbc;
	private final EventStore events;
	private final OutcomeSettings settings;
	private final Clock clock;

	OutcomeReport(JdbcClient jdbc, EventStore events, OutcomeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	public Report report(Filter filter) {
		Instant until = filter.to() != null && filter.to().isBefore(clock.instant()) ? filter.to() : clock.instant();
		List<Exposure> exposures = exposures().stream()
			.filter(e -> filter.problem() == null || e.problem().equals(filter.problem()))
			.filter(e -> filter.rule() == null || e.rule().equals(filter.rule()))
			.filter(e -> filter.from() == null || !e.decidedAt().isBefore(filter.from()))
			.filter(e -> filter.to() == null || e.decidedAt().isBefore(filter.to()))
			.toList();
		List<OutcomeEvent> outcomes = events.findOfTypes(OutcomeEvent.TYPES).stream()
			.map(e -> OutcomeEvent.of(e, settings.complaint()))
			.filter(Objects::nonNull)
			.toList();
		Map<Exposure, Attribution.Followed> followed = Attribution.attribute(exposures, outcomes, settings.window());
		return new Report(filter.from(), filter.to(), settings.window(), settings.minPerGroup(), METHOD,
				Lift.of(followed, settings.minPerGroup(), until));
	}

	private List<Exposure> exposures() {
		return jdbc.sql("select id, customer_id, rule_name, problem, decided_at, status from outreach where status in ("
				+ CONTACTED + ", 'HELD_OUT')")
			.query((rs, row) -> new Exposure(rs.getString("id"), rs.getString("customer_id"), rs.getString("rule_name"),
					rs.getString("problem"), rs.getObject("decided_at", java.time.OffsetDateTime.class).toInstant(),
					"HELD_OUT".equals(rs.getString("status"))))
			.list();
	}
}
