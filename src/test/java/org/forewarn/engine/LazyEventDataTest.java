package org.forewarn.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LazyEventDataTest {

	@Test
	void convertsOnceAndOnlyWhenLookedAt() {
		AtomicInteger conversions = new AtomicInteger();
		Map<String, Object> data = new LazyEventData(() -> {
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
		Map<String, Object> data = new LazyEventData(LinkedHashMap::new);

		data.put("label", "check");
		assertThat(data).containsExactlyEntriesOf(Map.of("label", "check"));
		assertThat(data.remove("label")).isEqualTo("check");
		assertThat(data).isEmpty();
	}
}
