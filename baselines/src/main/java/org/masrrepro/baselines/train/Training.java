package org.masrrepro.baselines.train;

import ai.djl.Device;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;

/** Public entry to the shared training loop for tasks defined in other packages (LID, later ASR and MASR). */
public final class Training {

    private Training() {}

    /** Runs (or resumes) {@code task}; see {@link Pretrainer} for the meaning of each setting. */
    public static TrainResult run(String phase, TrainTask task, FeatureSet data, BatchSampler sampler, int batchSize,
            int cropFrames, int totalSteps, OptimizerConfig optimizer, long seed, Path workDir, int checkpointEvery,
            int logEvery, Device device, ProgressListener progress, Integer stopAfterSteps, Path initEncoderFrom)
            throws IOException {
        return new TrainLoop(new TrainLoop.Settings(phase, task, data, sampler, batchSize, cropFrames, totalSteps,
                optimizer, seed, workDir, checkpointEvery, logEvery, device, progress, stopAfterSteps,
                initEncoderFrom)).run();
    }
}
