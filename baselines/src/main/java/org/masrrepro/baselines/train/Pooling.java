package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDArray;

/** The paper's aggregation g: average pooling of encoder frames, h = (1/T) sum_t z_t. */
public final class Pooling {

    private Pooling() {}

    /** (B, T, D) to (B, D). */
    public static NDArray mean(NDArray frames) {
        return frames.mean(new int[] {1});
    }
}
