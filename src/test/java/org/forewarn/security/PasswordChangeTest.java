package org.forewarn.security;

import java.nio.file.Path;

import org.forewarn.Credentials;
import org.forewarn.ForewarnApp;
import org.forewarn.HttpCaller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in user changes their own password (the current one asked again), an admin resets another's, and every
 * change to users and tokens is recorded with the signed-in user who made it.
 */
class PasswordChangeTest {

	@TempDir
	Path data;

	@Test
	void aUserChangesTheirPasswordAndAnAdminResetsItWithEveryChangeRecorded() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			HttpCaller lea = app.asNewUser("lea", "support");

			assertThat(lea.post("/api/me/password", "{\"current\":\"wrong-password-1\",\"new\":\"a-new-password-1\"}")
				.body()).contains("current: not your current password");
			assertThat(lea.post("/api/me/password", "{\"current\":\"lea-password-1\",\"new\":\"short\"}").body())
				.contains("new: at least 12 characters");
			assertThat(lea.post("/api/me/password", "{\"current\":\"lea-password-1\",\"new\":\"            \"}").body())
				.contains("new: not only spaces");
			assertThat(lea.post("/api/me/password", "{\"current\":\"lea-password-1\",\"new\":123456789012345}")
				.body()).contains("new: must be text");
			assertThat(app.post("/api/users/lea/password", "{\"new\":\"\\t           \\n\"}").body())
				.contains("new: not only spaces");
			var number = app.post("/api/users", "{\"name\":\"zz\",\"password\":12345678901234,\"roles\":[\"support\"]}");
			assertThat(number.statusCode()).isEqualTo(400);
			assertThat(number.body()).contains("password: must be text", "\"field\":\"password\"");
			assertThat(lea.post("/api/me/password", "{\"current\":\"lea-password-1\",\"new\":\"a-new-password-1\"}")
				.statusCode()).isEqualTo(204);
			assertThat(lea.get("/api/outreach").statusCode()).as("the old password no longer signs in").isEqualTo(401);
			HttpCaller leaNow = app.as(Credentials.basic("lea", "a-new-password-1"));
			assertThat(leaNow.get("/api/outreach").statusCode()).isEqualTo(200);

			assertThat(leaNow.post("/api/users/admin/password", "{\"new\":\"taking-over-admin\"}").statusCode())
				.as("only an admin sets another user's password").isEqualTo(403);
			assertThat(app.post("/api/users/lea/password", "{\"new\":\"reset-by-admin-1\"}").statusCode())
				.isEqualTo(204);
			assertThat(app.as(Credentials.basic("lea", "reset-by-admin-1")).get("/api/outreach").statusCode())
				.isEqualTo(200);

			app.post("/api/tokens", "{\"name\":\"shop\",\"roles\":[\"intake\"]}");
			app.delete("/api/tokens/shop");
			String changes = app.get("/api/users/changes").body();
			assertThat(changes).contains(
					"\"actor\":\"admin\",\"action\":\"token revoked\",\"name\":\"shop\"",
					"\"actor\":\"admin\",\"action\":\"token created\",\"name\":\"shop\",\"roles\":\"intake\"",
					"\"actor\":\"admin\",\"action\":\"password reset\",\"name\":\"lea\"",
					"\"actor\":\"lea\",\"action\":\"password changed\",\"name\":\"lea\"",
					"\"actor\":\"admin\",\"action\":\"user added\",\"name\":\"lea\",\"roles\":\"support\"",
					"\"actor\":\"first start\",\"action\":\"user added\",\"name\":\"admin\"");
			assertThat(changes.indexOf("token revoked")).isLessThan(changes.indexOf("password changed"));
		}
	}

	@Test
	void theLastUserWithTheRoleAdminIsNotRemoved() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			var refused = app.delete("/api/users/admin");
			assertThat(refused.statusCode()).as("removing oneself, the only admin").isEqualTo(409);
			assertThat(refused.body()).contains("'admin' is the last user with the role admin");
			assertThat(app.get("/api/users").body()).contains("\"name\":\"admin\"");

			HttpCaller ops = app.asNewUser("ops", "admin");
			app.asNewUser("lea", "support");
			assertThat(ops.delete("/api/users/admin").statusCode()).as("another admin is left").isEqualTo(204);
			assertThat(ops.delete("/api/users/ops").statusCode()).isEqualTo(409);
			assertThat(ops.delete("/api/users/lea").statusCode()).as("not an admin").isEqualTo(204);
		}
	}

	@Test
	void aTokenHasNoPasswordToChange() throws Exception {
		try (ForewarnApp app = ForewarnApp.start(data, "--forewarn.rules-watch.enabled=false")) {
			String token = app.post("/api/tokens", "{\"name\":\"bot\",\"roles\":[\"support\"]}").body()
				.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
			assertThat(app.as(Credentials.bearer(token))
				.post("/api/me/password", "{\"current\":\"x\",\"new\":\"a-long-password-1\"}").statusCode())
				.isEqualTo(409);
		}
	}
}
