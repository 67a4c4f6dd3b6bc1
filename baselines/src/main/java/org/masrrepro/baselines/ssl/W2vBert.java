package org.masrrepro.baselines.ssl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.baselines.nn.ScalarOps;
import org.masrrepro.baselines.nn.SpanMasking;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * w2v-BERT (Chung et al. 2021): the encoder's front end (convolutional subsampling + projection) gives frames that
 * a Gumbel-softmax product quantizer turns into code ids and quantized vectors; spans of those frames are replaced
 * by a learned mask vector; the lower Conformer blocks (contrastive module) give context vectors scored against
 * the quantized vector of the same frame and sampled distractors of the same utterance (wav2vec 2.0 loss, cosine
 * similarity / temperature, plus the codebook diversity loss); the upper blocks (masked-prediction module) predict
 * the code ids with a softmax head. Both losses on masked frames only; L = w_c (L_w + alpha L_d) + w_m L_m.
 *
 * <p>Choices: the code ids the MLM module predicts are the ones the quantizer picked in the same step (with Gumbel
 * noise while training, plain argmax otherwise); distractors equal to the positive (same code ids) are excluded as in
 * fairseq; the diversity loss uses the noise-free code probabilities averaged over every frame of the batch. Every
 * random draw (mask, Gumbel noise, distractors, dropout) comes from the step's {@link SplittableRandom}.
 */
public final class W2vBert implements SslObjective {

    /** Additive logit of an excluded distractor (exp underflows to 0). */
    private static final float EXCLUDED = -1e9f;

    private final W2vBertConfig config;
    private final W2vBertHeads heads;
    private final long stepOffset;
    private long step;

    public W2vBert(W2vBertConfig config) {
        this(config, 0);
    }

    /**
     * @param stepOffset added to the loop's step for the temperature schedule (continued pretraining starts its
     *                   loop at 0 but its schedule at the base run's step)
     */
    public W2vBert(W2vBertConfig config, long stepOffset) {
        this.config = config;
        this.heads = new W2vBertHeads(config);
        this.stepOffset = stepOffset;
        this.step = stepOffset;
    }

