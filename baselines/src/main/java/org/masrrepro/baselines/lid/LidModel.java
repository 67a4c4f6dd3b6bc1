package org.masrrepro.baselines.lid;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.train.Batches;
import org.masrrepro.baselines.train.Checkpoint;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;

/** A fine-tuned language-ID model scoring whole utterances, one at a time (no padding, deterministic). */
public final class LidModel implements AutoCloseable {

    private final NDManager manager;
    private final LidTrainer.Network net;
    private final int subsampling;

    private LidModel(NDManager manager, LidTrainer.Network net, int subsampling) {
        this.manager = manager;
        this.net = net;
        this.subsampling = subsampling;
    }

    public static LidModel load(Path checkpointDir, ConformerConfig cfg, int numClasses, Device device)
            throws IOException {
        Device d = device != null ? device : Engine.getInstance().defaultDevice();
        NDManager m = NDManager.newBaseManager(d);
        try {
            LidTrainer.Network net = new LidTrainer.Network(cfg, numClasses);
            net.initialize(m, new Shape(1, 4L * cfg.subsampling(), cfg.inputDim()), cfg.modelDim());
            Checkpoint.load(checkpointDir, net.model, null, m);
            return new LidModel(m, net, cfg.subsampling());
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Log-probabilities {@code [utterance][class]} of every utterance of {@code set}. */
    public float[][] logProbabilities(FeatureSet set, ProgressListener progress) {
        float[][] out = new float[set.size()][];
        long t0 = System.nanoTime();
        for (int i = 0; i < set.size(); i++) {
            try (NDManager sub = manager.newSubManager()) {
                float[] norm = Batches.input(set, i);
                int len = norm.length / set.dim();
                // Trim to a multiple of the subsampling so every encoder frame sees whole input frames.
                int t = Math.max(subsampling, len - len % subsampling);
                float[] x = new float[t * set.dim()];
                for (int k = 0; k < t; k++) {
                    System.arraycopy(norm, (k % len) * set.dim(), x, k * set.dim(), set.dim());
                }
                NDArray in = sub.create(x, new Shape(1, t, set.dim()));
                NDArray logp = net.logits(new ParameterStore(sub, false), in, false, null).logSoftmax(1);
                out[i] = logp.toFloatArray();
            }
            if ((i + 1) % 50 == 0 || i + 1 == set.size()) {
                double el = (System.nanoTime() - t0) / 1e9;
                progress.onProgress("evaluate", i + 1, set.size(), Double.NaN, el / (i + 1) * (set.size() - i - 1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
