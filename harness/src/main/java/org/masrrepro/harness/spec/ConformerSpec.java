package org.masrrepro.harness.spec;

import java.util.List;
import java.util.Set;

/** Conformer encoder (Gulati et al. 2020): convolutional subsampling then Conformer blocks. */
@TypeName("conformer")
public record ConformerSpec(
        @Doc("model width D") int modelDim,
        @Doc("Conformer blocks") int numLayers,
        @Doc("attention heads") int numHeads,
        @Doc("feed-forward width = ff_multiplier x D") int ffMultiplier,
        @Doc("depthwise convolution kernel (odd)") int convKernel,
        @Doc("time subsampling of the front convolution: 1, 2 or 4") int subsampling,
        @Doc("dropout rate") double dropout,
        @Opt @Doc("input normalisation: global (per-dimension statistics of the pretraining data, carried with the "
                + "encoder to every downstream corpus, as BEST-RQ's quantizer expects) or utterance (each utterance "
                + "to zero mean, unit variance per dimension); absent = global") String inputNormalization)
        implements EncoderSpec {

    public static final List<String> NORMALIZATIONS = List.of("global", "utterance");

    public ConformerSpec {
        Check.positive("model_dim", modelDim);
        Check.positive("num_layers", numLayers);
        Check.positive("num_heads", numHeads);
        Check.that(modelDim % numHeads == 0, "model_dim " + modelDim + " must be divisible by num_heads " + numHeads);
        Check.positive("ff_multiplier", ffMultiplier);
        Check.that(convKernel > 0 && convKernel % 2 == 1, "conv_kernel must be odd and > 0, found " + convKernel);
        Check.that(Set.of(1, 2, 4).contains(subsampling), "subsampling must be 1, 2 or 4, found " + subsampling);
        Check.range("dropout", dropout, 0, 0.9);
        inputNormalization = inputNormalization == null ? "global" : inputNormalization;
        Check.oneOf("input_normalization", inputNormalization, NORMALIZATIONS);
    }
}
