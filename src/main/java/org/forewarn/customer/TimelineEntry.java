package org.forewarn.customer;

import java.time.Instant;

/** One thing that happened to an order or shipment. */
public record TimelineEntry(Instant at, String type) {
}
