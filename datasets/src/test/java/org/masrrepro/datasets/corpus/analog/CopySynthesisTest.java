package org.masrrepro.datasets.corpus.analog;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopySynthesisTest {

    private static final int SR = 16000;
    private static final int PERIOD = 128; // 125 Hz

    /** 0.5 s of a two-formant vowel at 125 Hz, then 0.25 s of noise (a fricative), then 0.1 s of silence. */
    static float[] vowelThenFricative() {
        int voiced = SR / 2;
        int unvoiced = SR / 4;
        float[] x = new float[voiced + unvoiced + SR / 10];
        double[] y1 = new double[3];
        double[] y2 = new double[3];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 0; n < voiced + unvoiced; n++) {
            double e = n < voiced ? (n % PERIOD == 0 ? 1 : 0) : 0.05 * rnd.nextGaussian();
            double a = resonate(e, y1, 700, 90);
            x[n] = (float) (0.5 * a + resonate(a, y2, 1200, 110) * 0.5);
        }
        return x;
    }

    private static double resonate(double in, double[] y, double freq, double bandwidth) {
        double r = Math.exp(-Math.PI * bandwidth / SR);
        double c = 2 * r * Math.cos(2 * Math.PI * freq / SR);
        double out = in * (1 - r) + c * y[0] - r * r * y[1];
        y[1] = y[0];
        y[0] = out;
        return out;
    }

    static double power(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * (double) x[i];
        }
        return s / (to - from);
    }

    /** Normalised autocorrelation of x[from, to) at {@code lag}. */
    static double periodicity(float[] x, int from, int to, int lag) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = from; i + lag < to; i++) {
            xy += x[i] * (double) x[i + lag];
            xx += x[i] * (double) x[i];
            yy += x[i + lag] * (double) x[i + lag];
        }
        return xy / Math.sqrt(xx * yy);
    }

    @Test
    void fftRoundTripsAndMatchesTheDft() {
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 16;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        double[] r0 = re.clone();
        double[] i0 = im.clone();
        CopySynthesis.fft(re, im, false);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                sr += r0[t] * Math.cos(a) - i0[t] * Math.sin(a);
                si += r0[t] * Math.sin(a) + i0[t] * Math.cos(a);
            }
            assertEquals(sr, re[k], 1e-9);
            assertEquals(si, im[k], 1e-9);
        }
        CopySynthesis.fft(re, im, true);
        for (int i = 0; i < n; i++) {
            assertEquals(r0[i], re[i] / n, 1e-12);
            assertEquals(i0[i], im[i] / n, 1e-12);
        }
    }

    @Test
    void lpcVocoderKeepsPitchAndLevelAndIsSeeded() {
        float[] x = vowelThenFricative();
        float[] y = CopySynthesis.lpcVocoder(x, 3);
        assertEquals(x.length, y.length);
        assertArrayEquals(y, CopySynthesis.lpcVocoder(x, 3));
        assertFalse(java.util.Arrays.equals(y, CopySynthesis.lpcVocoder(x, 4)), "the noise excitation follows the seed");
        for (float v : y) {
            assertTrue(Float.isFinite(v));
        }
        int from = SR / 10;
        int to = SR / 2 - SR / 20;
        double ratio = power(y, from, to) / power(x, from, to);
        assertTrue(ratio > 0.25 && ratio < 4, "voiced level kept within 6 dB, ratio " + ratio);
        double fricRatio = power(y, SR / 2 + SR / 20, SR / 2 + SR / 5) / power(x, SR / 2 + SR / 20, SR / 2 + SR / 5);
        assertTrue(fricRatio > 0.25 && fricRatio < 4, "unvoiced level kept within 6 dB, ratio " + fricRatio);
        assertTrue(periodicity(y, from, to, PERIOD) > 0.8, "voiced part excited at the detected 125 Hz period");
        assertTrue(periodicity(y, SR / 2 + SR / 20, SR / 2 + SR / 5, PERIOD) < 0.3, "fricative excited by noise");
        assertTrue(power(y, x.length - SR / 20, x.length) < 1e-6, "silence stays silent");
    }

    @Test
    void griffinLimKeepsTheMagnitudeButNotTheWaveform() {
        float[] x = vowelThenFricative();
        float[] y = CopySynthesis.griffinLim(x, 32, 9);
        assertEquals(x.length, y.length);
        assertArrayEquals(y, CopySynthesis.griffinLim(x, 32, 9));
        double[][] mx = magnitudes(x);
        double convergence = spectralConvergence(mx, magnitudes(y));
        assertTrue(convergence < 0.3, "spectral convergence " + convergence);
        double corr = 0;
        for (int i = 0; i < x.length; i++) {
            corr += x[i] * (double) y[i];
        }
        corr /= Math.sqrt(power(x, 0, x.length) * power(y, 0, y.length)) * x.length;
        assertTrue(Math.abs(corr) < 0.9, "the waveform is rebuilt, not copied: correlation " + corr);
        double oneIteration = spectralConvergence(mx, magnitudes(CopySynthesis.griffinLim(x, 1, 9)));
        assertTrue(oneIteration > convergence, "iterations improve consistency: " + oneIteration + " vs " + convergence);
    }

    private static double spectralConvergence(double[][] a, double[][] b) {
        double diff = 0;
        double ref = 0;
        for (int t = 0; t < a.length; t++) {
            for (int k = 0; k < a[t].length; k++) {
                diff += Math.pow(a[t][k] - b[t][k], 2);
                ref += a[t][k] * a[t][k];
            }
        }
        return Math.sqrt(diff / ref);
    }

    /** 512-point Hann STFT magnitudes at hop 256, frames fully inside the signal. */
    private static double[][] magnitudes(float[] x) {
        int n = 512;
        int frames = (x.length - n) / 256 + 1;
        double[][] out = new double[frames][n / 2 + 1];
        for (int t = 0; t < frames; t++) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = x[t * 256 + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
            }
            CopySynthesis.fft(re, im, false);
            for (int k = 0; k <= n / 2; k++) {
                out[t][k] = Math.hypot(re[k], im[k]);
            }
        }
        return out;
    }
}
