package org.masrrepro.baselines.train;

import ai.djl.Device;
import org.masrrepro.datasets.util.ProgressListener;

import java.nio.file.Path;

/** The settings every trainer shares (length, batches, optimizer, seed, checkpoints, device, progress). */
public abstract class TrainingBuilder<B extends TrainingBuilder<B>> {

    int batchSize;
    int cropFrames;
    int totalSteps = -1; // unset; 0 is a valid choice
    OptimizerConfig optimizer;
    long seed;
    Path workDir;
    int checkpointEvery = 1000;
    int logEvery = 50;
    Device device;
    ProgressListener progress = ProgressListener.NONE;
    Integer stopAfterSteps;

    protected abstract B self();

    public B setBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return self();
    }

    /** Fixed-length random crop per item per step, in input frames. */
    public B setCropFrames(int cropFrames) {
        this.cropFrames = cropFrames;
        return self();
    }

    public B setTotalSteps(int totalSteps) {
        this.totalSteps = totalSteps;
        return self();
    }

    public B setOptimizer(OptimizerConfig optimizer) {
        this.optimizer = optimizer;
        return self();
    }

    public B setSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Directory of checkpoints and metrics.csv; a run resumes from the newest checkpoint found there. */
    public B setWorkDir(Path workDir) {
        this.workDir = workDir;
        return self();
    }

    public B optCheckpointEvery(int checkpointEvery) {
        this.checkpointEvery = checkpointEvery;
        return self();
    }

    public B optLogEvery(int logEvery) {
        this.logEvery = logEvery;
        return self();
    }

    /** Device; by default DJL's (a GPU when present). */
    public B optDevice(Device device) {
        this.device = device;
        return self();
    }

    public B optProgress(ProgressListener progress) {
        this.progress = progress;
        return self();
    }

    /** Stop this process after that many steps, leaving a checkpoint (to test resume). */
    public B optStopAfterSteps(int steps) {
        this.stopAfterSteps = steps;
        return self();
    }

    /** Throws when a shared required setting is missing; {@code what} names the trainer's own requirements. */
    protected void validate(boolean ownSettingsPresent, String what) {
        // 0 steps is allowed: the result is the seeded initialisation (a "no pretraining" reference).
        if (!ownSettingsPresent || optimizer == null || workDir == null || batchSize <= 0 || cropFrames <= 0
                || totalSteps < 0) {
            throw new IllegalStateException(what + ", optimizer, workDir, batch size, crop and steps (>= 0) are required");
        }
    }
}
