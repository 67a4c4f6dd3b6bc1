package org.masrrepro.baselines.train;

import org.masrrepro.datasets.features.FeatureSet;

import java.util.SplittableRandom;

/**
 * Turns utterances into model input: a {@link GloballyNormalized} set as it is, any other set with per-utterance
 * mean and variance normalisation of every feature dimension; then a fixed-length crop at a random offset (an
 * utterance shorter than the crop is repeated end to end).
 */
public final class Batches {

    private Batches() {}

    /** Model input of item {@code i} of {@code set}, {@code [T][F]} flattened row-major (see the class comment). */
    public static float[] input(FeatureSet set, int i) {
        float[][] frames = set.frames(i);
        if (!(set instanceof GloballyNormalized)) {
            return normalized(frames);
        }
        int f = set.dim();
        float[] out = new float[frames.length * f];
        for (int t = 0; t < frames.length; t++) {
            System.arraycopy(frames[t], 0, out, t * f, f);
        }
        return out;
    }

    /** Per-utterance normalised features of one utterance, {@code [T][F]} flattened row-major. */
    public static float[] normalized(float[][] frames) {
        int t = frames.length;
        int f = frames[0].length;
        double[] mean = new double[f];
        double[] sq = new double[f];
        for (float[] row : frames) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j];
                sq[j] += row[j] * (double) row[j];
            }
        }
        float[] out = new float[t * f];
        for (int j = 0; j < f; j++) {
            mean[j] /= t;
            double var = Math.max(sq[j] / t - mean[j] * mean[j], 0);
            sq[j] = 1.0 / Math.sqrt(var + 1e-5);
        }
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < f; j++) {
                out[i * f + j] = (float) ((frames[i][j] - mean[j]) * sq[j]);
            }
        }
        return out;
    }

    /** A (B, crop, F) batch, flattened, of normalised random crops of the given items. */
    public static float[] crops(FeatureSet data, int[] items, int crop, SplittableRandom random) {
        int f = data.dim();
        float[] out = new float[items.length * crop * f];
        for (int b = 0; b < items.length; b++) {
            float[] norm = input(data, items[b]);
            int t = norm.length / f;
            int offset = t > crop ? random.nextInt(t - crop + 1) : 0;
            for (int i = 0; i < crop; i++) {
                int src = (offset + i) % t;
                System.arraycopy(norm, src * f, out, (b * crop + i) * f, f);
            }
        }
        return out;
    }
}
