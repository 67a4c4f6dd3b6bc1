package org.masrrepro.harness.spec;

import java.util.List;

/** AdamW with warm-up and a decay schedule; gradient clipping by global L2 norm. */
public record OptimizerSpec(
        @Doc("learning rate reached at the end of warm-up") double peakLearningRate,
        @Doc("linear warm-up steps") int warmupSteps,
        @Doc("after warm-up: constant, linear_decay, cosine or inverse_sqrt") String schedule,
        @Doc("decoupled weight decay") double weightDecay,
        @Doc("Adam beta1") double beta1,
        @Doc("Adam beta2") double beta2,
        @Doc("Adam epsilon") double epsilon,
        @Doc("clip gradients to this global L2 norm; 0 = off") double clipGradNorm) {

    public static final List<String> SCHEDULES = List.of("constant", "linear_decay", "cosine", "inverse_sqrt");

    public OptimizerSpec {
        Check.positive("peak_learning_rate", peakLearningRate);
        Check.nonNegative("warmup_steps", warmupSteps);
        Check.oneOf("schedule", schedule, SCHEDULES);
        Check.range("weight_decay", weightDecay, 0, 1);
        Check.range("beta1", beta1, 0, 0.999999);
        Check.range("beta2", beta2, 0, 0.999999);
        Check.positive("epsilon", epsilon);
        Check.range("clip_grad_norm", clipGradNorm, 0, 1e6);
    }
}
