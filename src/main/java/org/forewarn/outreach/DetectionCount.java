package org.forewarn.outreach;

/** How many times (customers and subjects) a rule detected a problem. */
public record DetectionCount(String problem, String rule, long detections) {
}
