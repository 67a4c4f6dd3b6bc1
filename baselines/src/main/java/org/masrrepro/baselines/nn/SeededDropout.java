package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.SplittableRandom;

/**
 * Inverted dropout whose mask is drawn from the step's Java random stream (passed as the forward parameter
 * {@link ConformerEncoder#RANDOM}), never from the engine's global RNG: masks are then the same on any device and
 * thread count, and a resumed or recomputed step draws exactly the masks of an uninterrupted run.
 */
public final class SeededDropout extends AbstractBlock {

    /** Keep-probability resolution: a mask bit compares a 16-bit uniform with the rate (two bits per nextInt). */
    private static final int LEVELS = 1 << 16;

    private final float rate;
    private final int threshold;

    public SeededDropout(float rate) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), found " + rate);
        }
        this.rate = rate;
        this.threshold = Math.round(rate * LEVELS);
    }

    public float rate() {
        return rate;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training || threshold == 0) {
            return new NDList(x);
        }
        Object r = params == null ? null : params.get(ConformerEncoder.RANDOM);
        if (!(r instanceof SplittableRandom random)) {
            throw new IllegalStateException("dropout " + rate + " in training needs the step's random stream: call "
                    + "ConformerEncoder.encode(ps, x, training, random) or pass ConformerEncoder.randomParams(random)");
        }
        return new NDList(x.mul(mask(x.getManager(), x.getShape(), random).toDevice(x.getDevice(), false)));
    }

    /** A {@code shape} mask of 0 and 1/(1-rate). */
    NDArray mask(NDManager manager, Shape shape, SplittableRandom random) {
        int n = Math.toIntExact(shape.size());
        float[] m = new float[n];
        float keep = 1f / (1f - (float) threshold / LEVELS);
        for (int i = 0; i < n; i += 2) {
            int bits = random.nextInt();
            m[i] = (bits & 0xffff) >= threshold ? keep : 0f;
            if (i + 1 < n) {
                m[i + 1] = (bits >>> 16) >= threshold ? keep : 0f;
            }
        }
        // Not closed here: autograd keeps the mask for backward; the step's sub-manager frees it (see ScalarOps).
        return manager.create(m, shape);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // No parameters.
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
