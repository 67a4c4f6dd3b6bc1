package org.masrrepro.datasets.audio;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited rational resampler: a Kaiser-windowed sinc (beta 8, about 80 dB stop band) evaluated as a polyphase
 * filter over the gcd ratio {@code up/down}. The cutoff is 0.92 of the lower Nyquist and the filter spans 32
 * zero crossings each side (at the lower rate), so at 22050 -> 16000 the pass band is flat to ~7 kHz and everything
 * above 8 kHz that could alias is attenuated. Pure arithmetic on the input: same input, same output bytes.
 */
public final class Resampler {

    private static final int HALF_ZERO_CROSSINGS = 32;
    private static final double KAISER_BETA = 8.0;
    private static final double ROLLOFF = 0.92;
    /** Filter tables by "up/down"; a corpus build resamples thousands of clips at one ratio. */
    private static final int MAX_CACHED_TABLES = 16;
    private static final ConcurrentHashMap<Long, Table> TABLES = new ConcurrentHashMap<>();

    private Resampler() {}

    /** Resamples {@code x} from {@code fromRate} to {@code toRate} Hz; a copy when the rates are equal. */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return x.clone();
        }
        int g = gcd(fromRate, toRate);
        int up = toRate / g;
        int down = fromRate / g;
        long key = ((long) up << 32) | down;
        Table t = TABLES.get(key);
        if (t == null) {
            t = new Table(up, down);
            if (TABLES.size() < MAX_CACHED_TABLES) { // bounded: speed() may ask for many ratios
                TABLES.putIfAbsent(key, t);
            }
        }
        int outLen = (int) (((long) x.length * up + down - 1) / down);
        float[] y = new float[outLen];
        int half = t.half;
        int taps = 2 * half;
        for (int m = 0; m < outLen; m++) {
            long pos = (long) m * down;
            int center = (int) (pos / up);
            int phase = (int) (pos - (long) center * up);
            double[] h = t.coef;
            int base = phase * taps;
            // Taps n = center + j for j in (-half, half]; samples outside the signal are zero.
            int lo = Math.max(-half + 1, -center);
            int hi = Math.min(half, x.length - 1 - center);
            double acc = 0;
            for (int j = lo; j <= hi; j++) {
                acc += x[center + j] * h[base + j + half - 1];
            }
            y[m] = (float) acc;
        }
        return y;
    }

    /** Polyphase coefficients, {@code up} phases of {@code 2*half} taps, flattened. */
    private static final class Table {
        final int half;
        final double[] coef;

        Table(int up, int down) {
            double ratio = Math.min(1.0, (double) up / down);
            double cutoff = ROLLOFF * ratio; // fraction of the input Nyquist
            half = (int) Math.ceil(HALF_ZERO_CROSSINGS / ratio);
            int taps = 2 * half;
            coef = new double[up * taps];
            double i0b = besselI0(KAISER_BETA);
            for (int phase = 0; phase < up; phase++) {
                double sum = 0;
                for (int j = -half + 1; j <= half; j++) {
                    double t = phase / (double) up - j; // output time minus tap time, in input samples
                    double arg = Math.PI * cutoff * t;
                    double sinc = t == 0 ? 1.0 : Math.sin(arg) / arg;
                    double w = t / half;
                    double win = Math.abs(w) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - w * w)) / i0b;
                    double c = cutoff * sinc * win;
                    coef[phase * taps + j + half - 1] = c;
                    sum += c;
                }
                // Unit DC gain in every phase: otherwise a constant picks up a ripple at the phase period.
                for (int k = 0; k < taps; k++) {
                    coef[phase * taps + k] /= sum;
                }
            }
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 100; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-16 * sum) {
                break;
            }
        }
        return sum;
    }
}
