package org.masrrepro.datasets.audio;

import java.util.SplittableRandom;

/** Deterministic degradations for the analog corpora: additive white noise at an SNR, band limiting, speed change. */
public final class Augment {

    /** speed() quantises its factor to 1/1000 so the resampler's polyphase table stays small (<= 1000 phases). */
    private static final int SPEED_RESOLUTION = 1000;

    private Augment() {}

    /**
     * Adds white Gaussian noise whose variance is the signal's mean power divided by {@code 10^(snrDb/10)}; the
     * noise comes from a {@link SplittableRandom} seeded with {@code seed}, so the result is reproducible.
     */
    public static float[] addNoise(float[] x, double snrDb, long seed) {
        double power = 0;
        for (float v : x) {
            power += v * (double) v;
        }
        power = x.length == 0 ? 0 : power / x.length;
        double std = Math.sqrt(power / Math.pow(10, snrDb / 10));
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] + std * gaussian(rnd));
        }
        return y;
    }

    /**
     * Band-limits to [{@code lowHz}, {@code highHz}] with a 2nd-order Butterworth high-pass then a 2nd-order
     * Butterworth low-pass (bilinear transform biquads, causal, zero initial state). {@code lowHz <= 0} skips the
     * high-pass, {@code highHz >= sampleRate/2} skips the low-pass.
     */
    public static float[] bandLimit(float[] x, int sampleRate, double lowHz, double highHz) {
        if (sampleRate <= 0 || !(highHz > lowHz)) {
            throw new IllegalArgumentException("invalid band " + lowHz + ".." + highHz + " Hz at " + sampleRate + " Hz");
        }
        float[] y = x;
        if (lowHz > 0) {
            y = biquad(y, sampleRate, lowHz, true);
        }
        if (highHz < sampleRate / 2.0) {
            y = biquad(y, sampleRate, highHz, false);
        }
        return y == x ? x.clone() : y;
    }

    /**
     * Plays {@code x} {@code factor} times faster (pitch shifts too), by resampling: the output has about
     * {@code length / factor} samples. The factor is rounded to a multiple of 0.001.
     */
    public static float[] speed(float[] x, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed factor must be positive, found " + factor);
        }
        int from = (int) Math.round(SPEED_RESOLUTION * factor);
        if (from < 1) {
            throw new IllegalArgumentException("speed factor too small: " + factor);
        }
        return Resampler.resample(x, from, SPEED_RESOLUTION);
    }

    private static float[] biquad(float[] x, int rate, double f, boolean highPass) {
        double w0 = 2 * Math.PI * f / rate;
        double alpha = Math.sin(w0) / (2 * Math.sqrt(0.5)); // Q = 1/sqrt(2): Butterworth
        double cos = Math.cos(w0);
        double a0 = 1 + alpha;
        double b0 = (highPass ? (1 + cos) / 2 : (1 - cos) / 2) / a0;
        double b1 = (highPass ? -(1 + cos) : 1 - cos) / a0;
        double b2 = b0;
        double a1 = -2 * cos / a0;
        double a2 = (1 - alpha) / a0;
        float[] y = new float[x.length];
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double v = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = (float) v;
        }
        return y;
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller from our own stream: Random#nextGaussian caches a spare value, which makes results call-order dependent.
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
