package org.masrrepro.baselines.ssl;

/**
 * BEST-RQ settings (Chiu et al. 2022).
 *
 * @param stackFrames     input frames stacked per target (equals the encoder's subsampling)
 * @param codebookSize    codebook entries
 * @param codebookDim     projection and codebook dimension
 * @param maskProbability probability that a stacked frame starts a masked span
 * @param maskSpanFrames  span length in stacked frames
 * @param maskNoiseStd    std of the Gaussian noise replacing masked input frames
 * @param quantizerSeed   seed of the frozen projection and codebook
 */
public record BestRqConfig(int stackFrames, int codebookSize, int codebookDim, double maskProbability,
        int maskSpanFrames, double maskNoiseStd, long quantizerSeed) {}
