package org.masrrepro.datasets.audio;

/**
 * Band-limited rational resampler: windowed-sinc (Kaiser, beta 8.6) polyphase filter over the gcd ratio, cutoff at
 * 0.95 of the lower Nyquist. Pure arithmetic on the input, so the same input always gives the same output.
 */
public final class Resampler {

    private static final int HALF_TAPS_PER_PHASE = 16;
    private static final double KAISER_BETA = 8.6;
    private static final double ROLLOFF = 0.95;

    private Resampler() {}

    public static float[] resample(float[] x, int fromRate, int toRate) {
        if (fromRate == toRate) {
            return x.clone();
        }
        int g = gcd(fromRate, toRate);
        int up = toRate / g;
        int down = fromRate / g;
        double ratio = Math.min(1.0, (double) up / down);
        double cutoff = ROLLOFF * ratio; // in units of the input Nyquist
        int half = (int) Math.ceil(HALF_TAPS_PER_PHASE / ratio);
        // Output m sits at input time t = m*down/up = center + phase/up; taps n = center + j, j in (-half, half].
        double[][] table = new double[up][2 * half];
        double i0b = besselI0(KAISER_BETA);
        for (int phase = 0; phase < up; phase++) {
            for (int j = -half + 1; j <= half; j++) {
                double t = phase / (double) up - j; // t_m - n, in input samples
                double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * cutoff * t) / (Math.PI * cutoff * t);
                double w = t / half;
                double win = Math.abs(w) >= 1 ? 0 : besselI0(KAISER_BETA * Math.sqrt(1 - w * w)) / i0b;
                table[phase][j + half - 1] = cutoff * sinc * win;
            }
        }
        int outLen = (int) (((long) x.length * up + down - 1) / down);
        float[] y = new float[outLen];
        for (int m = 0; m < outLen; m++) {
            long pos = (long) m * down;
            int center = (int) (pos / up);
            double[] h = table[(int) (pos - (long) center * up)];
            int lo = Math.max(-half + 1, -center);
            int hi = Math.min(half, x.length - 1 - center);
            double acc = 0;
            for (int j = lo; j <= hi; j++) {
                acc += x[center + j] * h[j + half - 1];
            }
            y[m] = (float) acc;
        }
        return y;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
