package org.forewarn.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.forewarn.engine.EventIntake;
import org.forewarn.engine.WakeupDelivery;
import org.forewarn.event.Event;
import org.forewarn.event.EventJson;
import org.forewarn.rules.Wakeup;

/**
 * A due wakeup, fired by Quartz on whichever instance, is produced to the events topic as a {@code timer.fired}
 * event keyed by its customer: the instance owning that customer's partition processes it in order with the
 * customer's other events, so two instances never work on one customer at the same time. The record is signed:
 * the listener takes a {@code timer.fired} event only with a valid signature.
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
	public void deliver(Wakeup wakeup) {
		Event timer = EventIntake.timerEvent(wakeup);
		ProducerRecord<String, String> record = new ProducerRecord<>(settings.queueTopic(), timer.customerId(),
				EventJson.toNode(timer).toString());
		signatures.sign(record);
		sender.send(record);
	}
}
