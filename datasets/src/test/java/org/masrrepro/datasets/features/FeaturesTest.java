package org.masrrepro.datasets.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log-mel values: FFT, filterbank, framing. */
class FeaturesTest {

    static float[] tone(double hz, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 16000));
        }
        return x;
    }

    @Test
    void realFftPowerMatchesNaiveDft() {
        Random r = new Random(3);
        for (int n : new int[] {4, 8, 64, 512}) {
            RealFft fft = new RealFft(n);
            double[] x = new double[n];
            double[] buf = fft.newBuffer();
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
                fft.set(buf, i, x[i]);
            }
            double[] power = new double[n / 2 + 1];
            fft.power(buf, power);
            for (int k = 0; k <= n / 2; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    re += x[i] * Math.cos(2 * Math.PI * k * i / n);
                    im -= x[i] * Math.sin(2 * Math.PI * k * i / n);
                }
                assertEquals(re * re + im * im, power[k], 1e-9 * (1 + re * re + im * im), "n=" + n + " k=" + k);
            }
        }
    }

    @Test
    void toneLandsInItsMelBand() {
        LogMel lm = LogMel.builder().build();
        for (double hz : new double[] {250, 1000, 3000, 6500}) {
            float[][] f = lm.compute(tone(hz, 16000));
            int best = 0;
            for (int m = 1; m < 80; m++) {
                if (f[50][m] > f[50][best]) {
                    best = m;
                }
            }
            // band m peaks at mel (m + 1) * step, step = mel(8000) / 81
            double expected = LogMel.hzToMel(hz) / (LogMel.hzToMel(8000) / 81) - 1;
            assertEquals(expected, best, 1.0, hz + " Hz");
        }
    }

    /** Slow textbook log-mel (explicit reflect padding, naive DFT, dense torchaudio-formula filterbank). */
    static double[][] naiveLogMel(float[] x) {
        int nFft = 512;
        int win = 400;
        int hop = 160;
        int nMels = 80;
        int pad = nFft / 2;
        double[] padded = new double[x.length + 2 * pad];
        for (int i = 0; i < padded.length; i++) {
            int j = i - pad;
            if (j < 0) {
                j = -j;
            } else if (j >= x.length) {
                j = 2 * (x.length - 1) - j;
            }
            padded[i] = x[j];
        }
        double[] window = new double[nFft];
        for (int i = 0; i < win; i++) {
            window[(nFft - win) / 2 + i] = 0.5 * (1 - Math.cos(2 * Math.PI * i / win));
        }
        double mMax = 2595 * Math.log10(1 + 8000 / 700.0);
        double[] fPts = new double[nMels + 2];
        for (int i = 0; i < fPts.length; i++) {
            fPts[i] = 700 * (Math.pow(10, mMax * i / (nMels + 1) / 2595) - 1);
        }
        int frames = 1 + x.length / hop;
        double[][] out = new double[frames][nMels];
        for (int t = 0; t < frames; t++) {
            double[] power = new double[nFft / 2 + 1];
            for (int k = 0; k <= nFft / 2; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < nFft; i++) {
                    double v = padded[t * hop + i] * window[i];
                    re += v * Math.cos(2 * Math.PI * k * i / nFft);
                    im -= v * Math.sin(2 * Math.PI * k * i / nFft);
                }
                power[k] = re * re + im * im;
            }
            for (int m = 0; m < nMels; m++) {
                double acc = 0;
                for (int k = 0; k <= nFft / 2; k++) {
                    double f = 8000.0 * k / (nFft / 2);
                    double down = (f - fPts[m]) / (fPts[m + 1] - fPts[m]);
                    double up = (fPts[m + 2] - f) / (fPts[m + 2] - fPts[m + 1]);
                    acc += Math.max(0, Math.min(down, up)) * power[k];
                }
                out[t][m] = Math.log(Math.max(acc, 1e-6));
            }
        }
        return out;
    }

    @Test
    void matchesANaiveReferenceImplementation() {
        Random r = new Random(11);
        float[] x = new float[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(i * 0.07) + 0.05 * r.nextGaussian());
        }
        double[][] ref = naiveLogMel(x);
        float[][] got = LogMel.builder().build().compute(x);
        assertEquals(ref.length, got.length);
        double maxDiff = 0;
        for (int t = 0; t < ref.length; t++) {
            for (int m = 0; m < 80; m++) {
                maxDiff = Math.max(maxDiff, Math.abs(ref[t][m] - got[t][m]));
            }
        }
        assertTrue(maxDiff < 1e-5, "max |log-mel difference| " + maxDiff);
    }

    @Test
    void framesAreCentredWithReflectPadding() {
        LogMel lm = LogMel.builder().build();
        for (int n : new int[] {1, 100, 159, 160, 161, 400, 16000, 16159}) {
            float[][] f = lm.compute(tone(440, n));
            assertEquals(1 + n / 160, f.length, "n=" + n);
            assertEquals(lm.numFrames(n), f.length);
            for (float[] row : f) {
                assertEquals(80, row.length);
                for (float v : row) {
                    assertTrue(Float.isFinite(v) && v >= (float) Math.log(1e-6));
                }
            }
        }
        assertEquals(0, LogMel.reflect(0, 5));
        assertEquals(1, LogMel.reflect(-1, 5));
        assertEquals(3, LogMel.reflect(5, 5));
        assertEquals(4, LogMel.reflect(4, 5));
        // silence sits at the floor
        float[][] silent = lm.compute(new float[1600]);
        assertEquals((float) Math.log(1e-6), silent[3][10]);
    }

    @Test
    void describeIsCanonicalAndBuilderValidates(@TempDir java.nio.file.Path unused) {
        LogMel a = LogMel.builder().build();
        LogMel b = LogMel.builder().optWindowLength(400).optHopLength(160).optFMax(8000).build();
        assertEquals(a.describe(), b.describe());
        assertEquals("logmel(sr=16000,n_mels=80,win=400,hop=160,n_fft=512,fmin=0.0,fmax=8000.0,window=hann-periodic,"
                + "center=reflect,power=2,mel=htk,norm=none,log_floor=1.0e-06)", a.describe());
        assertTrue(!a.describe().equals(LogMel.builder().optNumMels(40).build().describe()));
        assertThrows(IllegalArgumentException.class, () -> LogMel.builder().optFftSize(256).build());
        assertThrows(IllegalArgumentException.class, () -> LogMel.builder().optFMax(9000).build());
        assertThrows(IllegalArgumentException.class, () -> LogMel.builder().optFftSize(600).optWindowLength(400).build());
    }

    @Test
    void computeIsDeterministicAndThreadSafe() throws Exception {
        LogMel lm = LogMel.builder().build();
        float[] x = new float[48000];
        Random r = new Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.1 * r.nextGaussian());
        }
        float[][] ref = lm.compute(x);
        Thread[] threads = new Thread[2];
        boolean[] ok = new boolean[2];
        for (int t = 0; t < 2; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean same = true;
                for (int k = 0; k < 5; k++) {
                    same &= java.util.Arrays.deepEquals(ref, lm.compute(x));
                }
                ok[id] = same;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(ok[0] && ok[1]);
    }
}
