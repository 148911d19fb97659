package org.forewarn.rules;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateReducer;
import org.forewarn.event.EventParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decision tables compile next to the DRL files; a broken one is rejected at its file and row. */
class DecisionTableTest {

	private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
	private static final String TABLE = """
			RuleSet,forewarn.tables,,,
			Import,org.forewarn.customer.Shipment,,,
			Variables,org.forewarn.rules.Decisions decide,,,
			,,,,
			RuleTable Exceptions,,,,
			NAME,METADATA,CONDITION,ACTION,ACTION
			,,$s : Shipment,,
			,"id(""$param"")","forall(||){%s == ""$""}","String channel = ""$param"";","decide.outreach(""x"", $s.getOrderId(), channel, ""t"");"
			Rule,Id,Code is one of,Channel,Action
			row one,row-one,address_issue,email,x
			row two,row-two,"damaged, lost",task,x
			""";

	@TempDir
	Path work;

	@ParameterizedTest
	@CsvSource({
			"address_issue, 'shipment-exception-address', email, shipment_exception_address, 0",
			"damaged, 'shipment-exception-replace', task, shipment_exception_replace, 0",
			"lost, 'shipment-exception-replace', task, shipment_exception_replace, 0",
			"weather, shipment-exception-delay, email, shipment_exception_delay, 4",
			"customs, shipment-exception-delay, email, shipment_exception_delay, 4" })
	void theShippedTableDecidesPerExceptionCode(String code, String rule, String channel, String template,
			int waitHours) {
		RuleEngine engine = new RuleEngine(new RuleSetLoader(Clock.systemUTC()).load(Path.of("rules")));
		CustomerState state = new CustomerState("c1");
		apply(state, "{\"id\":\"s\",\"type\":\"order.shipped\",\"time\":\"" + AT.minus(Duration.ofDays(1))
				+ "\",\"customerId\":\"c1\",\"orderId\":\"o1\",\"data\":{\"carrier\":\"dhl\"}}");
		String exception = "{\"id\":\"e\",\"type\":\"shipment.exception\",\"time\":\"" + AT
				+ "\",\"customerId\":\"c1\",\"orderId\":\"o1\",\"data\":{\"code\":\"" + code + "\"}}";
		apply(state, exception);

		Evaluation evaluation = engine.evaluate(state, new Trigger("e", "shipment.exception", AT, "o1", Map.of()),
				List.of());

		List<OutreachRequest> exceptions = evaluation.decisions().outreach().stream()
			.filter(r -> r.decided().problem().equals("shipment.exception")).toList();
		assertThat(exceptions).hasSize(1);
		OutreachRequest request = exceptions.get(0);
		assertThat(request.decided().rule()).isEqualTo(rule);
		assertThat(request.channel()).isEqualTo(channel);
		assertThat(request.template()).isEqualTo(template);
		assertThat(request.dueAt(AT)).isEqualTo(AT.plus(Duration.ofHours(waitHours)));
	}

