package org.forewarn.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The intervals against published values: Wilson's from Newcombe (1998a, Statistics in Medicine 17:857, 81/263)
 * and the difference's from Newcombe (1998b, Statistics in Medicine 17:873, table II, method 10).
 */
class RateDifferenceTest {

	@Test
	void wilsonIntervalOfOneProportion() {
		double[] w = RateDifference.wilson(81, 263);
		assertThat(w[0]).isCloseTo(0.2553, within(0.00005));
		assertThat(w[1]).isCloseTo(0.3662, within(0.00005));
		double[] none = RateDifference.wilson(0, 10);
		assertThat(none[0]).isZero();
		assertThat(none[1]).isCloseTo(0.2775, within(0.00005));
	}

	@ParameterizedTest
	@CsvSource({ "56, 70, 48, 80, 0.0524, 0.3339", "9, 10, 3, 10, 0.1705, 0.8090", "6, 7, 2, 7, 0.0582, 0.8062",
			"5, 56, 0, 29, -0.0381, 0.1926", "0, 10, 0, 20, -0.1611, 0.2775", "0, 10, 0, 10, -0.2775, 0.2775",
			"10, 10, 0, 20, 0.6791, 1.0000", "10, 10, 0, 10, 0.6075, 1.0000" })
	void newcombeHybridScoreIntervalOfTheDifference(long x1, long n1, long x2, long n2, double low, double high) {
		RateDifference d = RateDifference.of(x1, n1, x2, n2);
		assertThat(d.difference()).isCloseTo((double) x1 / n1 - (double) x2 / n2, within(1e-12));
		assertThat(d.low()).isCloseTo(low, within(0.00005));
		assertThat(d.high()).isCloseTo(high, within(0.00005));
	}

	@Test
	void anIntervalAcrossZeroShowsNoDifference() {
		assertThat(RateDifference.of(5, 56, 0, 29).shown()).isFalse();
		assertThat(RateDifference.of(56, 70, 48, 80).shown()).isTrue();
	}
}
