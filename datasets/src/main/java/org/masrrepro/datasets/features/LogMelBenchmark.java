package org.masrrepro.datasets.features;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures {@link LogMel} speed in multiples of real time on synthetic 16 kHz audio, single thread. Usage:
 * {@code java -cp datasets/target/classes org.masrrepro.datasets.features.LogMelBenchmark [seconds=600] [runs=5]
 * [out.wav]}. Prints every run and the best and median figures; with {@code out.wav} also writes the audio, so that
 * {@code datasets/scripts/logmel_reference.py out.wav out.npy --time} can time torchaudio on the same input.
 */
public final class LogMelBenchmark {

    private LogMelBenchmark() {}

    public static void main(String[] args) throws java.io.IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        float[] x = synthetic(seconds * 16000, 42);
        if (args.length > 2) {
            org.masrrepro.datasets.audio.Wav.write(java.nio.file.Path.of(args[2]), x, 16000);
        }
        LogMel lm = LogMel.builder().build();
        // Warm-up on a shorter slice so the JIT has compiled the hot loops before timing.
        float[] warm = java.util.Arrays.copyOf(x, Math.min(x.length, 60 * 16000));
        for (int i = 0; i < 3; i++) {
            lm.compute(warm);
        }
        double[] xrt = new double[runs];
        double checksum = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            float[][] f = lm.compute(x);
            double s = (System.nanoTime() - t0) / 1e9;
            checksum += f[f.length / 2][40]; // keep the result alive
            xrt[r] = seconds / s;
            System.out.printf(Locale.ROOT, "run %d: %d s of audio in %.3f s = %.0fx real time%n", r + 1, seconds, s,
                    xrt[r]);
        }
        double[] sorted = xrt.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "logmel_x_real_time best=%.0f median=%.0f (%s, single thread, checksum %.3f)%n",
                sorted[runs - 1], sorted[runs / 2], lm.describe(), checksum);
    }

    /** Harmonic glide plus noise: spectrally busy like speech, deterministic. */
    static float[] synthetic(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f0 = 150 + 60 * Math.sin(2 * Math.PI * 0.5 * i / 16000);
            phase += 2 * Math.PI * f0 / 16000;
            x[i] = (float) (0.3 * Math.sin(phase) + 0.1 * Math.sin(3 * phase) + 0.02 * (rnd.nextDouble() - 0.5));
        }
        return x;
    }
}
