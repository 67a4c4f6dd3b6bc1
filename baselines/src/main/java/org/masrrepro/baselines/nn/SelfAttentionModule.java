package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Conformer attention module: LayerNorm, multi-head scaled dot-product self-attention (padded keys masked when the
 * encoder was given lengths), dropout (no residual).
 */
final class SelfAttentionModule extends AbstractBlock {

    private final int heads;
    private final int dim;
    private final LayerNorm norm;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear out;
    private final SeededDropout drop;

    SelfAttentionModule(ConformerConfig c) {
        heads = c.numHeads();
        dim = c.modelDim();
        norm = addChildBlock("norm", Ops.layerNorm());
        query = addChildBlock("query", Linear.builder().setUnits(dim).build());
        key = addChildBlock("key", Linear.builder().setUnits(dim).build());
        value = addChildBlock("value", Linear.builder().setUnits(dim).build());
        out = addChildBlock("out", Linear.builder().setUnits(dim).build());
        drop = addChildBlock("dropout", Ops.dropout(c.dropout()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Ops.apply(norm, ps, inputs.singletonOrThrow(), training, params);
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int dh = dim / heads;
        NDArray q = split(Ops.apply(query, ps, x, training, params), b, t, dh);
        NDArray k = split(Ops.apply(key, ps, x, training, params), b, t, dh);
        NDArray v = split(Ops.apply(value, ps, x, training, params), b, t, dh);
        NDArray scores = ScalarOps.div(q.matMul(k.transpose(0, 1, 3, 2)), Math.sqrt(dh));
        NDArray keyBias = params == null ? null : (NDArray) params.get(ConformerEncoder.KEY_BIAS);
        if (keyBias != null) { // padded frames are no keys
            scores = scores.add(keyBias);
        }
        NDArray attn = Ops.apply(drop, ps, scores.softmax(-1), training, params);
        NDArray ctx = attn.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, dim);
        return new NDList(Ops.apply(drop, ps, Ops.apply(out, ps, ctx, training, params), training, params));
    }

    /** (B, T, D) to (B, H, T, D/H). */
    private NDArray split(NDArray x, long b, long t, int dh) {
        return x.reshape(b, t, heads, dh).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... in) {
        for (var child : getChildren().values()) {
            child.initialize(m, type, in);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return in;
    }
}
