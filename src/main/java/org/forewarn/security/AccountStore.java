package org.forewarn.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users (BCrypt password hashes) and API tokens (SHA-256 of a random token with the prefix {@code fwt_}: a token
 * carries 256 random bits, so a fast hash is enough, and checking one costs nothing per request).
 */
class AccountStore {

	static final String TOKEN_PREFIX = "fwt_";
	/** Most changes {@link #changes} answers at once. */
	static final int MAX_CHANGES = 10_000;
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Clock clock;

	AccountStore(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	long userCount() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	/**
	 * Adds a user; an existing name (a user's or a token's) or a bad name is an {@link IllegalArgumentException}
	 * saying so. {@code actor}: who did it, recorded with every change to users and tokens.
	 */
	void addUser(String name, String password, Set<Role> roles, String actor) {
		checkName(name);
		try {
			// the token's name is looked for in the insert itself, not in a query before it; a token and a user given
			// the same name at the very same moment could still both pass
			if (jdbc.sql("insert into account (name, password_hash, roles, created_at) select ?, ?, ?, ? where not "
					+ "exists (select 1 from api_token where name = ?)")
				.params(name, passwords.encode(password), Role.join(roles), now(), name).update() == 0) {
				throw takenByTheOtherKind(name, "a token");
			}
		}
		catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("user '" + name + "' exists already", e);
		}
		changed(actor, "user added", name, roles);
	}

	/** Sets a user's password (already checked); false when there is no such user. */
	boolean setPassword(String name, String password, String actor) {
		boolean changed = jdbc.sql("update account set password_hash = ? where name = ?")
			.params(passwords.encode(password), name).update() > 0;
		if (changed) {
			changed(actor, name.equals(actor) ? "password changed" : "password reset", name, null);
		}
		return changed;
	}

	/** Whether the password is the user's current one. */
	boolean passwordMatches(String name, String password) {
		return password != null && findUser(name).map(a -> passwords.matches(password, a.passwordHash()))
			.orElse(false);
	}

	/** Changes to users and tokens, newest first. */
	List<AccountChange> changes(int limit) {
		return jdbc.sql("select changed_at, actor, action, name, roles from account_change order by seq desc limit "
				+ Math.max(1, Math.min(limit, MAX_CHANGES)))
			.query((rs, n) -> new AccountChange(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	private void changed(String actor, String action, String name, Set<Role> roles) {
		jdbc.sql("insert into account_change (changed_at, actor, action, name, roles) values (?, ?, ?, ?, ?)")
			.params(now(), actor, action, name, roles == null ? null : Role.join(roles)).update();
	}

	Optional<Account> findUser(String name) {
		return jdbc.sql("select name, password_hash, roles from account where name = ?").param(name)
			.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3))))
			.optional();
	}

	/**
	 * Removes a user; false when there is none. The last user holding {@code admin} is not removed (an
	 * IllegalStateException): nobody could add users, reset passwords or issue tokens any more.
	 */
	boolean removeUser(String name, String actor) {
		Optional<Account> user = findUser(name);
		if (user.isEmpty()) {
			return false;
		}
		if (user.get().roles().contains(Role.ADMIN)
				&& users().stream().filter(a -> a.roles().contains(Role.ADMIN)).count() < 2) {
			throw new IllegalStateException("'" + name + "' is the last user with the role admin: add another admin "
					+ "before removing it");
		}
		boolean removed = jdbc.sql("delete from account where name = ?").param(name).update() > 0;
		if (removed) {
			changed(actor, "user removed", name, null);
		}
		return removed;
	}

	List<Account> users() {
		return jdbc.sql("select name, roles from account order by name")
			.query((rs, n) -> new Account(rs.getString(1), null, Role.parse(rs.getString(2)))).list();
	}

	/** Creates a token and returns it: the only time it is seen, only its hash is kept. */
	String createToken(String name, Set<Role> roles, String actor) {
		checkName(name);
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try {
			if (jdbc.sql("insert into api_token (token_hash, name, roles, created_at) select ?, ?, ?, ? where not "
					+ "exists (select 1 from account where name = ?)")
				.params(hash(token), name, Role.join(roles), now(), name).update() == 0) {
				throw takenByTheOtherKind(name, "a user");
			}
		}
		catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("token '" + name + "' exists already; revoke it first", e);
		}
		changed(actor, "token created", name, roles);
		return token;
	}

	Optional<Account> findToken(String token) {
		return jdbc.sql("select name, roles from api_token where token_hash = ?").param(hash(token))
			.query((rs, n) -> new Account(rs.getString(1), null, Role.parse(rs.getString(2)))).optional();
	}

	boolean revokeToken(String name, String actor) {
		boolean revoked = jdbc.sql("delete from api_token where name = ?").param(name).update() > 0;
		if (revoked) {
			changed(actor, "token revoked", name, null);
		}
		return revoked;
	}

	List<Account> tokens() {
		return jdbc.sql("select name, roles from api_token order by name")
			.query((rs, n) -> new Account(rs.getString(1), null, Role.parse(rs.getString(2)))).list();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** Users and tokens share one namespace: actors in the history and audit are names alone. */
	private static IllegalArgumentException takenByTheOtherKind(String name, String kind) {
		return new IllegalArgumentException("name '" + name + "' is " + kind + "'s already; users and tokens need "
				+ "names of their own, so that who did what stays clear");
	}

	private static void checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("name '" + name + "': use 1 to 100 letters, digits and . _ @ -, "
					+ "starting with a letter or digit");
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
