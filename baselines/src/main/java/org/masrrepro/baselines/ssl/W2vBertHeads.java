package org.masrrepro.baselines.ssl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * w2v-BERT's own parameters: the Gumbel-softmax quantizer (code logits, one code-vector table per group, output
 * projection), the contrastive projection of context vectors, the masked-prediction softmax head and the learned
 * vector that replaces masked frames. {@link W2vBert} calls the children; this block only groups them.
 */
final class W2vBertHeads extends AbstractBlock {

    final Linear codeLogits;
    final List<Linear> codeVectors = new ArrayList<>();
    final Linear projectQuantized;
    final Linear projectContext;
    final Linear mlmHead;
    final Parameter maskEmbedding;
    private final W2vBertConfig config;

    W2vBertHeads(W2vBertConfig c) {
        this.config = c;
        int groups = c.codebookGroups();
        codeLogits = addChildBlock("code_logits", Linear.builder().setUnits((long) groups * c.codebookSize()).build());
        // fairseq's GumbelVectorQuantizer: weight ~ N(0, 1), bias 0. On unit-variance inputs the logits then have a
        // standard deviation of about sqrt(D), so each frame's code is a near-deterministic function of the frame
        // and Gumbel noise only breaks near-ties. With the default Xavier init the logits start nearly flat, the
        // diversity loss keeps them flat, the codes are noise and neither loss can be learned (measured, cpu scale).
        codeLogits.setInitializer(new NormalInitializer(1f), Parameter.Type.WEIGHT);
        codeLogits.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
        for (int g = 0; g < groups; g++) {
            // A bias-free linear map of a one-hot code is a table lookup: its weight column k is code vector k.
            codeVectors.add(addChildBlock("code_vectors" + g,
                    Linear.builder().setUnits(c.codebookDim() / groups).optBias(false).build()));
        }
        projectQuantized = addChildBlock("project_quantized", Linear.builder().setUnits(c.codebookDim()).build());
        projectContext = addChildBlock("project_context", Linear.builder().setUnits(c.codebookDim()).build());
        mlmHead = addChildBlock("mlm_head", Linear.builder().setUnits((long) groups * c.codebookSize()).build());
        // wav2vec 2.0 draws its mask embedding uniformly; DJL's uniform initializer is U(-s, s).
        maskEmbedding = addParameter(Parameter.builder().setName("mask_embedding").setType(Parameter.Type.WEIGHT)
                .optInitializer(new UniformInitializer(0.5f)).build());
    }

    /** Initializes for encoder frames of shape (B, T', D). */
    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... in) {
        Shape frames = in[0];
        long b = frames.get(0);
        long t = frames.get(1);
        codeLogits.initialize(m, type, frames);
        for (Linear v : codeVectors) {
            v.initialize(m, type, new Shape(b, t, config.codebookSize()));
        }
        projectQuantized.initialize(m, type, new Shape(b, t, config.codebookDim()));
        projectContext.initialize(m, type, frames);
        mlmHead.initialize(m, type, frames);
    }

    @Override
    protected void prepare(Shape[] in) {
        maskEmbedding.setShape(new Shape(in[0].get(2)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("W2vBertHeads only groups w2v-BERT's parameters; W2vBert calls its children");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException();
    }
}
