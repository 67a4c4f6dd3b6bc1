package org.masrrepro.baselines.train;

import org.masrrepro.datasets.features.FeatureSet;

/**
 * A feature set seen through fixed global statistics: {@code (x - mean) / std} per dimension. {@link Batches} feeds
 * such a set to the model as it is, where a plain set gets per-utterance normalisation.
 */
public final class GloballyNormalized implements FeatureSet {

    private final FeatureSet base;
    private final FeatureStats stats;

    public GloballyNormalized(FeatureSet base, FeatureStats stats) {
        if (base.dim() != stats.dim()) {
            throw new IllegalArgumentException("features have " + base.dim() + " dimensions, the statistics "
                    + stats.dim());
        }
        this.base = base;
        this.stats = stats;
    }

    public FeatureStats stats() {
        return stats;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public int dim() {
        return base.dim();
    }

    @Override
    public String id(int i) {
        return base.id(i);
    }

    @Override
    public int numFrames(int i) {
        return base.numFrames(i);
    }

    @Override
    public float[][] frames(int i) {
        float[][] in = base.frames(i);
        double[] mean = stats.mean();
        double[] std = stats.std();
        float[][] out = new float[in.length][];
        for (int t = 0; t < in.length; t++) {
            float[] row = new float[in[t].length];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) ((in[t][j] - mean[j]) / std[j]);
            }
            out[t] = row;
        }
        return out;
    }
}
