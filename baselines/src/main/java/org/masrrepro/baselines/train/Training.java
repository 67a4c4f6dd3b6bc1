package org.masrrepro.baselines.train;

import org.masrrepro.datasets.features.FeatureSet;

import java.io.IOException;
import java.nio.file.Path;

/** Public entry to the shared training loop for trainers in other packages (LID, later ASR). */
public final class Training {

    private Training() {}

    /** Runs (or resumes) {@code task} with the shared settings of {@code b}. */
    public static TrainResult run(String phase, TrainTask task, FeatureSet data, BatchSampler sampler,
            Path initEncoderFrom, TrainingBuilder<?> b) throws IOException {
        return new TrainLoop(new TrainLoop.Settings(phase, task, data, sampler, b.batchSize, b.cropFrames,
                b.totalSteps, b.optimizer, b.seed, b.workDir, b.checkpointEvery, b.logEvery, b.device, b.progress,
                b.stopAfterSteps, initEncoderFrom, "pretrain".equals(phase))).run(); // only pretraining is continued from
    }
}
