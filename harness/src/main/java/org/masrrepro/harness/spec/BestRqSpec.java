package org.masrrepro.harness.spec;

/** BEST-RQ (Chiu et al. 2022): masked prediction of random-projection quantizer targets. */
@TypeName("best-rq")
public record BestRqSpec(
        @Doc("input frames stacked per target (matches the encoder subsampling)") int stackFrames,
        @Doc("codebook entries") int codebookSize,
        @Doc("codebook / projection dimension") int codebookDim,
        @Doc("probability that an input (10 ms) frame starts a masked span (BEST-RQ: 0.01); spans align to stacked frames") double maskProbability,
        @Doc("masked span length in stacked frames") int maskSpanFrames,
        @Doc("std of the Gaussian noise that replaces masked input frames") double maskNoiseStd) implements SslSpec {

    public BestRqSpec {
        Check.positive("stack_frames", stackFrames);
        Check.that(codebookSize >= 2, "codebook_size must be >= 2, found " + codebookSize);
        Check.positive("codebook_dim", codebookDim);
        Check.range("mask_probability", maskProbability, 1e-6, 1);
        Check.positive("mask_span_frames", maskSpanFrames);
        Check.range("mask_noise_std", maskNoiseStd, 0, 10);
    }
}
