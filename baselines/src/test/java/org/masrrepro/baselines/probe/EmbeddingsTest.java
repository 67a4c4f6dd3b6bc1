package org.masrrepro.baselines.probe;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.ssl.BestRq;
import org.masrrepro.baselines.ssl.BestRqConfig;
import org.masrrepro.baselines.train.OptimizerConfig;
import org.masrrepro.baselines.train.Pretrainer;
import org.masrrepro.baselines.train.ToyFeatures;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Extraction from a pretraining checkpoint (mean of the encoder frames) and the on-disk cache around it. */
class EmbeddingsTest {

    static final ConformerConfig ENC = new ConformerConfig(16, 32, 1, 2, 2, 5, 4, 0f);
    static final ToyFeatures DATA = new ToyFeatures(6, 16, 3, 5);
    static final ProgressListener QUIET = (phase, done, total, loss, eta) -> {};

    static Path checkpoint(Path dir) throws IOException {
        TrainResult r = Pretrainer.builder().setEncoder(ENC).setObjective(new BestRq(new BestRqConfig(4, 32, 8, 0.1, 2, 0.1, 9)))
                .setData(DATA).setBatchSize(2).setCropFrames(32).setTotalSteps(2)
                .setOptimizer(new OptimizerConfig(1e-3, 1, "linear_decay", 0.01, 0.9, 0.98, 1e-8, 1.0))
                .setSeed(3).setWorkDir(dir).optCheckpointEvery(2).optLogEvery(1).build().run();
        return r.finalCheckpoint();
    }

    @Test
    void extractsMeanPooledFramesAndCachesThem(@TempDir Path tmp) throws IOException {
        Path ckpt = checkpoint(tmp.resolve("train"));
        Embeddings e;
        try (EmbeddingExtractor x = EmbeddingExtractor.load(ckpt, ENC, null)) {
            e = x.extract(DATA, QUIET);
        }
        assertEquals(DATA.size(), e.size());
        assertEquals(32, e.dim());
        assertEquals("toy-3", e.ids().get(3));
        assertNotEquals(e.vectors()[0][0], e.vectors()[1][0]);
        try (EmbeddingExtractor x = EmbeddingExtractor.load(ckpt, ENC, null)) {
            assertArrayEquals(e.vectors()[4], x.extract(DATA, QUIET).vectors()[4], 0f, "deterministic");
        }

        EmbeddingCache cache = new EmbeddingCache(tmp.resolve("cache"));
        AtomicInteger runs = new AtomicInteger();
        EmbeddingCache.Extraction extraction = () -> {
            runs.incrementAndGet();
            return e;
        };
        Embeddings first = cache.getOrExtract("enc1", "feat1", DATA, extraction);
        Embeddings again = cache.getOrExtract("enc1", "feat1", DATA, extraction);
        assertEquals(1, runs.get(), "the second call reads the file");
        assertEquals(first.ids(), again.ids());
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.vectors()[i], again.vectors()[i], 0f);
        }
        cache.getOrExtract("enc2", "feat1", DATA, extraction);
        assertEquals(2, runs.get(), "another encoder, another file");

        // A corrupted file is detected by its checksum and rebuilt.
        Path f = cache.fileOf("enc1", "feat1");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 1;
        Files.write(f, bytes);
        cache.getOrExtract("enc1", "feat1", DATA, extraction);
        assertEquals(3, runs.get());
        cache.getOrExtract("enc1", "feat1", DATA, extraction);
        assertEquals(3, runs.get(), "rebuilt file is valid");

        // A file for other utterances (ids differ) is not reused.
        ToyFeatures other = new ToyFeatures(5, 16, 3, 5);
        Embeddings small = new Embeddings(e.ids().subList(0, 5), java.util.Arrays.copyOf(e.vectors(), 5));
        EmbeddingCache.write(cache.fileOf("enc3", "feat3"), "enc3", "feat3", small);
        cache.getOrExtract("enc3", "feat3", DATA, extraction);
        assertEquals(4, runs.get(), "5 cached utterances do not match a 6-utterance set");
        assertEquals(5, cache.getOrExtract("enc4", "feat4", other, () -> small).size());
    }

    @Test
    void extractionMatchesTheEncoderOnOneUtterance(@TempDir Path tmp) throws IOException {
        Path ckpt = checkpoint(tmp.resolve("train"));
        float[] viaExtractor;
        try (EmbeddingExtractor x = EmbeddingExtractor.load(ckpt, ENC, null)) {
            viaExtractor = x.extract(DATA, QUIET).vectors()[2];
        }
        try (NDManager m = NDManager.newBaseManager()) {
            org.masrrepro.baselines.nn.ConformerEncoder enc = new org.masrrepro.baselines.nn.ConformerEncoder(ENC);
            enc.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 16, 16));
            org.masrrepro.baselines.train.Checkpoint.loadParts(ckpt, java.util.Map.of("encoder", enc), m);
            float[][] frames = DATA.frames(2);
            int t = frames.length - frames.length % 4;
            float[] norm = org.masrrepro.baselines.train.Batches.normalized(frames);
            float[] in = java.util.Arrays.copyOf(norm, t * 16);
            float[] frames2 = enc.encode(new ParameterStore(m, false), m.create(in, new Shape(1, t, 16)), false, null)
                    .mean(new int[] {1}).toFloatArray();
            assertArrayEquals(frames2, viaExtractor, 1e-6f);
        }
    }
}
