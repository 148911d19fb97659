package org.forewarn.kafka;

import org.forewarn.engine.IntakeResult;

/** Published after a record's event was processed (ACCEPTED) or recognised as a duplicate (DUPLICATE). */
public record EventRecordHandled(String topic, int partition, long offset, String customerId, String eventId,
		IntakeResult.Status status) {
}
