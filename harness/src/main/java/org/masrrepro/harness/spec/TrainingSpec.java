package org.masrrepro.harness.spec;

/** How long and on what a model trains. */
public record TrainingSpec(
        @Doc("optimizer steps; 0 in pretraining = no pretraining (the randomly initialised encoder)") int steps,
        @Doc("utterances per batch") int batchSize,
        @Doc("fixed-length random crop per utterance, in input frames (10 ms)") int cropFrames,
        @Doc("checkpoint every N steps (exact resume)") int checkpointEvery,
        @Doc("log loss every N steps") int logEvery,
        OptimizerSpec optimizer) {

    public TrainingSpec {
        Check.nonNegative("steps", steps); // downstream tasks require > 0 themselves
        Check.positive("batch_size", batchSize);
        Check.positive("crop_frames", cropFrames);
        Check.positive("checkpoint_every", checkpointEvery);
        Check.positive("log_every", logEvery);
    }
}
