package org.masrrepro.baselines.train;

import java.nio.file.Path;

/**
 * What a training run did.
 *
 * @param stepsDone       optimizer steps completed in all (across resumes)
 * @param finished        whether all steps are done (false after a requested stop)
 * @param finalLoss       loss of the last step
 * @param stepsPerSecond  speed in this process
 * @param finalCheckpoint the final checkpoint directory, when finished
 * @param metricsCsv      per-step log
 * @param recomputedSteps steps recomputed in this process after a non-finite loss or gradient
 */
public record TrainResult(int stepsDone, boolean finished, double finalLoss, double stepsPerSecond,
        Path finalCheckpoint, Path metricsCsv, int recomputedSteps) {}
