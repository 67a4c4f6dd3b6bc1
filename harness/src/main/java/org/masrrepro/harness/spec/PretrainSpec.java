package org.masrrepro.harness.spec;

import java.util.List;

/** Self-supervised pretraining on the corpus's pretrain split, optionally with auxiliary metadata objectives. */
public record PretrainSpec(
        @Doc("the self-supervised objective") SslSpec ssl,
        @Doc("steps, batch, crop, optimizer") TrainingSpec training,
        @Opt @Doc("auxiliary objectives (LASR, MASR streams); empty = SSL only") List<AuxSpec> aux,
        @Opt @Doc("continue another spec's pretraining instead of starting from scratch") InitFromSpec initFrom,
        @Opt @Doc("P x K batches (needed by triplet objectives); absent = uniform batches") SamplerSpec sampler) {

    public PretrainSpec {
        aux = aux == null ? List.of() : List.copyOf(aux);
        Check.that(aux.isEmpty() || sampler != null,
                "aux objectives need a sampler (P x K batches) so anchors have positives");
        Check.that(sampler == null || sampler.labelsPerBatch() * sampler.utterancesPerLabel() == training.batchSize(),
                "sampler P x K = " + (sampler == null ? 0 : sampler.labelsPerBatch() * sampler.utterancesPerLabel())
                        + " must equal training.batch_size " + training.batchSize());
    }
}
