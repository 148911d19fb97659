package org.forewarn.suppression;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.forewarn.shared.ContactText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.forewarn.shared.StoredTime.instant;
import static org.forewarn.shared.StoredTime.utc;

/** The suppression table: one row per channel and normalised address. */
@Repository
class SuppressionStore {

	private static final String ERASED = "(erased)";
	private static final String COLUMNS = "channel, address, reason, source, created_at, expires_at, created_by";

	private final JdbcClient jdbc;
	private final AddressDigests digests;
	private final boolean soleWriter;
	/** For a sole writer: whether the table may hold an entry; null until first asked. */
	private Boolean mayHoldEntries;

	SuppressionStore(JdbcClient jdbc, AddressDigests digests, SuppressionSettings settings) {
		this.jdbc = jdbc;
		this.digests = digests;
		this.soleWriter = settings.soleWriter();
	}

	/** The entry for an address as written, else the one kept under its digest after its owner was erased. */
	Optional<Suppression> find(String channel, String address) {
		if (soleWriter && !mayHoldEntries()) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + " from suppression where channel = ? and address in (?, ?)"
				+ " order by case when address = ? then 0 else 1 end")
			.params(channel, address, digests.of(address), address).query(SuppressionStore::map).list().stream()
			.findFirst();
	}

	/** The key an erased customer's address is kept under. */
	String digest(String address) {
		return digests.of(address);
	}

	/**
	 * Replaces an address by its digest, removes the person's details and any address or number from its reason, and
	 * forgets its soft bounces: the entry keeps refusing that address while nothing readable of them stays. False when
	 * the address had no entry.
	 */
	boolean pseudonymise(String channel, String address, Collection<String> details) {
		String digest = digests.of(address);
		jdbc.sql("delete from soft_bounce where address = ?").param(address).update();
		boolean kept;
		if (jdbc.sql("select count(*) from suppression where channel = ? and address = ?").params(channel, digest)
			.query(Long.class).single() > 0) {
			kept = jdbc.sql("delete from suppression where channel = ? and address = ?").params(channel, address)
				.update() > 0;
		}
		else {
			kept = jdbc.sql("update suppression set address = ? where channel = ? and address = ?")
				.params(digest, channel, address).update() > 0;
		}
		// as people typed it: the name in capitals, the email in mixed case, the phone with spaces or without its code
		jdbc.sql("select reason from suppression where channel = ? and address = ?").params(channel, digest)
			.query(String.class).optional()
			.ifPresent(reason -> jdbc.sql("update suppression set reason = ? where channel = ? and address = ?")
				.params(ContactText.without(reason, details, ERASED), channel, digest).update());
		return kept;
	}

	/** Inserts, or replaces the row of the same address; a concurrent insert of the same address ends as one row. */
	void put(Suppression s) {
		mayHoldEntriesFromNowOn(); // before the insert: a lookup meanwhile asks the table
		if (update(s) == 0) {
			try {
				jdbc.sql("insert into suppression (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
					.params(s.channel(), s.address(), s.reason(), s.source().label(), utc(s.createdAt()),
							utc(s.expiresAt()), s.createdBy())
					.update();
			}
			catch (DuplicateKeyException e) {
				update(s);
			}
		}
	}

	private synchronized boolean mayHoldEntries() {
		if (mayHoldEntries == null) {
			mayHoldEntries = count(null, null) > 0;
		}
		return mayHoldEntries;
	}

	private synchronized void mayHoldEntriesFromNowOn() {
		mayHoldEntries = true;
	}

	private int update(Suppression s) {
		return jdbc.sql("update suppression set reason = ?, source = ?, created_at = ?, expires_at = ?, created_by = ? "
				+ "where channel = ? and address = ?")
			.params(s.reason(), s.source().label(), utc(s.createdAt()), utc(s.expiresAt()), s.createdBy(),
					s.channel(), s.address())
			.update();
	}

	boolean delete(String channel, String address) {
		return jdbc.sql("delete from suppression where channel = ? and address in (?, ?)")
			.params(channel, address, digests.of(address)).update() > 0;
	}

	/** Removes the row, or the one kept under its digest, only when it came from {@code source}. */
	boolean delete(String channel, String address, SuppressionSource source) {
		return jdbc.sql("delete from suppression where channel = ? and address in (?, ?) and source = ?")
			.params(channel, address, digests.of(address), source.label()).update() > 0;
	}

	List<Suppression> page(String channel, SuppressionSource source, int offset, int limit) {
		Filter filter = filter(channel, source);
		List<Object> params = new ArrayList<>(filter.params());
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select " + COLUMNS + " from suppression" + filter.where()
				+ " order by created_at desc, channel, address limit ? offset ?")
			.params(params).query(SuppressionStore::map).list();
	}

	long count(String channel, SuppressionSource source) {
		Filter filter = filter(channel, source);
		return jdbc.sql("select count(*) from suppression" + filter.where()).params(filter.params())
			.query(Long.class).single();
	}

	private record Filter(String where, List<Object> params) {
	}

	private static Filter filter(String channel, SuppressionSource source) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (channel != null) {
			conditions.add("channel = ?");
			params.add(channel);
		}
		if (source != null) {
			conditions.add("source = ?");
			params.add(source.label());
		}
		return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
	}

	private static Suppression map(ResultSet rs, int row) throws SQLException {
		return new Suppression(rs.getString("channel"), rs.getString("address"), rs.getString("reason"),
				SuppressionSource.parse(rs.getString("source")), instant(rs, "created_at"), instant(rs, "expires_at"),
				rs.getString("created_by"));
	}
}
