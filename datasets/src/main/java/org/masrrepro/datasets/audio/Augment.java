package org.masrrepro.datasets.audio;

import java.util.SplittableRandom;

/** Deterministic degradations for the analog corpora: additive noise at an SNR, band limiting, speed change. */
public final class Augment {

    private Augment() {}

    /** Adds white Gaussian noise at {@code snrDb} relative to the signal's mean power, seeded. */
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

    /** Band-limits with second-order Butterworth high-pass and low-pass sections (bilinear transform). */
    public static float[] bandLimit(float[] x, int sampleRate, double lowHz, double highHz) {
        float[] y = biquad(x, sampleRate, lowHz, true);
        return biquad(y, sampleRate, highHz, false);
    }

    /** Changes speed (and pitch) by {@code factor} through resampling: 1.1 = 10% faster. */
    public static float[] speed(float[] x, double factor) {
        int from = (int) Math.round(16000 * factor);
        return Resampler.resample(x, from, 16000);
    }

    private static float[] biquad(float[] x, int rate, double f, boolean highPass) {
        double w0 = 2 * Math.PI * f / rate;
        double alpha = Math.sin(w0) / (2 * Math.sqrt(0.5));
        double cos = Math.cos(w0);
        double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
        double b1 = highPass ? -(1 + cos) : 1 - cos;
        double b2 = b0;
        double a0 = 1 + alpha;
        double a1 = -2 * cos;
        double a2 = 1 - alpha;
        float[] y = new float[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double v = (b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = v;
            y[i] = (float) v;
        }
        return y;
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller: deterministic given the stream, unlike Random#nextGaussian's cached state across calls.
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
