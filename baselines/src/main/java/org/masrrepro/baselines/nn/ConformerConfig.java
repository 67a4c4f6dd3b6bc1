package org.masrrepro.baselines.nn;

import java.util.Set;

/**
 * Size of a Conformer encoder.
 *
 * @param inputDim     feature dimension (e.g. 80 log-mels)
 * @param modelDim     width D
 * @param numLayers    Conformer blocks
 * @param numHeads     attention heads (divides D)
 * @param ffMultiplier feed-forward width = ffMultiplier x D
 * @param convKernel   depthwise convolution kernel (odd)
 * @param subsampling  time subsampling of the front convolutions: 1, 2 or 4
 * @param dropout      dropout rate; masks come from the step's Java random stream ({@link SeededDropout}), so
 *                     0 costs nothing and any rate stays bit-reproducible
 */
public record ConformerConfig(int inputDim, int modelDim, int numLayers, int numHeads, int ffMultiplier,
        int convKernel, int subsampling, float dropout) {

    public ConformerConfig {
        if (inputDim <= 0 || modelDim <= 0 || numLayers <= 0 || numHeads <= 0 || ffMultiplier <= 0) {
            throw new IllegalArgumentException("Conformer sizes must be positive: " + this);
        }
        if (modelDim % numHeads != 0) {
            throw new IllegalArgumentException("modelDim " + modelDim + " not divisible by numHeads " + numHeads);
        }
        if (convKernel <= 0 || convKernel % 2 == 0) {
            throw new IllegalArgumentException("convKernel must be odd, found " + convKernel);
        }
        if (!Set.of(1, 2, 4).contains(subsampling)) {
            throw new IllegalArgumentException("subsampling must be 1, 2 or 4, found " + subsampling);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), found " + dropout);
        }
    }

    /** Encoder frames for {@code inputFrames} input frames (each stride-2 convolution with padding 1 halves, rounding up). */
    public int outputFrames(int inputFrames) {
        return ConformerEncoder.outputFrames(inputFrames, subsampling);
    }
}
