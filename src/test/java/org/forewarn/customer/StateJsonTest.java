package org.forewarn.customer;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored state is its fields, whatever writes them: with every field of every part of a state set, the state's
 * JSON (its getters, where it has them) is exactly what its fields alone give, and it reads back to the same.
 */
class StateJsonTest {

	private static final JsonMapper FIELDS_ONLY = JsonMapper.builder()
		.changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
			.withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
			.withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
		.addModule(new SimpleModule().addSerializer(Instant.class, new InstantText()))
		.build();

	private int next;

	@Test
	void aStateWithEveryFieldSetIsWrittenAsItsFieldsAreAndReadBackTheSame() throws Exception {
		CustomerState state = (CustomerState) filled(CustomerState.class);

		String json = CustomerStateStore.JSON.writeValueAsString(state);

		assertThat(json).isEqualTo(FIELDS_ONLY.writeValueAsString(state)).doesNotContain("null");
		assertThat(CustomerStateStore.JSON.writeValueAsString(CustomerStateStore.JSON.readValue(json,
				CustomerState.class))).isEqualTo(json);
	}

	@Test
	void aNewStateAndOneWithItsOptionalFieldsEmptyAreWrittenAsTheirFieldsAre() throws Exception {
		CustomerState fresh = new CustomerState("c-1");
		CustomerState sparse = (CustomerState) filled(CustomerState.class);
		sparse.orders().values().forEach(StateJsonTest::emptyNullableFields);
		sparse.shipments().values().forEach(StateJsonTest::emptyNullableFields);
		emptyNullableFields(sparse.account());
		emptyNullableFields(sparse.customer());

		for (CustomerState state : new CustomerState[] { fresh, sparse }) {
			String json = CustomerStateStore.JSON.writeValueAsString(state);
			assertThat(json).isEqualTo(FIELDS_ONLY.writeValueAsString(state));
			assertThat(CustomerStateStore.JSON.writeValueAsString(CustomerStateStore.JSON.readValue(json,
					CustomerState.class))).isEqualTo(json);
		}
		assertThat(CustomerStateStore.JSON.writeValueAsString(sparse)).contains("\"total\":null");
	}

	/** Sets every field that may be empty (an object, not a primitive or a collection) to null. */
	private static void emptyNullableFields(Object part) {
		try {
			for (Field field : part.getClass().getDeclaredFields()) {
				boolean collection = java.util.Collection.class.isAssignableFrom(field.getType())
						|| Map.class.isAssignableFrom(field.getType());
				if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive() && !collection
						&& !field.getName().equals("customerId") && !field.getName().equals("orderId")) {
					field.setAccessible(true);
					field.set(part, null);
				}
			}
		}
		catch (IllegalAccessException e) {
			throw new AssertionError(e);
		}
	}

	/** An instance of a state's part with each field (or record component) set to a value of its own. */
	private Object filled(Class<?> type) throws Exception {
		if (type.isRecord()) {
			RecordComponent[] components = type.getRecordComponents();
			Object[] values = new Object[components.length];
			Class<?>[] types = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				types[i] = components[i].getType();
				values[i] = value(components[i].getGenericType());
			}
			Constructor<?> canonical = type.getDeclaredConstructor(types);
			canonical.setAccessible(true);
			return canonical.newInstance(values);
		}
		Constructor<?> empty = type.getDeclaredConstructor();
		empty.setAccessible(true);
		Object instance = empty.newInstance();
		for (Field field : type.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				field.setAccessible(true);
				field.set(instance, value(field.getGenericType()));
			}
		}
		return instance;
	}

	private Object value(Type type) throws Exception {
		int n = ++next;
		if (type instanceof ParameterizedType generic) {
			Type[] of = generic.getActualTypeArguments();
			Class<?> raw = (Class<?>) generic.getRawType();
			if (raw == List.class) {
				return new ArrayList<>(List.of(value(of[0]), value(of[0])));
			}
			if (raw == Set.class) {
				return new LinkedHashSet<>(Set.of(value(of[0])));
			}
			if (raw == Map.class) {
				Map<Object, Object> map = new LinkedHashMap<>();
				map.put("key-" + n, value(of[1]));
				return map;
			}
			throw new AssertionError("no value made for " + type);
		}
		Class<?> raw = (Class<?>) type;
		if (raw == String.class) {
			return "text-" + n;
		}
		if (raw == Instant.class) {
			return Instant.parse("2017-03-21T18:22:48.123456Z").plusSeconds(n);
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return n % 2 == 0;
		}
		if (raw == double.class || raw == Double.class) {
			return n + 0.25;
		}
		if (raw == int.class || raw == Integer.class) {
			return n;
		}
		if (raw.getPackageName().equals(CustomerState.class.getPackageName())) {
			return filled(raw);
		}
		throw new AssertionError("no value made for " + type);
	}
}
