package org.masrrepro.harness.spec;

/** Self-supervised pretraining on the corpus's pretrain split. */
public record PretrainSpec(
        @Doc("the self-supervised objective") SslSpec ssl,
        @Doc("steps, batch, crop, optimizer") TrainingSpec training) {}
