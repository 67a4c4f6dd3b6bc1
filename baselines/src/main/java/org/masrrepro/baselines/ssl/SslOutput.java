package org.masrrepro.baselines.ssl;

import ai.djl.ndarray.NDArray;

import java.util.Map;

/**
 * Result of an SSL forward pass.
 *
 * @param loss    the SSL loss (scalar)
 * @param frames  encoder output (B, T', D) of the same pass, pooled by auxiliary objectives such as MASR
 * @param metrics logged values (e.g. masked-prediction accuracy)
 */
public record SslOutput(NDArray loss, NDArray frames, Map<String, Float> metrics) {}
