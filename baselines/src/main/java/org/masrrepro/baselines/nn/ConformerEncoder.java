package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Conformer encoder f: features (B, T, F) to frames (B, T', D). Front end: {@code log2(subsampling)} stride-2 3x3
 * Conv2d + ReLU layers with C = min(D, 256) channels, a linear map to D, and sinusoidal absolute positions; then
 * {@code numLayers} Conformer blocks. Batches of unequal utterances (ASR) pass their valid input lengths
 * ({@link #encode(ParameterStore, NDArray, int[], boolean, SplittableRandom)}): padded frames are then zeroed after
 * each subsampling convolution and before each depthwise convolution, and hidden from attention as keys, so a valid
 * frame's output equals that of the utterance encoded alone. Fixed-length crops (pretraining, LID) need no lengths.
 *
 * <p>Positions are absolute sinusoids added once after the front end (not Transformer-XL relative attention as in
 * Gulati et al.): simpler, and with fixed-length crops the model sees the same position range in training and
 * (chunk-free) inference. Dropout masks come from a Java random stream handed down in the forward parameters
 * under {@link #RANDOM} (see {@link #encode}); with dropout 0 none is needed.
 */
public final class ConformerEncoder extends AbstractBlock {

    /** Forward-parameter key of the step's {@link SplittableRandom} that draws dropout masks. */
    public static final String RANDOM = "random";

    /** Forward-parameter key of the valid input frames per batch row ({@code int[]}); absent = no padding. */
    public static final String VALID_FRAMES = "valid_frames";

    /** Internal forward-parameter keys: (B, T', 1) 1/0 frame mask and (B, 1, 1, T') 0/-1e9 attention key bias. */
    static final String FRAME_MASK = "frame_mask";
    static final String KEY_BIAS = "key_bias";

    private static final int MAX_CHANNELS = 256;

    private final ConformerConfig config;
    private final List<Conv2d> convs = new ArrayList<>();
    private final Linear project;
    private final SeededDropout drop;
    private final List<ConformerBlock> blocks = new ArrayList<>();
    private final int channels;

    public ConformerEncoder(ConformerConfig config) {
        this.config = config;
        this.channels = Math.min(config.modelDim(), MAX_CHANNELS);
        int n = Integer.numberOfTrailingZeros(config.subsampling());
        for (int i = 0; i < n; i++) {
            convs.add(addChildBlock("subsample" + i, Conv2d.builder().setKernelShape(new Shape(3, 3))
                    .setFilters(channels).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1)).build()));
        }
        project = addChildBlock("project", Linear.builder().setUnits(config.modelDim()).build());
        drop = addChildBlock("dropout", Ops.dropout(config.dropout()));
        for (int i = 0; i < config.numLayers(); i++) {
            blocks.add(addChildBlock("block" + i, new ConformerBlock(config)));
        }
    }

    public ConformerConfig config() {
        return config;
    }

    /** Encoder frames for {@code inputFrames} input frames (each stride-2 convolution with padding 1 halves, rounding up). */
    public static int outputFrames(int inputFrames, int subsampling) {
        int t = inputFrames;
        for (int s = subsampling; s > 1; s /= 2) {
            t = (t + 1) / 2;
        }
        return t;
    }

    /** Forward parameters carrying {@code random} (may be null when not training or dropout is 0). */
    public static PairList<String, Object> randomParams(SplittableRandom random) {
        PairList<String, Object> p = new PairList<>();
        if (random != null) {
            p.add(RANDOM, random);
        }
        return p;
    }

    /**
     * Frames (B, T', D) of features (B, T, F); dropout masks (training only) are drawn from {@code random}, in a
     * fixed order, so the same stream gives the same output.
     */
    public NDArray encode(ParameterStore ps, NDArray features, boolean training, SplittableRandom random) {
        return forward(ps, new NDList(features), training, randomParams(random)).singletonOrThrow();
    }

    /**
     * Frames (B, T', D) of zero-padded features (B, T, F) whose row {@code i} has {@code validFrames[i]} real frames;
     * output frames past {@link #outputFrames} of that length are padding (their values are unspecified).
     */
    public NDArray encode(ParameterStore ps, NDArray features, int[] validFrames, boolean training,
            SplittableRandom random) {
        PairList<String, Object> p = randomParams(random);
        p.add(VALID_FRAMES, validFrames.clone());
        return forward(ps, new NDList(features), training, p).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = embed(ps, inputs.singletonOrThrow(), training, params);
        x = position(ps, x, training, params);
        int[] valid = params == null ? null : (int[]) params.get(VALID_FRAMES);
        if (valid != null) {
            params = withMasks(params, x, valid);
        }
        return new NDList(layers(ps, x, 0, blocks.size(), training, params));
    }

    /** {@code params} plus the frame mask and attention key bias of the encoder frames (B, T', D) {@code x}. */
    private PairList<String, Object> withMasks(PairList<String, Object> params, NDArray x, int[] valid) {
        int b = (int) x.getShape().get(0);
        int t = (int) x.getShape().get(1);
        float[] mask = new float[b * t];
        float[] bias = new float[b * t];
        for (int i = 0; i < b; i++) {
            int n = Math.min(t, outputFrames(valid[i], config.subsampling()));
            for (int j = 0; j < t; j++) {
                mask[i * t + j] = j < n ? 1f : 0f;
                bias[i * t + j] = j < n ? 0f : -1e9f;
            }
        }
        PairList<String, Object> p = new PairList<>();
        p.addAll(params);
        NDManager m = x.getManager();
        p.add(FRAME_MASK, m.create(mask, new Shape(b, t, 1)).toDevice(x.getDevice(), false));
        p.add(KEY_BIAS, m.create(bias, new Shape(b, 1, 1, t)).toDevice(x.getDevice(), false));
        return p;
    }

    /**
     * Front end without positions: subsampling convolutions and the linear map to D, (B, T, F) to (B, T', D). No
     * randomness. With {@link #addPositions} and {@link #layers} it splits {@link #encode} into the same operations in
     * the same order (w2v-BERT quantizes and masks this output, then reads an intermediate block's output).
     */
    public NDArray embed(ParameterStore ps, NDArray features, boolean training) {
        return embed(ps, features, training, randomParams(null));
    }

    /** Adds the sinusoidal positions and applies the front-end dropout (masks drawn from {@code random}). */
    public NDArray addPositions(ParameterStore ps, NDArray embedded, boolean training, SplittableRandom random) {
        return position(ps, embedded, training, randomParams(random));
    }

    /** Conformer blocks {@code from} (inclusive) to {@code to} (exclusive) on (B, T', D) frames. */
    public NDArray layers(ParameterStore ps, NDArray x, int from, int to, boolean training, SplittableRandom random) {
        if (from < 0 || to > blocks.size() || from > to) {
            throw new IllegalArgumentException("blocks [" + from + ", " + to + ") outside the encoder's " + blocks.size());
        }
        return layers(ps, x, from, to, training, randomParams(random));
    }

    private NDArray embed(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        long b = x.getShape().get(0);
        int[] valid = params == null ? null : (int[]) params.get(VALID_FRAMES);
        if (!convs.isEmpty()) {
            x = x.expandDims(1); // (B, 1, T, F)
            int[] lengths = valid == null ? null : valid.clone();
            for (Conv2d c : convs) {
                x = Activation.relu(Ops.apply(c, ps, x, training, params));
                if (lengths != null) { // the next convolution must read zeros past the end, as it would alone
                    for (int i = 0; i < lengths.length; i++) {
                        lengths[i] = (lengths[i] + 1) / 2;
                    }
                    x = x.mul(timeMask(x.getManager(), lengths, (int) x.getShape().get(2)).toDevice(x.getDevice(), false));
                }
            }
            long t = x.getShape().get(2);
            x = x.transpose(0, 2, 1, 3).reshape(b, t, -1);
        }
        return Ops.apply(project, ps, x, training, params);
    }

    private NDArray position(ParameterStore ps, NDArray x, boolean training, PairList<String, Object> params) {
        x = x.add(positions(x.getManager(), (int) x.getShape().get(1), config.modelDim()).toDevice(x.getDevice(), false));
        return Ops.apply(drop, ps, x, training, params);
    }

    private NDArray layers(ParameterStore ps, NDArray x, int from, int to, boolean training,
            PairList<String, Object> params) {
        for (int i = from; i < to; i++) {
            x = Ops.apply(blocks.get(i), ps, x, training, params);
        }
        return x;
    }

    /** (B, 1, T, 1) with 1 at the first {@code lengths[i]} time steps of row i, else 0. */
    private static NDArray timeMask(NDManager m, int[] lengths, int t) {
        float[] v = new float[lengths.length * t];
        for (int i = 0; i < lengths.length; i++) {
            java.util.Arrays.fill(v, i * t, i * t + Math.min(t, lengths[i]), 1f);
        }
        return m.create(v, new Shape(lengths.length, 1, t, 1));
    }

    /** Sinusoidal positions (Vaswani et al. 2017), (T, D). */
    static NDArray positions(NDManager m, int t, int d) {
        float[] pe = new float[t * d];
        for (int pos = 0; pos < t; pos++) {
            for (int i = 0; i < d; i += 2) {
                double angle = pos / Math.pow(10000, (double) i / d);
                pe[pos * d + i] = (float) Math.sin(angle);
                if (i + 1 < d) {
                    pe[pos * d + i + 1] = (float) Math.cos(angle);
                }
            }
        }
        return m.create(pe, new Shape(t, d));
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType type, Shape... in) {
        Shape s = in[0]; // (B, T, F)
        long t = s.get(1);
        long f = s.get(2);
        Shape cur = new Shape(s.get(0), 1, t, f);
        for (Conv2d c : convs) {
            c.initialize(m, type, cur);
            cur = c.getOutputShapes(new Shape[] {cur})[0];
        }
        Shape flat = convs.isEmpty() ? s : new Shape(s.get(0), cur.get(2), cur.get(1) * cur.get(3));
        project.initialize(m, type, flat);
        Shape hidden = new Shape(s.get(0), flat.get(1), config.modelDim());
        drop.initialize(m, type, hidden);
        for (ConformerBlock blk : blocks) {
            blk.initialize(m, type, hidden);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[0].get(0), config.outputFrames((int) in[0].get(1)), config.modelDim())};
    }
}
