package org.forewarn.kafka;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.forewarn.engine.EventIntake;
import org.forewarn.engine.WakeupDelivery;
import org.forewarn.event.Event;
import org.forewarn.event.EventJson;
import org.forewarn.rules.Wakeup;

/**
 * Due wakeups, taken by whichever instance, are produced to the events topic as {@code timer.fired} events keyed by
 * their customers: the instance owning a customer's partition processes it in order with the customer's other
 * events, so two instances never work on one customer at the same time. A batch is produced at once and then
 * awaited. Each record is signed: the listener takes a {@code timer.fired} event only with a valid signature.
 */
class KafkaWakeupDelivery implements WakeupDelivery {

	private final RecordSender sender;
	private final KafkaSettings settings;
	private final TimerSignatures signatures;

	KafkaWakeupDelivery(RecordSender sender, KafkaSettings settings, TimerSignatures signatures) {
		this.sender = sender;
		this.settings = settings;
		this.signatures = signatures;
	}

	@Override
	public Map<Wakeup, String> deliver(List<Wakeup> wakeups) {
		return sender.sendAll(wakeups, this::record);
	}

	private ProducerRecord<String, String> record(Wakeup wakeup) {
		Event timer = EventIntake.timerEvent(wakeup);
		ProducerRecord<String, String> record = new ProducerRecord<>(settings.queueTopic(), timer.customerId(),
				EventJson.toNode(timer).toString());
		signatures.sign(record);
		return record;
	}
}
