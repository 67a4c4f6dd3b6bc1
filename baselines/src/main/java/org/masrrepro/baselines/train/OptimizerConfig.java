package org.masrrepro.baselines.train;

import java.util.List;

/**
 * AdamW with linear warm-up then a schedule, and global-norm gradient clipping.
 *
 * @param peakLearningRate learning rate at the end of warm-up
 * @param warmupSteps      linear warm-up from 0
 * @param schedule         after warm-up: constant, linear_decay (to 0 at the last step), cosine (to 0), inverse_sqrt
 * @param weightDecay      decoupled weight decay (not applied to biases and normalisation parameters)
 * @param beta1            Adam beta1
 * @param beta2            Adam beta2
 * @param epsilon          Adam epsilon
 * @param clipGradNorm     clip the global L2 norm of all gradients to this; 0 = off
 */
public record OptimizerConfig(double peakLearningRate, int warmupSteps, String schedule, double weightDecay,
        double beta1, double beta2, double epsilon, double clipGradNorm) {

    public static final List<String> SCHEDULES = List.of("constant", "linear_decay", "cosine", "inverse_sqrt");

    public OptimizerConfig {
        if (!SCHEDULES.contains(schedule)) {
            throw new IllegalArgumentException("schedule must be one of " + SCHEDULES + ", found " + schedule);
        }
    }

    /** Learning rate of (0-based) step {@code step} of {@code totalSteps}. */
    public double learningRate(long step, long totalSteps) {
        if (warmupSteps > 0 && step < warmupSteps) {
            return peakLearningRate * (step + 1) / warmupSteps;
        }
        double after = step - warmupSteps;
        double span = Math.max(1, totalSteps - warmupSteps);
        return switch (schedule) {
            case "linear_decay" -> peakLearningRate * Math.max(0, 1 - after / span);
            case "cosine" -> peakLearningRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, after / span)));
            case "inverse_sqrt" -> peakLearningRate * Math.sqrt(Math.max(1, warmupSteps) / (double) Math.max(1, step));
            default -> peakLearningRate;
        };
    }
}
