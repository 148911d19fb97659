package org.forewarn.outcome;

import java.time.Instant;

/** One outreach that went out ({@code heldOut} false) or was held out, the unit outcomes are counted for. */
record Exposure(String id, String customerId, String rule, String problem, Instant decidedAt, boolean heldOut) {
}
