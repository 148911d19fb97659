package org.forewarn.customer;

import java.util.List;

/**
 * A usage metric's latest reading against the average of the readings before it. A rule fact, derived from the
 * account's samples so rules can say "usage fell by half" without arithmetic.
 */
public record ActivityTrend(String customerId, String metric, double latest, double baseline, int samples) {

	static ActivityTrend of(String customerId, String metric, List<ActivitySample> readings) {
		double latest = readings.get(readings.size() - 1).value();
		double baseline = readings.subList(0, readings.size() - 1).stream()
			.mapToDouble(ActivitySample::value).average().orElse(latest);
		return new ActivityTrend(customerId, metric, latest, baseline, readings.size());
	}

	/** Latest reading as a share of the baseline (1.0 = unchanged, 0.4 = down 60 %). */
	public double getRatio() {
		return baseline <= 0 ? 1.0 : latest / baseline;
	}

	public String getMetric() { return metric; }
	public int getSamples() { return samples; }
	public double getLatest() { return latest; }
	public double getBaseline() { return baseline; }
}
