package org.forewarn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running Forewarn for tests: started from command-line settings, reached over HTTP on its free port. Its first
 * user is {@code admin} with {@link Credentials#ADMIN_PASSWORD}; requests sign in as that admin unless a test asks
 * for other credentials ({@link #as}) or none ({@link #anonymous()}).
 */
public abstract class TestServer extends HttpCaller implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	protected TestServer(ConfigurableApplicationContext context) {
		super(path -> uri(context, path), Credentials.ADMIN);
		this.context = context;
	}

	/**
	 * Starts Forewarn with the test's settings plus each default the test did not set itself: a setting given twice
	 * would reach Spring as both values joined by a comma. Arguments win over ./config/application.yml.
	 */
	protected static ConfigurableApplicationContext run(List<String> settings, List<String> defaults) {
		List<String> args = new ArrayList<>(settings);
		List<String> all = new ArrayList<>(defaults);
		all.add(Credentials.adminPasswordSetting());
		for (String fallback : all) {
			String key = fallback.substring(0, fallback.indexOf('=') + 1);
			if (args.stream().noneMatch(a -> a.startsWith(key))) {
				args.add(fallback);
			}
		}
		return SpringApplication.run(ForewarnApplication.class, args.toArray(String[]::new));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** Requests signed in with other credentials. */
	public HttpCaller as(Credentials credentials) {
		return new HttpCaller(path -> uri(context, path), credentials);
	}

	/** Requests signed in as a new user with these roles (created through the admin API). */
	public HttpCaller asNewUser(String name, String... roles) throws IOException, InterruptedException {
		String password = name + "-password-1";
		HttpResponse<String> created = post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"" + password
				+ "\",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}");
		if (created.statusCode() != 201) {
			throw new AssertionError("could not create user " + name + ": " + created.statusCode() + " "
					+ created.body());
		}
		return as(Credentials.basic(name, password));
	}

	/** Requests without credentials. */
	public HttpCaller anonymous() {
		return as(Credentials.NONE);
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	@Override
	public void close() {
		context.close();
	}
}
