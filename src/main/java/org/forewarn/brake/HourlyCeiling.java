package org.forewarn.brake;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ceiling per rule per hour: the first sends of a rule let through in the last hour (a sliding hour on the
 * clock), counted in the database so that every instance counts together ({@link TableCeilingAdmissions}), or in
 * memory by a process that alone sends ({@code forewarn.brake.ceiling-in-memory}, a replay). An admission is kept even
 * when the send then does not happen (the process stops, a guardrail says no later): the ceiling errs towards fewer
 * messages, never more.
 */
@Component
public class HourlyCeiling {

	private final CeilingAdmissions admissions;
	private final BrakeSettings settings;
	private final Clock clock;

	HourlyCeiling(JdbcClient jdbc, TransactionTemplate transaction, BrakeSettings settings, Clock clock) {
		this.admissions = settings.ceilingInMemory() ? new MemoryCeilingAdmissions()
				: new TableCeilingAdmissions(jdbc, transaction);
		this.settings = settings;
		this.clock = clock;
	}

	/** The ceiling that applies: the rule's own when it set one, else {@code forewarn.brake.hourly-ceiling}. */
	public int ceiling(Integer rulesOwn) {
		return rulesOwn != null ? rulesOwn : settings.hourlyCeiling();
	}

	/**
	 * Whether this first send of the rule fits under its ceiling; true again for an outreach admitted before (a send
	 * put back by the provider rate comes back through here). {@code ceiling} 0: no ceiling.
	 */
	public boolean admit(String rule, int ceiling, String outreachId) {
		return ceiling <= 0 || admissions.admit(rule, ceiling, outreachId, clock.instant());
	}

	/** How many first sends of the rule were let through in the last hour. */
	public int usedLastHour(String rule) {
		return admissions.usedAfter(rule, clock.instant().minus(CeilingAdmissions.HOUR));
	}

	/** Forgets what it knows of the admissions: for a database emptied under it (a replay starting over). */
	public void forgetAll() {
		admissions.clear();
	}
}
