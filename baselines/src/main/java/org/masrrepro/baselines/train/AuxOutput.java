package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDArray;

import java.util.Map;

/** An auxiliary objective's weighted loss and its logged metrics. */
public record AuxOutput(NDArray loss, Map<String, Float> metrics) {}
