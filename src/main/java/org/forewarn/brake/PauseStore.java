package org.forewarn.brake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.forewarn.shared.StoredTime.instant;
import static org.forewarn.shared.StoredTime.utc;

/** Pauses in force and the audit trail of every pause and resume, shared by all instances through the database. */
@Repository
class PauseStore {

	private final JdbcClient jdbc;

	PauseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Pause> all() {
		return jdbc.sql("select scope, name, note, paused_by, paused_at from brake_pause order by paused_at, scope, name")
			.query(PauseStore::pause).list();
	}

	Optional<Pause> find(String scope, String name) {
		return jdbc.sql("select scope, name, note, paused_by, paused_at from brake_pause where scope = ? and name = ?")
			.params(scope, name).query(PauseStore::pause).optional();
	}

	/** Whether any outreach record is about this problem (along the index on problem). */
	boolean outreachAbout(String problem) {
		return jdbc.sql("select 1 from outreach where problem = ? fetch first 1 rows only").params(problem)
			.query(Integer.class).optional().isPresent();
	}

	void insert(Pause p) {
		jdbc.sql("insert into brake_pause (scope, name, note, paused_by, paused_at) values (?, ?, ?, ?, ?)")
			.params(p.scope(), p.name(), p.note(), p.pausedBy(), utc(p.pausedAt())).update();
	}

	boolean delete(String scope, String name) {
		return jdbc.sql("delete from brake_pause where scope = ? and name = ?").params(scope, name).update() > 0;
	}

	void audit(AuditEntry e) {
		jdbc.sql("insert into brake_audit (at, actor, action, scope, name, note) values (?, ?, ?, ?, ?, ?)")
			.params(utc(e.at()), e.actor(), e.action(), e.scope(), e.name(), e.note()).update();
	}

	/** The latest entries, newest first. */
	List<AuditEntry> recentAudit(int limit) {
		return jdbc.sql("select at, actor, action, scope, name, note from brake_audit order by id desc fetch first "
				+ limit + " rows only")
			.query((rs, row) -> new AuditEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
					rs.getString("scope"), rs.getString("name"), rs.getString("note")))
			.list();
	}

	private static Pause pause(ResultSet rs, int row) throws SQLException {
		return new Pause(rs.getString("scope"), rs.getString("name"), rs.getString("note"), rs.getString("paused_by"),
				instant(rs, "paused_at"));
	}
}
