package org.masrrepro.baselines.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerEncoder;

import java.util.SplittableRandom;

/** A self-supervised objective L_SSL on top of an encoder (BEST-RQ today; w2v-BERT and others plug in here). */
public interface SslObjective {

    String name();

    /** Its own trainable parameters (e.g. BEST-RQ's softmax head). */
    Block trainableBlock();

    /** Initializes its blocks and frozen state for feature batches of {@code featureShape} (B, T, F). */
    void initialize(NDManager manager, DataType type, Shape featureShape, int modelDim);

    /**
     * Called by the training loop before each step's forward pass (also before a recomputed step), for objectives
     * with a schedule over steps (w2v-BERT's Gumbel temperature). Default: nothing.
     */
    default void beginStep(long step) {}

    /** Masks, encodes and scores a batch; {@code random} drives every random choice of this step. */
    SslOutput forward(ParameterStore ps, ConformerEncoder encoder, NDArray features, SplittableRandom random,
            boolean training);
}
