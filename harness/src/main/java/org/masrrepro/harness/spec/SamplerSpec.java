package org.masrrepro.harness.spec;

/** Batches of P labels x K utterances, so every anchor has a positive and a negative. */
public record SamplerSpec(
        @Doc("labels per batch (P)") int labelsPerBatch,
        @Doc("utterances per label (K)") int utterancesPerLabel) {

    public SamplerSpec {
        Check.that(labelsPerBatch >= 2, "labels_per_batch must be >= 2, found " + labelsPerBatch);
        Check.that(utterancesPerLabel >= 2, "utterances_per_label must be >= 2, found " + utterancesPerLabel);
    }
}
