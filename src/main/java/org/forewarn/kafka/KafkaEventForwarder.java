package org.forewarn.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.forewarn.engine.EventForwarder;
import org.forewarn.engine.IntakeResult;
import org.forewarn.event.Event;

/** Events posted over HTTP are queued on the events topic keyed by customer, like every other event. */
class KafkaEventForwarder implements EventForwarder {

	private final RecordSender sender;
	private final KafkaSettings settings;

	KafkaEventForwarder(RecordSender sender, KafkaSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	@Override
	public IntakeResult forward(Event event, String json) {
		try {
			sender.send(new ProducerRecord<>(settings.queueTopic(), event.customerId(), json));
			return new IntakeResult(null, event.id(), IntakeResult.Status.ACCEPTED, null);
		}
		catch (IllegalStateException e) {
			return new IntakeResult(null, event.id(), IntakeResult.Status.FAILED,
					"not queued, retry later: " + e.getMessage());
		}
	}
}
