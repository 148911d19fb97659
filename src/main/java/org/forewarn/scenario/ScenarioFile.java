package org.forewarn.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.forewarn.event.EventParser;
import org.forewarn.event.InvalidEventException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a scenario file (YAML, or JSON, which YAML reads too) into scenarios, checking every part and naming the
 * file and line of anything wrong. Events may leave out {@code id} (one is made up) and {@code customerId}
 * (default {@code c1}).
 */
final class ScenarioFile {

	static final String DEFAULT_CUSTOMER = "c1";
	private static final Set<String> SCENARIO_KEYS = Set.of("name", "events", "at", "expect");
	private static final Set<String> TIME_FIELDS = Set.of("decidedAt", "sendAt", "sentAt");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String file;
	private final TextConstructor constructor = new TextConstructor();

	private ScenarioFile(String file) {
		this.file = file;
	}

	/** The file's scenarios; throws {@link ScenarioFileException} at the first thing wrong. */
	static List<Scenario> read(Path path, String shownAs) {
		ScenarioFile reader = new ScenarioFile(shownAs);
		try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			Node root = new Yaml(reader.constructor).compose(in);
			return reader.scenarios(root);
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
			throw new ScenarioFileException(shownAs + ":" + line + ": not valid YAML: " + e.getProblem());
		}
		catch (IOException e) {
			throw new ScenarioFileException(shownAs + ": cannot read: " + e.getMessage());
		}
	}

	private List<Scenario> scenarios(Node root) {
		Map<String, Node> top = root == null ? Map.of() : mapping(root, "the file");
		Node list = top.get("scenarios");
		if (list == null || top.size() != 1) {
			throw error(root, "a scenario file holds one key, 'scenarios:', with a list of scenarios");
		}
		List<Scenario> scenarios = new ArrayList<>();
		for (Node node : sequence(list, "scenarios")) {
			int number = scenarios.size() + 1;
			try {
				scenarios.add(scenario(node, number));
			}
			catch (ScenarioFileException e) {
				scenarios.add(Scenario.invalid(file, line(node), name(node, number), e.getMessage()));
			}
		}
		return scenarios;
	}

	private Scenario scenario(Node node, int number) {
		Map<String, Node> parts = mapping(node, "scenario " + number);
		for (String key : parts.keySet()) {
			if (!SCENARIO_KEYS.contains(key)) {
				throw error(node, "unknown key '" + key + "' (a scenario has name, events, at, expect)");
			}
		}
		String name = name(node, number);
		if (!parts.containsKey("events")) {
			throw error(node, "scenario '" + name + "' has no 'events:'");
		}
		if (!parts.containsKey("expect")) {
			throw error(node, "scenario '" + name + "' has no 'expect:' (a list of outreach records, or 'none')");
		}
		List<Scenario.Given> events = new ArrayList<>();
		for (Node event : sequence(parts.get("events"), "events")) {
			events.add(event(event, "e" + number + "-" + (events.size() + 1)));
		}
		Instant at = parts.containsKey("at") ? time(parts.get("at"), "at") : null;
		Instant last = events.isEmpty() ? null : events.get(events.size() - 1).event().instant();
		if (at != null && last != null && at.isBefore(last)) {
			throw error(parts.get("at"), "'at: " + at + "' lies before the last event (" + last
					+ "); time only runs forward");
		}
		return new Scenario(file, line(node), name, events, at, expectations(parts.get("expect")), null);
	}

	private static String name(Node node, int number) {
		if (node instanceof MappingNode map) {
			for (NodeTuple tuple : map.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name")
						&& tuple.getValueNode() instanceof ScalarNode value) {
					return value.getValue();
				}
			}
		}
		return "scenario " + number;
	}

	private Scenario.Given event(Node node, String defaultId) {
		mapping(node, "an event");
		keysOnce(node);
		Object value = constructor.toJava(node);
		ObjectNode json = JSON.valueToTree(value);
		if (!json.has("id")) {
			json.put("id", defaultId);
		}
		if (!json.has("customerId")) {
			json.put("customerId", DEFAULT_CUSTOMER);
		}
		try {
			return new Scenario.Given(line(node), EventParser.parse(json));
		}
		catch (InvalidEventException e) {
			throw error(node, "event: " + e.getMessage());
		}
	}

	private List<Expectation> expectations(Node node) {
		if (node instanceof ScalarNode scalar && scalar.getValue().equals("none")) {
			return List.of();
		}
		List<Expectation> expected = new ArrayList<>();
		for (Node item : sequence(node, "expect")) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (Map.Entry<String, Node> field : mapping(item, "an expected outreach record").entrySet()) {
				String value = text(field.getValue());
				if (TIME_FIELDS.contains(field.getKey()) && !Expectation.empty(value)) {
					time(field.getValue(), field.getKey(), value);
				}
				fields.put(field.getKey(), value);
			}
			List<String> unknown = Expectation.unknownFields(fields);
			if (!unknown.isEmpty()) {
				throw error(item, "unknown field '" + unknown.get(0) + "' in an expected outreach record (known: "
						+ String.join(", ", Expectation.FIELDS.keySet()) + ")");
			}
			expected.add(new Expectation(line(item), fields));
		}
		return expected;
	}

	private Map<String, Node> mapping(Node node, String what) {
		if (!(node instanceof MappingNode map)) {
			throw error(node, what + " must be a map of 'key: value'");
		}
		Map<String, Node> parts = new LinkedHashMap<>();
		for (NodeTuple tuple : map.getValue()) {
			String key = text(tuple.getKeyNode());
			if (parts.containsKey(key)) {
				throw givenTwice(tuple.getKeyNode(), key, map);
			}
			parts.put(key, tuple.getValueNode());
		}
		return parts;
	}

	/**
	 * Every map in {@code node}, however deep (an event's data), has each key once: YAML would keep the last value
	 * of a key given twice, and a scenario would test something other than what it reads as.
	 */
	private void keysOnce(Node node) {
		if (node instanceof MappingNode map) {
			Set<String> keys = new HashSet<>();
			for (NodeTuple tuple : map.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
					throw givenTwice(key, key.getValue(), map);
				}
				keysOnce(tuple.getValueNode());
			}
		}
		else if (node instanceof SequenceNode list) {
			list.getValue().forEach(this::keysOnce);
		}
	}

	private ScenarioFileException givenTwice(Node second, String key, MappingNode map) {
		Node first = map.getValue().stream().map(NodeTuple::getKeyNode)
			.filter(k -> k instanceof ScalarNode scalar && scalar.getValue().equals(key)).findFirst().orElseThrow();
		return error(second, "key '" + key + "' is given twice (first at line " + line(first)
				+ "); give it once, or YAML keeps only the last value");
	}

	private List<Node> sequence(Node node, String what) {
		if (!(node instanceof SequenceNode list)) {
			throw error(node, "'" + what + ":' must be a list (lines starting with '- ')");
		}
		return list.getValue();
	}

	private String text(Node node) {
		if (!(node instanceof ScalarNode scalar)) {
			throw error(node, "expected a single value here");
		}
		return scalar.getValue();
	}

	private Instant time(Node node, String field) {
		return time(node, field, text(node));
	}

	private Instant time(Node node, String field, String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			throw error(node, field + ": '" + value + "' is not an RFC 3339 time with offset (2026-03-02T10:00:00Z)");
		}
	}

	private ScenarioFileException error(Node node, String message) {
		return new ScenarioFileException(file + ":" + line(node) + ": " + message);
	}

	private static int line(Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	/** Reads YAML times as the text they were written as, so their offsets survive. */
	private static final class TextConstructor extends SafeConstructor {

		TextConstructor() {
			super(new LoaderOptions());
			this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
		}

		Object toJava(Node node) {
			return constructDocument(node);
		}
	}
}
