package org.masrrepro.baselines.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.baselines.nn.SpanMasking;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * BEST-RQ: targets are the ids of the nearest (cosine) entries of a frozen, l2-normalised standard-normal codebook
 * to a frozen Xavier-uniform random projection of stacked input frames; spans of input frames are replaced by
 * Gaussian noise; a linear softmax head on the encoder output predicts the targets; cross-entropy on masked frames
 * only. The projection and codebook come from {@code quantizerSeed} through a Java RNG, so they never depend on the
 * engine or device.
 */
public final class BestRq implements SslObjective {

    private final BestRqConfig config;
    private final Linear head;
    private NDArray projection; // (stack * F, d)
    private NDArray codebook;   // (K, d), rows l2-normalised

    public BestRq(BestRqConfig config) {
        this.config = config;
        this.head = Linear.builder().setUnits(config.codebookSize()).build();
    }

    /** The settings this objective was built with. */
    public BestRqConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "best-rq";
    }

    @Override
    public Block trainableBlock() {
        return head;
    }

    @Override
    public void initialize(NDManager manager, DataType type, Shape featureShape, int modelDim) {
        head.initialize(manager, type, new Shape(featureShape.get(0), featureShape.get(1), modelDim));
        int in = (int) (config.stackFrames() * featureShape.get(2));
        int d = config.codebookDim();
        SplittableRandom rnd = new SplittableRandom(config.quantizerSeed());
        double limit = Math.sqrt(6.0 / (in + d));
        float[] p = new float[in * d];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
        }
        float[] c = new float[config.codebookSize() * d];
        for (int k = 0; k < config.codebookSize(); k++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                double u1 = rnd.nextDouble();
                double u2 = rnd.nextDouble();
                double g = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
                c[k * d + j] = (float) g;
                norm += g * g;
            }
            for (int j = 0; j < d; j++) {
                c[k * d + j] /= (float) Math.sqrt(norm);
            }
        }
        projection = manager.create(p, new Shape(in, d));
        codebook = manager.create(c, new Shape(config.codebookSize(), d));
    }

    /** Target ids (B, T/stack) of clean features (B, T, F). */
    public NDArray targets(NDArray features) {
        long b = features.getShape().get(0);
        long t = features.getShape().get(1);
        long f = features.getShape().get(2);
        long n = t / config.stackFrames();
        NDArray stacked = features.get(":, :" + n * config.stackFrames() + ", :")
                .reshape(b, n, config.stackFrames() * f);
        NDArray z = stacked.matMul(projection);
        NDArray zn = z.div(z.norm(new int[] {2}, true).add(1e-8f));
        return zn.matMul(codebook.transpose()).argMax(2);
    }

    /** Mask over stacked frames (B, T/stack): spans start with the per-input-frame probability; at least one per row. */
    public boolean[][] mask(int b, int n, SplittableRandom random) {
        return SpanMasking.sample(b, n, config.stackedStartProbability(), config.maskSpanFrames(), random);
    }

    @Override
    public SslOutput forward(ParameterStore ps, ConformerEncoder encoder, NDArray features, SplittableRandom random,
            boolean training) {
        NDManager m = features.getManager();
        int b = (int) features.getShape().get(0);
        int t = (int) features.getShape().get(1);
        int f = (int) features.getShape().get(2);
        int stack = config.stackFrames();
        int n = t / stack;
        NDArray targets = targets(features);
        boolean[][] mask = mask(b, n, random);
        // Input-level mask and noise: noise drawn from the seeded Java stream, so it is the same on any device.
        float[] keep = new float[b * t * f];
        float[] noise = new float[b * t * f];
        float[] maskedStacked = new float[b * n];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                boolean masked = j / stack < n && mask[i][j / stack];
                for (int k = 0; k < f; k++) {
                    int idx = (i * t + j) * f + k;
                    keep[idx] = masked ? 0 : 1;
                    if (masked) {
                        double u1 = random.nextDouble();
                        double u2 = random.nextDouble();
                        noise[idx] = (float) (config.maskNoiseStd()
                                * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                maskedStacked[i * n + j] = mask[i][j] ? 1 : 0;
            }
        }
        Shape shape = features.getShape();
        NDArray input = features.mul(m.create(keep, shape).toDevice(features.getDevice(), false))
                .add(m.create(noise, shape).toDevice(features.getDevice(), false));
        // Dropout masks from a stream split off after the mask and noise draws, which stay as they were.
        NDArray frames = encoder.encode(ps, input, training, random.split());
        long tOut = Math.min(frames.getShape().get(1), n);
        NDArray used = frames.get(":, :" + tOut + ", :");
        NDArray logits = head.forward(ps, new NDList(used), training).singletonOrThrow();
        NDArray logp = logits.logSoftmax(2);
        NDArray tgt = targets.get(":, :" + tOut);
        NDArray picked = logp.mul(tgt.oneHot(config.codebookSize()).toType(logp.getDataType(), false)).sum(new int[] {2});
        NDArray maskArr = m.create(maskedStacked, new Shape(b, n)).get(":, :" + tOut).toDevice(features.getDevice(), false);
        NDArray count = maskArr.sum().maximum(1f);
        NDArray loss = picked.mul(maskArr).sum().neg().div(count);
        NDArray correct = logits.argMax(2).eq(tgt).toType(DataType.FLOAT32, false).mul(maskArr).sum().div(count);
        return new SslOutput(loss, frames, Map.of("masked_accuracy", correct.getFloat()));
    }
}
