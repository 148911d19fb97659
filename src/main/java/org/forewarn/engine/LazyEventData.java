package org.forewarn.engine;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * An event's data as the rules see it, a map, converted from the event's JSON only when something first looks at it:
 * most evaluations never do, and the conversion was a few percent of processing an event.
 */
final class LazyEventData extends AbstractMap<String, Object> {

	private final JsonNode source;
	private final Supplier<Map<String, Object>> conversion;
	private Map<String, Object> converted;

	/** {@code conversion} turns {@code source}, a JSON object, into the map. */
	LazyEventData(JsonNode source, Supplier<Map<String, Object>> conversion) {
		this.source = source;
		this.conversion = conversion;
	}

	private synchronized Map<String, Object> map() {
		if (converted == null) {
			converted = conversion.get();
		}
		return converted;
	}

	/** A text or null field is read from the JSON itself: a timer's label is asked of every timer. */
	@Override
	public synchronized Object get(Object key) {
		if (converted == null && key instanceof String field && source != null && source.isObject()) {
			JsonNode value = source.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (value.isString()) {
				return value.stringValue();
			}
		}
		return map().get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return map().containsKey(key);
	}

	@Override
	public int size() {
		return map().size();
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return map().entrySet();
	}

	@Override
	public Set<String> keySet() {
		return map().keySet();
	}

	@Override
	public Collection<Object> values() {
		return map().values();
	}

	@Override
	public Object put(String key, Object value) {
		return map().put(key, value);
	}

	@Override
	public Object remove(Object key) {
		return map().remove(key);
	}
}
