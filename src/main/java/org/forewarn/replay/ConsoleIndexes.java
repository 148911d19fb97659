package org.forewarn.replay;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Drops, once a replay's database is migrated, the outreach indexes that only serve pages and jobs a replay never
 * runs (the console's lists and counts, the follow-up queue, escalations, retention). Each costs a write on every
 * insert of an outreach record, and a replay copies every record it decided into the table for its outcome report;
 * the indexes of reads by customer, dedupe key and send time stay. A missing one is passed over, so a later migration
 * may drop or rename any of them. Only the replay's own in-memory database is changed, whatever else Flyway is given.
 */
final class ConsoleIndexes extends BaseCallback {

	static final List<String> NAMES = List.of("outreach_decided", "outreach_status_decided",
			"outreach_problem_decided", "outreach_rule_decided", "outreach_status_updated", "outreach_status_deadline",
			"outreach_status_review", "outreach_sent_at", "outreach_task_urgency", "outreach_status_handled",
			"outreach_updated_at");

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			if (!context.getConnection().getMetaData().getURL().startsWith(ReplaySession.DATABASE)) {
				return; // Flyway was pointed elsewhere (spring.flyway.url): a database that outlives the replay
			}
		}
		catch (SQLException e) {
			throw new FlywayException("could not tell which database was migrated", e);
		}
		try (Statement statement = context.getConnection().createStatement()) {
			for (String name : NAMES) {
				statement.execute("drop index if exists " + name);
			}
		}
		catch (SQLException e) {
			throw new FlywayException("could not drop the console's indexes from the replay database", e);
		}
	}
}
