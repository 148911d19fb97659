package org.forewarn.customer;

import java.time.Instant;

/** A carrier scan of a shipment. */
public record Scan(Instant at, String location, String status) {
}
