package org.forewarn.replay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.forewarn.ForewarnApplication;
import org.forewarn.brake.HourlyCeiling;
import org.forewarn.channel.ChannelDispatch;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.Event;
import org.forewarn.event.EventStore;
import org.forewarn.outreach.DetectionCount;
import org.forewarn.outreach.DetectionStore;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachFilter;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.rules.RuleEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine in the {@code replay} profile, for one-shot commands: the real rules and the one event path, in
 * simulated time, on a throw-away in-memory database, with every channel recording only and no Quartz or web server.
 */
public final class ReplaySession implements AutoCloseable {

	private static final String STATE_CACHE = "--forewarn.state-cache.customers";
	private static final String EXCLUDE = "--spring.autoconfigure.exclude";
	/**
	 * What a replay leaves out: Quartz (its wakeups are simulated), and the count of log lines by level, which asks a
	 * filter of its own on every logging call (the rule engine makes many) and which nobody reads after a replay.
	 */
	private static final List<String> LEFT_OUT = List.of(
			"org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
			"org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration");
	/** Customer states a replay keeps in memory unless told otherwise; a live lane keeps 20,000. */
	static final int STATES_KEPT = 250_000;
	/** Every replay database's name begins so: in memory, and gone when the session closes. */
	static final String DATABASE = "jdbc:h2:mem:replay-";

	private final ConfigurableApplicationContext context;
	private final Replayer replayer;
	private final String database;
	private final DataSourceProperties login;

	private ReplaySession(ConfigurableApplicationContext context, String database) {
		this.context = context;
		this.replayer = context.getBean(Replayer.class);
		this.database = database;
		this.login = context.getBean(DataSourceProperties.class);
	}

