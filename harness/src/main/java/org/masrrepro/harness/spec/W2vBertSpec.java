package org.masrrepro.harness.spec;

/**
 * w2v-BERT (Chung et al. 2021): lower Conformer blocks trained with a wav2vec 2.0 contrastive loss against a
 * Gumbel-softmax quantizer, upper blocks with masked prediction of the quantizer's code ids.
 */
@TypeName("w2v_bert")
public record W2vBertSpec(
        @Doc("Conformer blocks of the contrastive module; the encoder's remaining blocks form the masked-prediction module") int contrastiveLayers,
        @Doc("codes per codebook group") int codebookSize,
        @Doc("codebook groups (w2v-BERT: 1; wav2vec 2.0: 2)") int codebookGroups,
        @Doc("dimension of the quantized vectors and of the contrastive space") int codebookDim,
        @Doc("probability that a subsampled frame starts a masked span") double maskProbability,
        @Doc("masked span length in subsampled frames") int maskSpanFrames,
        @Doc("distractors per masked frame, from the same utterance's masked frames") int numDistractors,
        @Doc("temperature of the contrastive cosine similarities") double contrastiveTemperature,
        @Doc("weight of the codebook diversity loss within the contrastive loss") double diversityWeight,
        @Doc("weight of the contrastive loss") double contrastiveWeight,
        @Doc("weight of the masked-prediction loss") double mlmWeight,
        @Doc("Gumbel-softmax temperature at step 0") double maxGumbelTemperature,
        @Doc("floor of the Gumbel-softmax temperature") double minGumbelTemperature,
        @Doc("per-step decay of the Gumbel-softmax temperature") double gumbelTemperatureDecay,
        @Opt @Doc("share of the quantizer's gradient passed back into the encoder front end: 1 = joint training as "
                + "published, 0 = the front end learns through the masked path only (absent = 1)") Double quantizerInputGradient)
        implements SslSpec {

    public W2vBertSpec {
        Check.positive("contrastive_layers", contrastiveLayers);
        Check.that(codebookSize >= 2, "codebook_size must be >= 2, found " + codebookSize);
        Check.positive("codebook_groups", codebookGroups);
        Check.that(codebookDim > 0 && codebookDim % codebookGroups == 0,
                "codebook_dim " + codebookDim + " must be a positive multiple of codebook_groups " + codebookGroups);
        Check.range("mask_probability", maskProbability, 1e-6, 1);
        Check.positive("mask_span_frames", maskSpanFrames);
        Check.positive("num_distractors", numDistractors);
        Check.range("contrastive_temperature", contrastiveTemperature, 1e-6, 100);
        Check.range("diversity_weight", diversityWeight, 0, 100);
        Check.range("contrastive_weight", contrastiveWeight, 0, 100);
        Check.range("mlm_weight", mlmWeight, 0, 100);
        Check.range("min_gumbel_temperature", minGumbelTemperature, 1e-6, 100);
        Check.range("max_gumbel_temperature", maxGumbelTemperature, minGumbelTemperature, 100);
        Check.range("gumbel_temperature_decay", gumbelTemperatureDecay, 1e-6, 1);
        if (quantizerInputGradient != null) {
            Check.range("quantizer_input_gradient", quantizerInputGradient, 0, 1);
        }
    }
}
