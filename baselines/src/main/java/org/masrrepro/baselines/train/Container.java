package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Groups already-initialized blocks under stable names so their parameters save and load as one model. */
public final class Container extends AbstractBlock {

    public Container() {}

    /** Adds a named child (call before saving or loading). */
    public <B extends Block> B add(String name, B block) {
        return addChildBlock(name, block);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("a Container only groups parameters; call its children");
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        throw new UnsupportedOperationException("initialize the children directly");
    }

    @Override
    protected void saveMetadata(java.io.DataOutputStream os) {
        // A container has no input shapes of its own: its children carry theirs.
    }

    @Override
    protected void loadMetadata(byte loadVersion, java.io.DataInputStream is) {
        // Nothing saved by saveMetadata.
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException();
    }
}
