package org.masrrepro.baselines.ssl;

/**
 * w2v-BERT settings (Chung et al. 2021): the lower {@code contrastiveLayers} Conformer blocks form the contrastive
 * module (wav2vec 2.0 loss against a Gumbel-softmax quantizer), the remaining blocks the masked-prediction module
 * (cross-entropy on the quantizer's code ids).
 *
 * @param contrastiveLayers       Conformer blocks of the contrastive module; the rest of the encoder is the MLM module
 * @param codebookSize            codes per codebook group (w2v-BERT: one codebook of 1024)
 * @param codebookGroups          codebook groups G (w2v-BERT: 1; wav2vec 2.0: 2 x 320); a code id is per group
 * @param codebookDim             dimension of a quantized vector (all groups concatenated) and of the contrastive space
 * @param maskProbability         probability that a (subsampled) frame starts a masked span (wav2vec 2.0: p = 0.065,
 *                                which is fairseq's {@code mask_prob 0.65} divided by the span)
 * @param maskSpanFrames          masked span length in subsampled frames (wav2vec 2.0 / w2v-BERT: 10)
 * @param numDistractors          distractors per masked frame, sampled from the other masked frames of the same
 *                                utterance (wav2vec 2.0: 100)
 * @param contrastiveTemperature  temperature of the cosine similarities (wav2vec 2.0: 0.1)
 * @param diversityWeight         weight of the codebook diversity loss inside the contrastive loss (wav2vec 2.0: 0.1)
 * @param contrastiveWeight       weight of the contrastive loss (w2v-BERT: 1)
 * @param mlmWeight               weight of the masked-prediction loss (w2v-BERT: 1)
 * @param maxGumbelTemperature    Gumbel-softmax temperature at step 0 (wav2vec 2.0: 2)
 * @param minGumbelTemperature    its floor (wav2vec 2.0: 0.5)
 * @param gumbelTemperatureDecay  factor per step, {@code tau = max(max * decay^step, min)} (wav2vec 2.0: 0.999995)
 * @param quantizerInputGradient  share of the quantizer's gradient passed into the encoder front end that feeds it
 *                                (1 = joint training, as published; 0 = stop-gradient: the front end then learns
 *                                only through the masked path, which keeps a small model from collapsing the codes)
 */
public record W2vBertConfig(int contrastiveLayers, int codebookSize, int codebookGroups, int codebookDim,
        double maskProbability, int maskSpanFrames, int numDistractors, double contrastiveTemperature,
        double diversityWeight, double contrastiveWeight, double mlmWeight, double maxGumbelTemperature,
        double minGumbelTemperature, double gumbelTemperatureDecay, double quantizerInputGradient) {

    public W2vBertConfig {
        require(contrastiveLayers >= 1, "contrastiveLayers must be >= 1, found " + contrastiveLayers);
        require(codebookSize >= 2, "codebookSize must be >= 2, found " + codebookSize);
        require(codebookGroups >= 1, "codebookGroups must be >= 1, found " + codebookGroups);
        require(codebookDim >= codebookGroups && codebookDim % codebookGroups == 0,
                "codebookDim " + codebookDim + " must be a positive multiple of codebookGroups " + codebookGroups);
        require(maskProbability > 0 && maskProbability <= 1, "maskProbability must be in (0, 1], found " + maskProbability);
        require(maskSpanFrames >= 1, "maskSpanFrames must be >= 1, found " + maskSpanFrames);
        require(numDistractors >= 1, "numDistractors must be >= 1, found " + numDistractors);
        require(contrastiveTemperature > 0, "contrastiveTemperature must be > 0, found " + contrastiveTemperature);
        require(diversityWeight >= 0 && contrastiveWeight >= 0 && mlmWeight >= 0, "loss weights must be >= 0");
        require(minGumbelTemperature > 0 && maxGumbelTemperature >= minGumbelTemperature,
                "Gumbel temperatures need 0 < min <= max, found min " + minGumbelTemperature + ", max " + maxGumbelTemperature);
        require(gumbelTemperatureDecay > 0 && gumbelTemperatureDecay <= 1,
                "gumbelTemperatureDecay must be in (0, 1], found " + gumbelTemperatureDecay);
        require(quantizerInputGradient >= 0 && quantizerInputGradient <= 1,
                "quantizerInputGradient must be in [0, 1], found " + quantizerInputGradient);
    }

    /**
     * The paper-scale defaults for a 24-block encoder: 8 contrastive + 16 MLM blocks, one codebook of 1024 codes
     * (w2v-BERT), mask start probability 0.065 with spans of 10, 100 distractors, contrastive temperature 0.1,
     * diversity weight 0.1, loss weights 1:1, Gumbel temperature 2 to 0.5 with decay 0.999995 (wav2vec 2.0).
     * The 768-dim quantized vectors are wav2vec 2.0 LARGE's; w2v-BERT does not state its own.
     */
    public static W2vBertConfig paper() {
        return new W2vBertConfig(8, 1024, 1, 768, 0.065, 10, 100, 0.1, 0.1, 1.0, 1.0, 2.0, 0.5, 0.999995, 1.0);
    }

    /** Gumbel-softmax temperature at a training step. */
    public double gumbelTemperature(long step) {
        return Math.max(maxGumbelTemperature * Math.pow(gumbelTemperatureDecay, step), minGumbelTemperature);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("w2v-BERT config: " + message);
        }
    }
}
