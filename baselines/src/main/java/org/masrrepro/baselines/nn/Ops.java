package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Small helpers shared by the Conformer modules. */
final class Ops {

    private Ops() {}

    /** Forwards one array, handing down {@code params} (it carries the step's random stream for dropout). */
    static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        return b.forward(ps, new NDList(x), training, params).singletonOrThrow();
    }

    static NDArray swish(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** LayerNorm over the last axis of a (B, T, D) input. */
    static LayerNorm layerNorm() {
        return LayerNorm.builder().axis(2).build();
    }

    static SeededDropout dropout(float rate) {
        return new SeededDropout(rate);
    }
}
