package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** One Conformer block (Gulati et al. 2020): x + FFN/2, + MHSA, + Conv, + FFN/2, then LayerNorm. */
final class ConformerBlock extends AbstractBlock {

    private final FeedForwardModule ff1;
    private final SelfAttentionModule attention;
    private final ConvolutionModule conv;
    private final FeedForwardModule ff2;
    private final LayerNorm norm;

    ConformerBlock(ConformerConfig c) {
        ff1 = addChildBlock("ff1", new FeedForwardModule(c));
        attention = addChildBlock("attention", new SelfAttentionModule(c));
        conv = addChildBlock("conv", new ConvolutionModule(c));
        ff2 = addChildBlock("ff2", new FeedForwardModule(c));
        norm = addChildBlock("norm", Ops.layerNorm());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = x.add(ScalarOps.mul(Ops.apply(ff1, ps, x, training, params), 0.5));
        x = x.add(Ops.apply(attention, ps, x, training, params));
        x = x.add(Ops.apply(conv, ps, x, training, params));
        x = x.add(ScalarOps.mul(Ops.apply(ff2, ps, x, training, params), 0.5));
        return new NDList(Ops.apply(norm, ps, x, training, params));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        for (var child : getChildren().values()) {
            child.initialize(m, t, in);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return in;
    }
}
