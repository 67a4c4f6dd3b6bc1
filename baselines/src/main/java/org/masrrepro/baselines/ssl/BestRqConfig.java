package org.masrrepro.baselines.ssl;

/**
 * BEST-RQ settings (Chiu et al. 2022).
 *
 * @param stackFrames     input frames stacked per target (equals the encoder's subsampling)
 * @param codebookSize    codebook entries
 * @param codebookDim     projection and codebook dimension
 * @param maskProbability probability that an input (10 ms) frame starts a masked span, as BEST-RQ states it (0.01);
 *                        spans are aligned to stacked frames, see {@link #stackedStartProbability()}
 * @param maskSpanFrames  span length in stacked frames
 * @param maskNoiseStd    std of the Gaussian noise replacing masked input frames
 * @param quantizerSeed   seed of the frozen projection and codebook
 */
public record BestRqConfig(int stackFrames, int codebookSize, int codebookDim, double maskProbability,
        int maskSpanFrames, double maskNoiseStd, long quantizerSeed) {

    /**
     * Probability that a stacked frame starts a span: {@code 1 - (1 - p)^stack}, the chance that any of its input
     * frames would. Reading p per stacked frame instead masks about 10% of a long utterance (21% of a 2 s crop, where
     * the one guaranteed span dominates) rather than BEST-RQ's ~33% (p 0.01, 400 ms spans); on the cpu FLEURS analog
     * that under-masking cost 15 points of LID accuracy (one seed).
     */
    public double stackedStartProbability() {
        return 1 - Math.pow(1 - maskProbability, stackFrames);
    }
}
