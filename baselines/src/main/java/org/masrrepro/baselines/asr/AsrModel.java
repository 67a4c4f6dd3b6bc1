package org.masrrepro.baselines.asr;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.train.Checkpoint;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;

/** A fine-tuned CTC character model transcribing whole utterances, one at a time (no padding), greedy decoding. */
public final class AsrModel implements AutoCloseable {

    private final NDManager manager;
    private final AsrTrainer.Network net;
    private final CharVocabulary vocabulary;

    private AsrModel(NDManager manager, AsrTrainer.Network net, CharVocabulary vocabulary) {
        this.manager = manager;
        this.net = net;
        this.vocabulary = vocabulary;
    }

    public static AsrModel load(Path checkpointDir, ConformerConfig cfg, CharVocabulary vocabulary, Device device)
            throws IOException {
        Device d = device != null ? device : Engine.getInstance().defaultDevice();
        NDManager m = NDManager.newBaseManager(d);
        try {
            AsrTrainer.Network net = new AsrTrainer.Network(cfg, vocabulary.size());
            net.initialize(m, new Shape(1, 4L * cfg.subsampling(), cfg.inputDim()), cfg.modelDim());
            Checkpoint.load(checkpointDir, net.model, null, m);
            return new AsrModel(m, net, vocabulary);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** Log-probabilities {@code [frame][class]} of utterance {@code i} of {@code set}. */
    public float[][] logProbabilities(FeatureSet set, int i) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray in = AsrTrainer.padded(sub, set, new int[] {i});
            NDArray logp = net.logits(new ParameterStore(sub, false), in, new int[] {set.numFrames(i)}, false, null)
                    .logSoftmax(2);
            int t = (int) logp.getShape().get(1);
            int c = (int) logp.getShape().get(2);
            float[] flat = logp.toFloatArray();
            float[][] out = new float[t][c];
            for (int k = 0; k < t; k++) {
                System.arraycopy(flat, k * c, out[k], 0, c);
            }
            return out;
        }
    }

    /** Greedy transcripts of every utterance of {@code set}. */
    public String[] transcribe(FeatureSet set, ProgressListener progress) {
        String[] out = new String[set.size()];
        long t0 = System.nanoTime();
        for (int i = 0; i < set.size(); i++) {
            out[i] = vocabulary.decode(CtcGreedyDecoder.decode(logProbabilities(set, i)));
            if ((i + 1) % 50 == 0 || i + 1 == set.size()) {
                double el = (System.nanoTime() - t0) / 1e9;
                progress.onProgress("transcribe", i + 1, set.size(), Double.NaN, el / (i + 1) * (set.size() - i - 1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
