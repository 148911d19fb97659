package org.forewarn.engine;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An event's data as the rules see it, a map, converted from the event's JSON only when something first looks at it:
 * most evaluations never do, and the conversion was a few percent of processing an event.
 */
final class LazyEventData extends AbstractMap<String, Object> {

	private final Supplier<Map<String, Object>> conversion;
	private Map<String, Object> converted;

	LazyEventData(Supplier<Map<String, Object>> conversion) {
		this.conversion = conversion;
	}

	private synchronized Map<String, Object> map() {
		if (converted == null) {
			converted = conversion.get();
		}
		return converted;
	}

	@Override
	public Object get(Object key) {
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
