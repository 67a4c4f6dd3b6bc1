package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * An extra utterance-level loss added to the SSL loss (LASR and MASR implement it): {@code L = L_SSL + sum_j L_j},
 * each {@code L_j} already weighted by its lambda.
 */
public interface AuxiliaryObjective {

    String name();

    /** Its trainable parameters (e.g. MASR's projection), or an empty block. */
    Block trainableBlock();

    void initialize(NDManager manager, DataType type, int embeddingDim);

    /**
     * @param pooled     mean-pooled encoder frames h, (B, D)
     * @param batchItems indices of the batch's utterances in the training set (to look up their labels)
     */
    AuxOutput loss(ParameterStore ps, NDArray pooled, int[] batchItems, boolean training);
}
