package org.forewarn.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.forewarn.event.EventStore;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.shared.SqlMarks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.forewarn.shared.StoredTime.utc;

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
	private static final int CUSTOMERS_PER_QUERY = 500;
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
	private final OutreachStore outreach;
	private final EventStore events;
	private final OutcomeSettings settings;
	private final Clock clock;

	OutcomeReport(JdbcClient jdbc, OutreachStore outreach, EventStore events, OutcomeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.outreach = outreach;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The figures for the outreach the filter selects. Group sizes are counted by the database; only the outreach
	 * of customers with an outcome event is read, to attribute each event to its customer's first outreach before it
	 * (attribution looks at one customer's outreach alone, so the rest changes nothing but the counts).
	 */
	public Report report(Filter filter) {
		outreach.writeTables(); // a replay keeps its outreach in memory until asked
		Instant until = filter.to() != null && filter.to().isBefore(clock.instant()) ? filter.to() : clock.instant();
		StringBuilder where = new StringBuilder(" where status in (" + CONTACTED + ", 'HELD_OUT')");
		List<Object> params = new ArrayList<>();
		condition(where, params, "problem = ?", filter.problem());
		condition(where, params, "rule_name = ?", filter.rule());
		condition(where, params, "decided_at >= ?", utc(filter.from()));
		condition(where, params, "decided_at < ?", utc(filter.to()));
		Map<String, Tally> tallies = new TreeMap<>();
		jdbc.sql("select status, rule_name, problem, count(*), min(decided_at) from outreach" + where
				+ " group by status, rule_name, problem")
			.params(params)
			.query((rs, row) -> {
				String rule = rs.getString(2);
				String problem = rs.getString(3);
				tallies.computeIfAbsent(Tally.key(rule, problem), k -> new Tally(rule, problem))
					.count("HELD_OUT".equals(rs.getString(1)), rs.getLong(4), instant(rs.getObject(5, OffsetDateTime.class)));
				return rule;
			})
			.list();
		List<OutcomeEvent> outcomes = events.findOfTypes(OutcomeEvent.TYPES).stream()
			.map(e -> OutcomeEvent.of(e, settings.complaint()))
			.filter(Objects::nonNull)
			.toList();
		List<Exposure> exposures = exposuresOf(outcomes.stream().map(OutcomeEvent::customerId).distinct().toList(),
				where, params);
		Attribution.attribute(exposures, outcomes, settings.window()).forEach((e, followed) -> {
			// a record decided between the two reads is not in the counts: it waits for the next report
			Tally tally = tallies.get(Tally.key(e.rule(), e.problem()));
			if (tally != null) {
				tally.follow(e.heldOut(), followed);
			}
		});
		return new Report(filter.from(), filter.to(), settings.window(), settings.minPerGroup(), METHOD,
				Lift.of(tallies.values(), settings.minPerGroup(), until));
	}

	/** The selected outreach of these customers, a few hundred customers a query. */
	private List<Exposure> exposuresOf(List<String> customers, StringBuilder where, List<Object> params) {
		List<Exposure> exposures = new ArrayList<>();
		for (int i = 0; i < customers.size(); i += CUSTOMERS_PER_QUERY) {
			List<String> some = customers.subList(i, Math.min(customers.size(), i + CUSTOMERS_PER_QUERY));
			List<Object> p = new ArrayList<>(params);
			p.addAll(some);
			jdbc.sql("select id, customer_id, rule_name, problem, decided_at, status from outreach" + where
					+ " and customer_id in (" + SqlMarks.of(some) + ")")
				.params(p)
				.query((rs, row) -> new Exposure(rs.getString("id"), rs.getString("customer_id"),
						rs.getString("rule_name"), rs.getString("problem"),
						instant(rs.getObject("decided_at", OffsetDateTime.class)), "HELD_OUT".equals(rs.getString("status"))))
				.list()
				.forEach(exposures::add);
		}
		return exposures;
	}

	private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
		if (value != null) {
			where.append(" and ").append(sql);
			params.add(value);
		}
	}

	private static Instant instant(OffsetDateTime value) {
		return value.toInstant();
	}
}