	/** Starts the engine; {@code settings} are Spring arguments such as {@code --forewarn.rules=DIR}. */
	public static ReplaySession start(List<String> settings) {
		SpringApplication app = new SpringApplication(ForewarnApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("replay");
		String database = DATABASE + UUID.randomUUID();
		return new ReplaySession(app.run(arguments(database, settings).toArray(String[]::new)), database);
	}

	/**
	 * What a replay must be, whatever the caller says: it sends nothing, writes only its own in-memory database
	 * (which lives until {@link #close}, even while the pool holds no connection) and decides in one lane, in order.
	 * It has no Quartz scheduler either: see {@link #arguments}.
	 */
	private static List<String> fixed(String database) {
		return List.of("--spring.datasource.url=" + database + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64",
				"--forewarn.channels.record-only=true", "--forewarn.lanes=1", "--forewarn.senders=1",
				"--forewarn.state-cache.in-memory=true", "--forewarn.event-store.in-memory=true",
				"--forewarn.detection-store.in-memory=true", "--forewarn.outreach-store.in-memory=true",
				"--forewarn.brake.ceiling-in-memory=true", "--forewarn.suppressions.sole-writer=true");
	}

	/**
	 * How a replay starts unless the caller gives its own value. One process owns every customer of a replay and its
	 * database is in memory anyway: it keeps far more states than a live lane would, or a replay of a large shop
	 * would parse most states back from JSON on every event. A start that fails is reported once, by Spring's
	 * failure report, without the context's warning before it (one line holding every level of the same error).
	 */
	private static final List<String> DEFAULTS = List.of("--spring.main.banner-mode=off",
			"--logging.level.root=WARN", "--logging.level.org.forewarn=WARN",
			"--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR",
			STATE_CACHE + "=" + STATES_KEPT);

	/**
	 * Why a replay cannot start with {@code settings} (one of them would change what it must be), or null. Given
	 * twice, Spring would join both values into one, so the caller's must replace the replay's, or be refused.
	 */
	public static String refusal(List<String> settings) {
		return refusal(names(settings));
	}

	private static String refusal(Set<String> given) {
		return fixed(DATABASE).stream().filter(setting -> given.contains(name(setting))).findFirst()
			.map(setting -> setting.substring(2, setting.indexOf('=')) + " is set by the replay itself (it sends "
					+ "nothing, writes only a database of its own in memory and decides in one lane); leave it out")
			.orElse(null);
	}

	/** The replay's own settings, then its defaults the caller does not set, then {@code settings}. */
	static List<String> arguments(String database, List<String> settings) {
		Set<String> given = names(settings);
		String refusal = refusal(given);
		if (refusal != null) {
			throw new IllegalArgumentException(refusal);
		}
		List<String> args = new ArrayList<>(fixed(database));
		DEFAULTS.stream().filter(setting -> !given.contains(name(setting))).forEach(args::add);
		// a list: the caller's exclusions join what the replay leaves out
		List<String> excluded = new ArrayList<>(LEFT_OUT);
		for (String setting : settings) {
			if (name(setting).equals(name(EXCLUDE))) {
				excluded.add(setting.substring(setting.indexOf('=') + 1));
			}
			else {
				args.add(setting);
			}
		}
		args.add(EXCLUDE + "=" + String.join(",", excluded));
		return args;
	}

	private static Set<String> names(List<String> settings) {
		return settings.stream().map(ReplaySession::name).collect(Collectors.toSet());
	}

	/** A setting's name as Spring binds it: {@code state-cache.in-memory} and {@code stateCache.inMemory} alike. */
	private static String name(String setting) {
		int equals = setting.indexOf('=');
		String name = (equals < 0 ? setting : setting.substring(0, equals)).replaceFirst("^--", "");
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	/** Fires the wakeups due before the event, then processes it at its own time. */
	public IntakeResult feed(Event event) {
		return replayer.feed(event);
	}

	/** Moves simulated time forward to {@code moment}, firing every wakeup due by then. */
	public void advanceTo(Instant moment) {
		replayer.advanceTo(moment);
	}

	public Instant now() {
		return replayer.now();
	}

	public List<Outreach> outreach() {
		return context.getBean(OutreachStore.class).search(new OutreachFilter(null, null, null, null),
				Integer.MAX_VALUE);
	}

	/** How often each rule detected each problem so far. */
	public List<DetectionCount> detectionCounts() {
		return context.getBean(DetectionStore.class).countByRule();
	}

	/** The rules folder as configured ({@code forewarn.rules}). */
	public String rulesFolder() {
		return context.getEnvironment().getProperty("forewarn.rules", "rules");
	}

	public String ruleVersion() {
		return context.getBean(RuleEngine.class).current().version();
	}

	/** Forgets everything: empty database, no pending wakeups, time back at the start. For independent runs. */
	public void reset() {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = "
				+ "'PUBLIC' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'")
			.query(String.class).list();
		jdbc.sql("set referential_integrity false").update();
		for (String table : tables) {
			jdbc.sql("truncate table \"" + table + "\"").update();
		}
		jdbc.sql("set referential_integrity true").update();
		context.getBean(CustomerStateStore.class).forgetAll(); // kept without reading their rows, which are gone
		context.getBean(EventStore.class).forgetAll(); // kept in memory, not in a table
		context.getBean(DetectionStore.class).forgetAll(); // the same
		context.getBean(OutreachStore.class).forgetAll(); // the same
		context.getBean(HourlyCeiling.class).forgetAll(); // the same
		context.getBean(ChannelDispatch.class).forgetKeptMessages(); // the same
		replayer.restart();
	}

	/** A part of the running engine, for tools and measurements built on a session. */
	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** A connection of its own to the session's database, or an exception when it is gone. */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(database + ";IFEXISTS=TRUE", login.determineUsername(),
				login.determinePassword());
	}

	/** Stops the engine, then drops its database: kept open for the session, it would hold its memory until exit. */
	@Override
	public void close() {
		context.close();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("shutdown");
		}
		catch (SQLException e) {
			throw new IllegalStateException("the replay's in-memory database could not be dropped: " + e.getMessage(),
					e);
		}
	}
}
