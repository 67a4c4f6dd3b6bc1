package org.masrrepro.reports.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    /** Quantiles from standard t tables (scipy.stats.t.ppf gives the same to 4 decimals). */
    @ParameterizedTest
    @CsvSource({"0.975,1,12.7062", "0.975,2,4.3027", "0.975,4,2.7764", "0.975,9,2.2622", "0.95,2,2.9200",
        "0.975,30,2.0423", "0.5,3,0.0"})
    void quantilesMatchTables(double p, double df, double expected) {
        assertEquals(expected, StudentT.quantile(p, df), 1e-4);
    }

    @Test
    void cdfIsSymmetricAndMonotone() {
        assertEquals(0.5, StudentT.cdf(0, 5), 1e-12);
        assertEquals(1, StudentT.cdf(1.3, 5) + StudentT.cdf(-1.3, 5), 1e-12);
        assertTrue(StudentT.cdf(2, 5) > StudentT.cdf(1, 5));
    }

    @Test
    void pairedSummaryOfThreeSeeds() {
        // mean 2, sd 1, n 3: half-width 4.3027 / sqrt(3) = 2.4842
        PairedSummary s = PairedSummary.of(new double[] {1, 2, 3}, 0.95);
        assertEquals(2, s.mean(), 1e-12);
        assertEquals(1, s.std(), 1e-12);
        assertEquals(2 - 2.4842, s.ciLow(), 1e-3);
        assertEquals(2 + 2.4842, s.ciHigh(), 1e-3);
        assertEquals(3, s.positives());
        assertEquals(0.125, s.signTestP(), 1e-12); // all 3 positive: 1/8
    }

    @Test
    void signTestCountsTiesAgainstTheClaim() {
        PairedSummary s = PairedSummary.of(new double[] {1, 0, -1, 2}, 0.95);
        assertEquals(2, s.positives());
        assertEquals(11.0 / 16, s.signTestP(), 1e-12); // P(X >= 2), X ~ Bin(4, .5)
    }

    @Test
    void singleSeedHasNoInterval() {
        PairedSummary s = PairedSummary.of(new double[] {1.5}, 0.95);
        assertTrue(Double.isNaN(s.ciLow()));
        assertEquals(0.5, s.signTestP(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PairedSummary.of(new double[] {Double.NaN}, 0.95));
    }
}
