package org.masrrepro.baselines.train;

import org.masrrepro.datasets.features.FeatureSet;

import java.util.SplittableRandom;

/** An in-memory feature set: utterances of random length whose mean depends on a class label. */
public final class ToyFeatures implements FeatureSet {

    private final float[][][] items;
    private final int[] labels;

    public ToyFeatures(int n, int dim, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        items = new float[n][][];
        labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            int t = 40 + r.nextInt(40);
            items[i] = new float[t][dim];
            for (int j = 0; j < t; j++) {
                for (int k = 0; k < dim; k++) {
                    // Class shows as a spectral tilt, so per-utterance normalisation keeps it visible over time.
                    double pattern = Math.sin((k + 1) * (labels[i] + 1) * 0.7 + j * 0.3 * (labels[i] + 1));
                    items[i][j][k] = (float) (pattern + 0.3 * r.nextGaussian());
                }
            }
        }
    }

    public int[] labels() {
        return labels.clone();
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public int dim() {
        return items[0][0].length;
    }

    @Override
    public String id(int i) {
        return "toy-" + i;
    }

    @Override
    public int numFrames(int i) {
        return items[i].length;
    }

    @Override
    public float[][] frames(int i) {
        return items[i];
    }
}
