package org.forewarn.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.forewarn.engine.IntakeResult;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Which instance handled which event record, as told by {@link EventRecordHandled}. */
final class HandledRecords {

	record Handled(String instance, EventRecordHandled record) {
	}

	private final List<Handled> handled = new CopyOnWriteArrayList<>();

	void listenTo(String instance, ConfigurableApplicationContext context) {
		context.addApplicationListener(event -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof EventRecordHandled record) {
				handled.add(new Handled(instance, record));
			}
		});
	}

	List<Handled> all() {
		return List.copyOf(handled);
	}

	/** The instances that handled each customer's records. */
	Map<String, Set<String>> instancesByCustomer() {
		return handled.stream().collect(Collectors.groupingBy(h -> h.record().customerId(),
				Collectors.mapping(Handled::instance, Collectors.toSet())));
	}

	long accepted(String instance) {
		return handled.stream()
			.filter(h -> h.instance().equals(instance) && h.record().status() == IntakeResult.Status.ACCEPTED)
			.count();
	}
}
