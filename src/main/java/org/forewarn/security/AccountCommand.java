package org.forewarn.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code user add NAME --roles support,reviewer} (password from standard input), {@code user remove NAME},
 * {@code user list}, {@code token create NAME --roles intake} (prints the token, once), {@code token revoke NAME},
 * {@code token list}. Opens the configured database only (no rules, no scheduler, no web server); further
 * {@code --key=value} arguments are settings, e.g. {@code --spring.profiles.active=production}.
 */
public final class AccountCommand {

	/** The actor recorded for changes made with these commands (whoever can run them can read the database). */
	static final String COMMAND_LINE = "command line";

	private AccountCommand() {
	}

	public static int run(String kind, String[] args, InputStream in, PrintStream out, PrintStream err) {
		List<String> words = new ArrayList<>();
		List<String> settings = new ArrayList<>(List.of("--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.org.flywaydb=WARN"));
		String roles = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--roles") && i + 1 < args.length) {
				roles = args[++i];
			}
			else if (args[i].startsWith("--roles=")) {
				roles = args[i].substring("--roles=".length());
			}
			else if (args[i].startsWith("--")) {
				settings.add(args[i]);
			}
			else {
				words.add(args[i]);
			}
		}
		String action = words.isEmpty() ? "" : words.get(0);
		String name = words.size() > 1 ? words.get(1) : null;
		String usage = usage(kind);
		boolean needsName = !action.equals("list");
		if (action.isEmpty() || needsName && name == null || words.size() > 2) {
			err.println(usage);
			return 2;
		}
		try {
			if (kind.equals("user") && action.equals("add")) {
				Role.parse(roles); // a mistyped role is reported before the password is asked for
			}
			else if (kind.equals("token") && action.equals("create")) {
				Role.parse(roles);
			}
			String password = kind.equals("user") && action.equals("add") ? Passwords.checked(readPassword(in, err))
					: null;
			try (ConfigurableApplicationContext context = open(settings)) {
				AccountStore accounts = context.getBean(AccountStore.class);
				return switch (kind + " " + action) {
					case "user add" -> {
						accounts.addUser(name, password, Role.parse(roles), COMMAND_LINE);
						out.println("Added user '" + name + "' with roles " + Role.join(Role.parse(roles)));
						yield 0;
					}
					case "user remove" -> removed(accounts.removeUser(name, COMMAND_LINE), "user", name, out, err);
					case "user list" -> list(accounts.users(), out);
					case "token create" -> {
						String token = accounts.createToken(name, Role.parse(roles), COMMAND_LINE);
						err.println("Token '" + name + "' with roles " + Role.join(Role.parse(roles))
								+ ". It is shown only now: keep it in your secret store.");
						out.println(token);
						yield 0;
					}
					case "token revoke" -> removed(accounts.revokeToken(name, COMMAND_LINE), "token", name, out, err);
					case "token list" -> list(accounts.tokens(), out);
					default -> {
						err.println(usage);
						yield 2;
					}
				};
			}
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			err.println(kind + " " + action + ": " + e.getMessage());
			return 1;
		}
	}

	private static int removed(boolean done, String kind, String name, PrintStream out, PrintStream err) {
		if (!done) {
			err.println("No " + kind + " '" + name + "'");
			return 1;
		}
		out.println("Removed " + kind + " '" + name + "'");
		return 0;
	}

	private static int list(List<Account> accounts, PrintStream out) {
		accounts.forEach(a -> out.println(a.name() + "\t" + Role.join(a.roles())));
		return 0;
	}

	private static String usage(String kind) {
		return kind.equals("user")
				? "Usage: user add NAME --roles ROLE[,ROLE...]   (password from standard input)\n"
						+ "       user remove NAME | user list\nRoles: " + Role.names()
				: "Usage: token create NAME --roles ROLE[,ROLE...]   (prints the token once)\n"
						+ "       token revoke NAME | token list\nRoles: " + Role.names();
	}

	/** From the terminal without echo, or the first line of standard input (scripts: {@code echo $PW | ...}). */
	private static String readPassword(InputStream in, PrintStream err) {
		Console console = System.console();
		if (console != null && in == System.in) {
			char[] typed = console.readPassword("Password for the new user: ");
			return typed == null ? null : new String(typed);
		}
		try {
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException e) {
			throw new IllegalArgumentException("could not read the password from standard input: " + e.getMessage());
		}
	}

	private static ConfigurableApplicationContext open(List<String> settings) {
		SpringApplication app = new SpringApplication(AccountDatabase.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setBannerMode(Banner.Mode.OFF);
		return app.run(settings.toArray(String[]::new));
	}

	/**
	 * Only the database, migrated by Flyway as at a normal start, and the account store. Not a
	 * {@code @Configuration}: the service's component scan must not pick it up.
	 */
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
			JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class })
	@EnableConfigurationProperties(SecuritySettings.class)
	static class AccountDatabase {

		@Bean
		AccountStore accountStore(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
			PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			return new AccountStore(jdbc, passwords, Clock.systemUTC());
		}
	}
}
