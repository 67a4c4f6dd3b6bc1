package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Conformer convolution module: LayerNorm, pointwise conv + GLU, depthwise conv, LayerNorm, Swish, pointwise conv,
 * dropout (no residual). LayerNorm replaces the original BatchNorm so outputs never depend on batch composition
 * (training with any batch and inference one utterance at a time see the same normalisation).
 */
final class ConvolutionModule extends AbstractBlock {

    private final LayerNorm norm;
    private final Linear pointwiseIn;
    private final Conv1d depthwise;
    private final LayerNorm convNorm;
    private final Linear pointwiseOut;
    private final SeededDropout drop;

    ConvolutionModule(ConformerConfig c) {
        int d = c.modelDim();
        norm = addChildBlock("norm", Ops.layerNorm());
        pointwiseIn = addChildBlock("pointwise_in", Linear.builder().setUnits(2L * d).build());
        depthwise = addChildBlock("depthwise", Conv1d.builder().setKernelShape(new Shape(c.convKernel()))
                .setFilters(d).optPadding(new Shape(c.convKernel() / 2)).optGroups(d).build());
        convNorm = addChildBlock("conv_norm", Ops.layerNorm());
        pointwiseOut = addChildBlock("pointwise_out", Linear.builder().setUnits(d).build());
        drop = addChildBlock("dropout", Ops.dropout(c.dropout()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Ops.apply(norm, ps, inputs.singletonOrThrow(), training, params);
        NDList halves = Ops.apply(pointwiseIn, ps, x, training, params).split(2, 2);
        x = halves.get(0).mul(Activation.sigmoid(halves.get(1)));            // GLU
        NDArray frameMask = params == null ? null : (NDArray) params.get(ConformerEncoder.FRAME_MASK);
        if (frameMask != null) { // the depthwise convolution reads zeros past the end, as it would alone
            x = x.mul(frameMask);
        }
        x = Ops.apply(depthwise, ps, x.transpose(0, 2, 1), training, params).transpose(0, 2, 1);
        x = Ops.swish(Ops.apply(convNorm, ps, x, training, params));
        return new NDList(Ops.apply(drop, ps, Ops.apply(pointwiseOut, ps, x, training, params), training, params));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType t, Shape... in) {
        Shape s = in[0]; // (B, T, D)
        norm.initialize(m, t, s);
        pointwiseIn.initialize(m, t, s);
        depthwise.initialize(m, t, new Shape(s.get(0), s.get(2), s.get(1)));
        convNorm.initialize(m, t, s);
        pointwiseOut.initialize(m, t, s);
        drop.initialize(m, t, s);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return in;
    }
}
