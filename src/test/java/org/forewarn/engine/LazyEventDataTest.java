package org.forewarn.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LazyEventDataTest {

	@Test
	void convertsOnceAndOnlyWhenLookedAt() {
		AtomicInteger conversions = new AtomicInteger();
		Map<String, Object> data = new LazyEventData(null, () -> {
			conversions.incrementAndGet();
			Map<String, Object> converted = new LinkedHashMap<>();
			converted.put("code", "damaged");
			converted.put("count", 2);
			return converted;
		});
		assertThat(conversions).hasValue(0);

		assertThat(data.get("code")).isEqualTo("damaged");
		assertThat(data).containsEntry("count", 2).hasSize(2).containsOnlyKeys("code", "count");
		assertThat(data).isEqualTo(Map.of("code", "damaged", "count", 2));
		assertThat(data.hashCode()).isEqualTo(Map.of("code", "damaged", "count", 2).hashCode());
		assertThat(conversions).hasValue(1);
	}

	@Test
	void staysAsChangeableAsTheConvertedMap() {
		Map<String, Object> data = new LazyEventData(null, LinkedHashMap::new);

		data.put("label", "check");
		assertThat(data).containsExactlyEntriesOf(Map.of("label", "check"));
		assertThat(data.remove("label")).isEqualTo("check");
		assertThat(data).isEmpty();
	}

	@Test
	void readsATextFieldWithoutConvertingAndAnyOtherAsConverted() {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode source = json.readTree("{\"label\":\"dispatch\",\"none\":null,\"count\":2,\"at\":{\"hour\":9}}");
		AtomicInteger conversions = new AtomicInteger();
		@SuppressWarnings("unchecked")
		Map<String, Object> data = new LazyEventData(source, () -> {
			conversions.incrementAndGet();
			return json.convertValue(source, Map.class);
		});

		assertThat(data.get("label")).isEqualTo("dispatch");
		assertThat(data.get("none")).isNull();
		assertThat(data.get("missing")).isNull();
		assertThat(conversions).hasValue(0);
		assertThat(data.get("count")).isEqualTo(2);
		assertThat(data.get("at")).isEqualTo(Map.of("hour", 9));
		assertThat(conversions).hasValue(1);

		data.put("label", "changed");
		assertThat(data.get("label")).isEqualTo("changed");
	}
}
