package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Conformer feed-forward module: LayerNorm, Linear(D, mD), Swish, dropout, Linear(mD, D), dropout (no residual). */
final class FeedForwardModule extends AbstractBlock {

    private final LayerNorm norm;
    private final Linear up;
    private final Linear down;
    private final SeededDropout drop;

    FeedForwardModule(ConformerConfig c) {
        norm = addChildBlock("norm", Ops.layerNorm());
        up = addChildBlock("up", Linear.builder().setUnits((long) c.modelDim() * c.ffMultiplier()).build());
        down = addChildBlock("down", Linear.builder().setUnits(c.modelDim()).build());
        drop = addChildBlock("dropout", Ops.dropout(c.dropout()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Ops.apply(norm, ps, inputs.singletonOrThrow(), training, params);
        x = Ops.swish(Ops.apply(up, ps, x, training, params));
        x = Ops.apply(drop, ps, x, training, params);
        x = Ops.apply(down, ps, x, training, params);
        return new NDList(Ops.apply(drop, ps, x, training, params));
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager m, DataType t, Shape... in) {
        norm.initialize(m, t, in);
        up.initialize(m, t, in);
        down.initialize(m, t, up.getOutputShapes(in));
        drop.initialize(m, t, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return in;
    }
}