    public W2vBertConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "w2v-bert";
    }

    @Override
    public Block trainableBlock() {
        return heads;
    }

    @Override
    public void initialize(NDManager manager, DataType type, Shape featureShape, int modelDim) {
        // The heads see (B, T', D) frames; only D matters for their parameter shapes.
        heads.initialize(manager, type, new Shape(featureShape.get(0), featureShape.get(1), modelDim));
    }

    @Override
    public void beginStep(long loopStep) {
        this.step = loopStep + stepOffset;
    }

    /** Gumbel-softmax temperature of the current step. */
    public double temperature() {
        return config.gumbelTemperature(step);
    }

    @Override
    public SslOutput forward(ParameterStore ps, ConformerEncoder encoder, NDArray features, SplittableRandom random,
            boolean training) {
        int layers = encoder.config().numLayers();
        if (config.contrastiveLayers() >= layers) {
            throw new IllegalArgumentException("w2v-BERT needs contrastive_layers (" + config.contrastiveLayers()
                    + ") below the encoder's num_layers (" + layers + ") so the masked-prediction module has blocks;"
                    + " raise encoder.num_layers or lower contrastive_layers");
        }
        NDManager m = features.getManager();
        Device dev = features.getDevice();
        int groups = config.codebookGroups();
        int codes = config.codebookSize();
        NDArray embedded = encoder.embed(ps, features, training); // (B, T', D), unmasked
        int b = (int) embedded.getShape().get(0);
        int t = (int) embedded.getShape().get(1);
        int d = (int) embedded.getShape().get(2);

        boolean[][] mask = SpanMasking.sample(b, t, config.maskProbability(), config.maskSpanFrames(), random);
        float[] maskFlat = new float[b * t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                maskFlat[i * t + j] = mask[i][j] ? 1 : 0;
            }
        }

        // Quantizer on the unmasked frames, standardised per frame as wav2vec 2.0 quantizes layer-normed features.
        NDArray logits = apply(heads.codeLogits, ps, standardize(scaleGradient(embedded, config.quantizerInputGradient())),
                training).reshape(b, t, groups, codes);
        NDArray noisy = logits;
        double tau = temperature();
        if (training) {
            float[] g = new float[b * t * groups * codes];
            for (int i = 0; i < g.length; i++) {
                double u = Math.min(Math.max(random.nextDouble(), 1e-10), 1 - 1e-10);
                g[i] = (float) -Math.log(-Math.log(u));
            }
            noisy = logits.add(m.create(g, logits.getShape()).toDevice(dev, false));
        }
        long[] ids = noisy.argMax(3).toLongArray(); // (B, T', G) flattened
        NDArray hard = m.create(ids, new Shape(b, t, groups)).toDevice(dev, false).oneHot(codes)
                .toType(logits.getDataType(), false);
        NDArray onehot = hard;
        if (training) {
            // Straight-through: the forward value is the hard one-hot, the gradient that of the soft sample.
            NDArray soft = ScalarOps.div(noisy, tau).softmax(3);
            onehot = hard.sub(soft.stopGradient()).add(soft);
        }
        NDList perGroup = new NDList();
        for (int g = 0; g < groups; g++) {
            perGroup.add(apply(heads.codeVectors.get(g), ps, onehot.get(":, :, " + g + ", :"), training));
        }
        NDArray quantized = apply(heads.projectQuantized, ps,
                groups == 1 ? perGroup.singletonOrThrow() : NDArrays.concat(perGroup, 2), training);

        // Diversity: 1 - perplexity / (G V) of the batch-averaged code distribution per group.
        NDArray avg = logits.softmax(3).reshape((long) b * t, groups, codes).mean(new int[] {0}); // (G, V)
        NDArray perplexity = avg.mul(avg.add(ScalarOps.constant(avg, 1e-7)).log()).sum(new int[] {1}).neg().exp().sum();
        NDArray diversity = ScalarOps.div(ScalarOps.constant(perplexity, (double) groups * codes).sub(perplexity),
                (double) groups * codes);

        // Distractor indices (Java draws, after the Gumbel noise), then dropout masks from a split stream.
        int k = config.numDistractors();
        long[] index = new long[b * t * (k + 1)];
        float[] excluded = new float[b * t * (k + 1)];
        sampleDistractors(mask, ids, groups, k, random, index, excluded);
        SplittableRandom dropout = random.split();

        NDArray maskCol = m.create(maskFlat, new Shape(b, t, 1)).toDevice(dev, false);
        NDArray maskVec = ps.getValue(heads.maskEmbedding, dev, training).reshape(1, 1, d);
        NDArray input = embedded.mul(ScalarOps.constant(maskCol, 1).sub(maskCol)).add(maskCol.mul(maskVec));
        NDArray x = encoder.addPositions(ps, input, training, dropout);
        NDArray context = encoder.layers(ps, x, 0, config.contrastiveLayers(), training, dropout);
        NDArray frames = encoder.layers(ps, context, config.contrastiveLayers(), layers, training, dropout);

        NDArray maskBt = m.create(maskFlat, new Shape(b, t)).toDevice(dev, false);
        NDArray count = maskBt.sum().maximum(1f);

        // Contrastive: cosine(c_t, q_j) / kappa for j = t and the distractors.
        NDArray c = normalize(apply(heads.projectContext, ps, context, training));
        NDArray q = normalize(quantized);
        NDArray sim = ScalarOps.div(c.matMul(q.transpose(0, 2, 1)), config.contrastiveTemperature()); // (B, T', T')
        NDArray scores = sim.gather(m.create(index, new Shape(b, t, k + 1)).toDevice(dev, false), 2)
                .add(m.create(excluded, new Shape(b, t, k + 1)).toDevice(dev, false));
        NDArray contrastive = scores.logSoftmax(2).get(":, :, 0").mul(maskBt).sum().neg().div(count);
        NDArray contrastiveAcc = scores.argMax(2).eq(0).toType(DataType.FLOAT32, false).mul(maskBt).sum().div(count);

        // Masked prediction of the code ids from the top of the encoder.
        NDArray mlmLogp = apply(heads.mlmHead, ps, frames, training).reshape(b, t, groups, codes).logSoftmax(3);
        NDArray mlm = ScalarOps.div(mlmLogp.mul(hard).sum(new int[] {2, 3}), groups).mul(maskBt).sum().neg().div(count);
        NDArray mlmAcc = mlmLogp.argMax(3).eq(m.create(ids, new Shape(b, t, groups)).toDevice(dev, false))
                .toType(DataType.FLOAT32, false).mean(new int[] {2}).mul(maskBt).sum().div(count);

        NDArray loss = ScalarOps.mul(contrastive.add(ScalarOps.mul(diversity, config.diversityWeight())),
                config.contrastiveWeight()).add(ScalarOps.mul(mlm, config.mlmWeight()));
        Map<String, Float> metrics = new TreeMap<>();
        metrics.put("loss_contrastive", contrastive.getFloat());
        metrics.put("loss_diversity", diversity.getFloat());
        metrics.put("loss_mlm", mlm.getFloat());
        metrics.put("contrastive_accuracy", contrastiveAcc.getFloat());
        metrics.put("masked_accuracy", mlmAcc.getFloat());
        metrics.put("code_perplexity", perplexity.getFloat());
        metrics.put("gumbel_temperature", (float) tau);
        return new SslOutput(loss, frames, metrics);
    }

    /**
     * For each masked frame: slot 0 = the frame itself (the positive), slots 1..k = distractors drawn uniformly with
     * replacement from the row's other masked frames (all other frames when it has none); a distractor with the same
     * code ids as the positive gets an excluded logit. Unmasked frames point at themselves (their loss weight is 0).
     */
    static void sampleDistractors(boolean[][] mask, long[] ids, int groups, int k, SplittableRandom random,
            long[] index, float[] excluded) {
        int b = mask.length;
        int t = mask[0].length;
        for (int i = 0; i < b; i++) {
            int[] masked = new int[t];
            int n = 0;
            for (int j = 0; j < t; j++) {
                if (mask[i][j]) {
                    masked[n++] = j;
                }
            }
            for (int j = 0; j < t; j++) {
                int base = (i * t + j) * (k + 1);
                index[base] = j;
                if (!mask[i][j]) {
                    for (int s = 1; s <= k; s++) {
                        index[base + s] = j;
                        excluded[base + s] = EXCLUDED;
                    }
                    continue;
                }
                boolean fromMasked = n > 1;
                int pool = fromMasked ? n - 1 : t - 1;
                int self = fromMasked ? java.util.Arrays.binarySearch(masked, 0, n, j) : j;
                for (int s = 1; s <= k; s++) {
                    int pick;
                    if (pool == 0) {
                        pick = j;
                    } else {
                        int r = random.nextInt(pool);
                        if (fromMasked) {
                            pick = masked[r >= self ? r + 1 : r];
                        } else {
                            pick = r >= self ? r + 1 : r;
                        }
                    }
                    index[base + s] = pick;
                    excluded[base + s] = sameCode(ids, i, t, groups, j, pick) ? EXCLUDED : 0f;
                }
            }
        }
    }

    private static boolean sameCode(long[] ids, int row, int t, int groups, int a, int b) {
        for (int g = 0; g < groups; g++) {
            if (ids[(row * t + a) * groups + g] != ids[(row * t + b) * groups + g]) {
                return false;
            }
        }
        return true;
    }

    /** The same values as {@code x}, with the gradient flowing back through them multiplied by {@code share}. */
    static NDArray scaleGradient(NDArray x, double share) {
        if (share == 1) {
            return x;
        }
        NDArray frozen = x.stopGradient();
        return share == 0 ? frozen : ScalarOps.mul(x, share).add(ScalarOps.mul(frozen, 1 - share));
    }

    /** Zero mean and unit variance over the last axis, without learned parameters. */
    static NDArray standardize(NDArray x) {
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray std = centred.square().mean(new int[] {-1}, true).add(ScalarOps.constant(x, 1e-5)).sqrt();
        return centred.div(std);
    }

    private static NDArray normalize(NDArray x) {
        return x.div(x.norm(new int[] {2}, true).add(ScalarOps.constant(x, 1e-8)));
    }

    private static NDArray apply(Linear l, ParameterStore ps, NDArray x, boolean training) {
        return l.forward(ps, new NDList(x), training).singletonOrThrow();
    }
}
