package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/** Small helpers shared by the Conformer modules. */
final class Ops {

    private Ops() {}

    static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    static NDArray swish(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** LayerNorm over the last axis of a (B, T, D) input. */
    static LayerNorm layerNorm() {
        return LayerNorm.builder().axis(2).build();
    }

    static Dropout dropout(float rate) {
        return Dropout.builder().optRate(rate).build();
    }
}
