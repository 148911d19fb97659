package org.forewarn.customer;

import java.time.Instant;

/** One reading of a usage metric. */
public record ActivitySample(Instant at, double value) {
}
