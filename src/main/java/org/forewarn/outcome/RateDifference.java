package org.forewarn.outcome;

/**
 * The difference of two proportions, {@code x1/n1 - x2/n2}, with its 95 % interval by Newcombe's hybrid score
 * method (Newcombe 1998, method 10): built from the Wilson score interval of each proportion. It keeps its coverage
 * with small counts and rates near 0 or 1, where the normal approximation fails.
 */
record RateDifference(double rate1, double rate2, double difference, double low, double high) {

	/** z for a two-sided 95 % interval. */
	static final double Z95 = 1.959963984540054;

	static RateDifference of(long x1, long n1, long x2, long n2) {
		if (n1 <= 0 || n2 <= 0) {
			throw new IllegalArgumentException("both groups need at least one customer, got " + n1 + " and " + n2);
		}
		double p1 = (double) x1 / n1;
		double p2 = (double) x2 / n2;
		double[] w1 = wilson(x1, n1);
		double[] w2 = wilson(x2, n2);
		double d = p1 - p2;
		double low = d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2));
		double high = d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]));
		return new RateDifference(p1, p2, d, low, high);
	}

	/** Wilson's score interval of {@code x} in {@code n}, 95 %: {low, high}. */
	static double[] wilson(long x, long n) {
		double p = (double) x / n;
		double z2 = Z95 * Z95;
		double centre = p + z2 / (2 * n);
		double spread = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		double divisor = 1 + z2 / n;
		return new double[] { Math.max(0, (centre - spread) / divisor), Math.min(1, (centre + spread) / divisor) };
	}

	/** The interval lies wholly on one side of zero. */
	boolean shown() {
		return low > 0 || high < 0;
	}

	private static double square(double v) {
		return v * v;
	}
}
