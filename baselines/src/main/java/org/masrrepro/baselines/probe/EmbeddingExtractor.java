package org.masrrepro.baselines.probe;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.baselines.train.Batches;
import org.masrrepro.baselines.train.Checkpoint;
import org.masrrepro.baselines.train.Pooling;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Utterance embeddings of a frozen encoder: each utterance whole (normalised as in training, trimmed to a multiple
 * of the subsampling), encoded without dropout, frames mean-pooled ({@link Pooling#mean}). One utterance at a time,
 * so no padding enters the mean and the result does not depend on batching.
 */
public final class EmbeddingExtractor implements AutoCloseable {

    private final NDManager manager;
    private final ConformerEncoder encoder;
    private final int subsampling;

    private EmbeddingExtractor(NDManager manager, ConformerEncoder encoder, int subsampling) {
        this.manager = manager;
        this.encoder = encoder;
        this.subsampling = subsampling;
    }

    /** Loads the encoder part ({@code encoder.params}) of a checkpoint directory. */
    public static EmbeddingExtractor load(Path checkpointDir, ConformerConfig cfg, Device device) throws IOException {
        Device d = device != null ? device : Engine.getInstance().defaultDevice();
        NDManager m = NDManager.newBaseManager(d);
        try {
            ConformerEncoder enc = new ConformerEncoder(cfg);
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 4L * cfg.subsampling(), cfg.inputDim()));
            Checkpoint.loadParts(checkpointDir, Map.of("encoder", enc), m);
            return new EmbeddingExtractor(m, enc, cfg.subsampling());
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Mean-pooled encoder output of every utterance of {@code set}. */
    public Embeddings extract(FeatureSet set, ProgressListener progress) {
        float[][] out = new float[set.size()][];
        List<String> ids = new ArrayList<>(set.size());
        long t0 = System.nanoTime();
        for (int i = 0; i < set.size(); i++) {
            ids.add(set.id(i));
            try (NDManager sub = manager.newSubManager()) {
                float[] norm = Batches.input(set, i);
                int len = norm.length / set.dim();
                int t = Math.max(subsampling, len - len % subsampling);
                float[] x = new float[t * set.dim()];
                for (int k = 0; k < t; k++) {
                    System.arraycopy(norm, (k % len) * set.dim(), x, k * set.dim(), set.dim());
                }
                NDArray in = sub.create(x, new Shape(1, t, set.dim()));
                NDArray frames1 = encoder.encode(new ParameterStore(sub, false), in, false, null);
                out[i] = Pooling.mean(frames1).toFloatArray();
            }
            if ((i + 1) % 50 == 0 || i + 1 == set.size()) {
                double el = (System.nanoTime() - t0) / 1e9;
                progress.onProgress("embed", i + 1, set.size(), Double.NaN, el / (i + 1) * (set.size() - i - 1));
            }
        }
        return new Embeddings(ids, out);
    }

    @Override
    public void close() {
        manager.close();
    }
}
