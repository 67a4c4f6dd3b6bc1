package org.masrrepro.reports.stats;

import java.util.Arrays;

/**
 * Mean, sample standard deviation and two-sided confidence interval (Student t) of paired differences, with the
 * one-sided exact sign test of "differences are positive".
 *
 * @param n          number of differences (seeds)
 * @param mean       mean difference
 * @param std        sample standard deviation (NaN when n < 2)
 * @param ciLow      lower bound of the confidence interval (NaN when n < 2)
 * @param ciHigh     upper bound (NaN when n < 2)
 * @param positives  differences > 0
 * @param signTestP  P(at least {@code positives} of n are > 0 | each is equally likely > 0 or < 0); ties count
 *                   against the claim
 */
public record PairedSummary(int n, double mean, double std, double ciLow, double ciHigh, int positives,
        double signTestP) {

    /** Summarizes {@code differences} with a {@code confidence} (e.g. 0.95) interval. */
    public static PairedSummary of(double[] differences, double confidence) {
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("no differences to summarize");
        }
        if (Arrays.stream(differences).anyMatch(d -> !Double.isFinite(d))) {
            throw new IllegalArgumentException("non-finite difference in " + Arrays.toString(differences));
        }
        double mean = Arrays.stream(differences).average().orElseThrow();
        int positives = (int) Arrays.stream(differences).filter(d -> d > 0).count();
        double p = 0;
        for (int k = positives; k <= n; k++) {
            p += Math.exp(logChoose(n, k) - n * Math.log(2));
        }
        if (n < 2) {
            return new PairedSummary(n, mean, Double.NaN, Double.NaN, Double.NaN, positives, Math.min(1, p));
        }
        double ss = 0;
        for (double d : differences) {
            ss += (d - mean) * (d - mean);
        }
        double std = Math.sqrt(ss / (n - 1));
        double half = StudentT.quantile(0.5 + confidence / 2, n - 1) * std / Math.sqrt(n);
        return new PairedSummary(n, mean, std, mean - half, mean + half, positives, Math.min(1, p));
    }

    private static double logChoose(int n, int k) {
        return StudentT.logGamma(n + 1.0) - StudentT.logGamma(k + 1.0) - StudentT.logGamma(n - k + 1.0);
    }
}
