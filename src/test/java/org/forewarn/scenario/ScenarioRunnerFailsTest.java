package org.forewarn.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario runner can fail: a wrong expectation, an unexpected outreach and a badly written file all show. */
class ScenarioRunnerFailsTest {

	private static final String PROFILE = """
			      - type: customer.updated
			        time: 2026-03-02T09:00:00Z
			        data: {email: ana@example.com, consent: {email: true}}
			""";
	private static final String HARD_DECLINE = """
			      - {type: order.payment_failed, time: 2026-03-02T10:01:00Z, orderId: o1, data: {hard: true}}
			""";

	@TempDir
	Path work;

	@Test
	void wrongExpectationsFailWithWhatWasDecidedInstead() throws Exception {
		Path rules = copyOfShippedRules();
		Files.writeString(rules.resolve("tests/payments.yaml"), "scenarios:\n"
				+ "  - name: right\n    events:\n" + PROFILE + HARD_DECLINE
				+ "    expect:\n      - {problem: payment.failed, template: payment_failed_hard, status: SENT}\n"
				+ "  - name: wrong template\n    events:\n" + PROFILE + HARD_DECLINE
				+ "    expect:\n      - {problem: payment.failed, template: payment_failed_soft}\n"
				+ "  - name: expects nothing\n    events:\n" + PROFILE + HARD_DECLINE
				+ "    expect: none\n"
				+ "  - name: misspelt field\n    events:\n" + PROFILE + HARD_DECLINE
				+ "    expect:\n      - {problem: payment.failed, chanel: email}\n"
				+ "  - name: looks back in time\n    events:\n" + PROFILE + HARD_DECLINE
				+ "    at: 2026-03-01T00:00:00Z\n    expect: none\n");
		Files.writeString(rules.resolve("tests/broken.yaml"), "scenarios:\n  - name: x\n    events: [\n");

		ByteArrayOutputStream report = new ByteArrayOutputStream();
		int exit = ScenarioCommand.run(new String[] { rules.toString() },
				new PrintStream(report, true, StandardCharsets.UTF_8));

		String text = report.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(text).isEqualTo(1);
		assertThat(text).contains("PASS  right")
			.contains("FAIL  wrong template")
			.contains("differs in: template payment_failed_hard (expected payment_failed_soft)")
			.contains("FAIL  expects nothing")
			.contains("not expected: problem=payment.failed orderId=o1 channel=email template=payment_failed_hard")
			.contains("FAIL  misspelt field")
			.contains("unknown field 'chanel'")
			.contains("FAIL  looks back in time")
			.contains("payments.yaml:39: 'at: 2026-03-01T00:00:00Z' lies before the last event (2026-03-02T10:01:00Z)")
			.contains("broken.yaml:4: not valid YAML")
			.contains("5 scenarios: 1 passed, 4 failed, 1 file could not be read");
	}

	@Test
	void noneExpectsAnEmptyTimeAndAWrongTimeNamesItsOwnLine() throws Exception {
		Path rules = copyOfShippedRules();
		String withoutConsent = PROFILE.replace("consent: {email: true}", "consent: {email: false}");
		Files.writeString(rules.resolve("tests/suppressed.yaml"), "scenarios:\n"
				+ "  - name: no consent, never sent\n    events:\n" + withoutConsent + HARD_DECLINE
				+ "    expect:\n      - problem: payment.failed\n        status: SUPPRESSED\n"
				+ "        sentAt: none\n"
				+ "  - name: a time that is no time\n    events:\n" + withoutConsent + HARD_DECLINE
				+ "    expect:\n      - problem: payment.failed\n        status: SUPPRESSED\n"
				+ "        sentAt: yesterday\n");

		ByteArrayOutputStream report = new ByteArrayOutputStream();
		ScenarioCommand.run(new String[] { rules.toString() }, new PrintStream(report, true, StandardCharsets.UTF_8));

		String text = report.toString(StandardCharsets.UTF_8);
		assertThat(text).as(text).contains("PASS  no consent, never sent")
			.contains("suppressed.yaml:21: sentAt: 'yesterday' is not an RFC 3339 time with offset")
			.contains("2 scenarios: 1 passed, 1 failed");
	}

	@Test
	void aKeyGivenTwiceFailsItsScenarioAtItsLineInsteadOfTheLastValueWinning() throws Exception {
		Path rules = copyOfShippedRules();
		Files.writeString(rules.resolve("tests/twice.yaml"), "scenarios:\n"
				+ "  - name: status twice\n    events:\n" + PROFILE + HARD_DECLINE
				+ "    expect:\n      - problem: payment.failed\n        status: CANCELLED\n        status: SENT\n"
				+ "  - name: shipBy twice\n    events:\n" + PROFILE
				+ "      - type: order.placed\n        time: 2026-03-02T10:00:00Z\n        orderId: o1\n"
				+ "        data: {shipBy: 2026-03-02T12:00:00Z, shipBy: 2026-03-09T10:00:00Z}\n"
				+ "    expect: none\n"
				+ "  - name: each key once\n    events:\n" + PROFILE + HARD_DECLINE
				+ "    expect:\n      - problem: payment.failed\n        status: SENT\n");

		ByteArrayOutputStream report = new ByteArrayOutputStream();
		int exit = ScenarioCommand.run(new String[] { rules.toString() },
				new PrintStream(report, true, StandardCharsets.UTF_8));

		String text = report.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(text).isEqualTo(1);
		assertThat(text).contains("FAIL  status twice")
			.contains("twice.yaml:11: key 'status' is given twice (first at line 10)")
			.contains("FAIL  shipBy twice")
			.contains("twice.yaml:20: key 'shipBy' is given twice (first at line 20)")
			.contains("PASS  each key once")
			.contains("3 scenarios: 1 passed, 2 failed");
	}

	private Path copyOfShippedRules() throws IOException {
		Path rules = Files.createDirectories(work.resolve("rules/tests"));
		try (Stream<Path> files = Files.list(Path.of("rules"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, rules.getParent().resolve(file.getFileName()));
			}
		}
		return rules.getParent();
	}
}
