package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication and division by a constant that are safe under autograd. DJL 0.35's {@code x.mul(Number)} and
 * {@code x.div(Number)} (PyTorch engine) wrap the constant in a Java-memory tensor and close it at once, yet autograd
 * keeps that tensor for the backward pass; a garbage collection between forward and backward frees its memory and
 * the gradients become NaN or silently wrong. Here the constant is an engine-allocated 0-d tensor owned by the
 * array's manager (the step's sub-manager), alive until the step ends. Use these in every differentiable path.
 */
public final class ScalarOps {

    private ScalarOps() {}

    /** {@code x * s}. */
    public static NDArray mul(NDArray x, double s) {
        return x.mul(constant(x, s));
    }

    /** {@code x / s}. */
    public static NDArray div(NDArray x, double s) {
        return x.div(constant(x, s));
    }

    /** A 0-d constant of {@code x}'s type and device, attached to {@code x}'s manager. */
    public static NDArray constant(NDArray x, double s) {
        return x.getManager().full(new Shape(), (float) s, x.getDataType()).toDevice(x.getDevice(), false);
    }
}