	@Test
	void plainCsvAndXlsxFilesAreDecisionTablesToo() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("codes.csv"), TABLE.formatted("exceptionCode"));
		writeXlsx(rules.resolve("more-codes.xlsx"), TABLE.formatted("exceptionCode").replace("forewarn.tables",
				"forewarn.sheets").replace("row one", "sheet row one").replace("row two", "sheet row two").replace(",row-", ",sheet-row-"));

		RuleSet set = new RuleSetLoader(Clock.systemUTC()).load(rules);

		assertThat(set.files()).containsExactly("codes.csv", "more-codes.xlsx");
		assertThat(set.rules()).containsExactlyInAnyOrder("row one", "row two", "sheet row one", "sheet row two");
	}

	@Test
	void aWrongFieldInATableIsRejectedAtTheRowsThatUseIt() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("codes.drl.csv"), TABLE.formatted("exceptionCod"));

		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors())
				.extracting(RuleError::file, RuleError::line)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("codes.drl.csv", 10),
						org.assertj.core.groups.Tuple.tuple("codes.drl.csv", 11)))
			.hasMessageContaining("exceptionCod");
	}

	@Test
	void aConditionCellTheCompilerCannotReadIsRejectedAtItsRowAndColumn() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		String shipped = Files.readString(Path.of("rules/shipment-exceptions.drl.csv"));
		String column = "column E \"Only while the order is open\": correct this cell (Drools: Unable to Analyse"
				+ " Expression open == yes";

		Files.writeString(rules.resolve("shipment-exceptions.drl.csv"),
				shipped.replace(",true,email,shipment_exception_delay", ",yes,email,shipment_exception_delay"));
		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors())
				.singleElement().satisfies(error -> {
					assertThat(error.line()).isEqualTo(13);
					assertThat(error.message()).startsWith(column);
				}));

		Files.writeString(rules.resolve("shipment-exceptions.drl.csv"), shipped.replace(",true,", ",yes,"));
		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors())
				.allSatisfy(error -> assertThat(error.message()).startsWith(column))
				.extracting(RuleError::line).containsExactlyInAnyOrder(11, 13));
	}

	@Test
	void aRowWhoseActionCellsAreCutShortIsRejectedAtItsRowNamingTheEmptyColumns() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		String shipped = Files.readString(Path.of("rules/shipment-exceptions.drl.csv"));
		Files.writeString(rules.resolve("shipment-exceptions.drl.csv"),
				shipped.replace(",email,shipment_exception_delay,4", ",email"));

		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors()).singleElement()
				.isEqualTo(new RuleError("shipment-exceptions.drl.csv", 13, "column G \"Template\", column H \"Wait"
						+ " before sending (hours)\": empty, so rule \"shipment.exception: delayed by something outside"
						+ " our hands\" would decide nothing; fill in what the row's action needs")));
	}

	@Test
	void aQuoteLeftOpenIsRejectedAtItsLine() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		String shipped = Files.readString(Path.of("rules/shipment-exceptions.drl.csv"));
		Files.writeString(rules.resolve("shipment-exceptions.drl.csv"),
				shipped.replace("\"damaged, lost\"", "\"damaged, lost"));

		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors()).singleElement()
				.satisfies(error -> {
					assertThat(error.line()).isEqualTo(12);
					assertThat(error.message()).startsWith("unclosed quote");
				}));
	}

	@Test
	void aTableWithItsHeadingsButNoRowsIsRejectedAsCutShort() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		String shipped = Files.readString(Path.of("rules/shipment-exceptions.drl.csv"));
		Files.writeString(rules.resolve("shipment-exceptions.drl.csv"),
				String.join("\n", shipped.lines().limit(10).toList()) + "\n");

		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors()).singleElement()
				.satisfies(error -> {
					assertThat(error.file()).isEqualTo("shipment-exceptions.drl.csv");
					assertThat(error.message()).startsWith("defines no rule: the table has its headings but no rows");
				}));
	}

	@Test
	void aValueWithoutAColumnHeaderIsRejectedAtItsCell() throws Exception {
		Path rules = Files.createDirectories(work.resolve("rules"));
		Files.writeString(rules.resolve("codes.drl.csv"), TABLE.formatted("exceptionCode")
			.replace("row two,row-two,\"damaged, lost\",task,x", "row two,row-two,\"damaged, lost\",task,x,surprise"));

		assertThatThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).load(rules))
			.isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.errors().get(0))
				.extracting(RuleError::file, RuleError::line).containsExactly("codes.drl.csv", 11));
	}

	private static void apply(CustomerState state, String json) {
		CustomerStateReducer.apply(state, EventParser.parse(json));
	}

	/** The same table as a real spreadsheet. */
	private static void writeXlsx(Path file, String csv) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Tables");
			String[] lines = csv.split("\n");
			for (int r = 0; r < lines.length; r++) {
				Row row = sheet.createRow(r);
				List<String> cells = splitCsv(lines[r]);
				for (int c = 0; c < cells.size(); c++) {
					if (!cells.get(c).isEmpty()) {
						row.createCell(c).setCellValue(cells.get(c));
					}
				}
			}
			workbook.write(out);
		}
	}

	private static List<String> splitCsv(String line) {
		List<String> cells = new java.util.ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (ch == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (ch == '"') {
				quoted = !quoted;
			}
			else if (ch == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(ch);
			}
		}
		cells.add(cell.toString());
		return cells;
	}
}
