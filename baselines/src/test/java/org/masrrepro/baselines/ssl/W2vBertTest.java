package org.masrrepro.baselines.ssl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.baselines.nn.SpanMasking;
import org.masrrepro.baselines.train.OptimizerConfig;
import org.masrrepro.baselines.train.Pretrainer;
import org.masrrepro.baselines.train.ToyFeatures;
import org.masrrepro.baselines.train.TrainResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** w2v-BERT: shapes, finite losses, determinism, temperature schedule, gradients to both modules, learning. */
class W2vBertTest {

    static final ConformerConfig ENC = new ConformerConfig(16, 32, 3, 2, 2, 5, 4, 0.1f);

    static W2vBertConfig config() {
        return new W2vBertConfig(1, 16, 1, 16, 0.2, 2, 5, 0.1, 0.1, 1.0, 1.0, 2.0, 0.5, 0.995, 1.0);
    }

    @Test
    void paperDefaults() {
        W2vBertConfig p = W2vBertConfig.paper();
        assertEquals(8, p.contrastiveLayers());
        assertEquals(1024, p.codebookSize());
        assertEquals(1, p.codebookGroups());
        assertEquals(0.065, p.maskProbability());
        assertEquals(10, p.maskSpanFrames());
        assertEquals(0.1, p.contrastiveTemperature());
        assertEquals(0.1, p.diversityWeight());
        assertThrows(IllegalArgumentException.class,
                () -> new W2vBertConfig(1, 16, 3, 16, 0.2, 2, 5, 0.1, 0.1, 1, 1, 2, 0.5, 0.99, 1));
    }

    @Test
    void temperatureAnnealsFromMaxToMin() {
        W2vBertConfig c = config();
        assertEquals(2.0, c.gumbelTemperature(0));
        assertEquals(2.0 * Math.pow(0.995, 100), c.gumbelTemperature(100), 1e-12);
        assertEquals(0.5, c.gumbelTemperature(1_000_000));
        for (int s = 1; s < 400; s++) {
            assertTrue(c.gumbelTemperature(s) <= c.gumbelTemperature(s - 1));
        }
        W2vBert q = new W2vBert(c, 100);
        assertEquals(c.gumbelTemperature(100), q.temperature(), "offset applies before the first step");
        q.beginStep(10);
        assertEquals(c.gumbelTemperature(110), q.temperature());
    }

    @Test
    void distractorsAreOtherMaskedFramesOfTheSameRow() {
        boolean[][] mask = SpanMasking.sample(3, 30, 0.1, 3, new SplittableRandom(4));
        int t = 30;
        int k = 7;
        long[] ids = new long[3 * t];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 5;
        }
        long[] index = new long[3 * t * (k + 1)];
        float[] excluded = new float[index.length];
        W2vBert.sampleDistractors(mask, ids, 1, k, new SplittableRandom(1), index, excluded);
        int checked = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < t; j++) {
                int base = (i * t + j) * (k + 1);
                assertEquals(j, index[base], "slot 0 is the positive");
                if (!mask[i][j]) {
                    continue;
                }
                for (int s = 1; s <= k; s++) {
                    int p = (int) index[base + s];
                    assertNotEquals(j, p, "a distractor is never the frame itself");
                    assertTrue(mask[i][p], "distractors come from masked frames");
                    assertEquals(ids[i * t + p] == ids[i * t + j], excluded[base + s] < 0, "same code = excluded");
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void forwardShapesFiniteLossDeterminismAndGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(4, 64, 16);
            Engine.getInstance().setRandomSeed(3);
            ConformerEncoder enc = new ConformerEncoder(ENC);
            enc.initialize(m, DataType.FLOAT32, shape);
            W2vBert q = new W2vBert(config());
            q.initialize(m, DataType.FLOAT32, shape, 32);
            NDArray x = m.randomNormal(shape);
            ParameterStore ps = new ParameterStore(m, false);
            SslOutput a = q.forward(ps, enc, x, new SplittableRandom(9), true);
            SslOutput b = q.forward(ps, enc, x, new SplittableRandom(9), true);
            SslOutput c = q.forward(ps, enc, x, new SplittableRandom(10), true);
            assertEquals(new Shape(4, 16, 32), a.frames().getShape());
            assertEquals(new Shape(), a.loss().getShape());
            assertTrue(Float.isFinite(a.loss().getFloat()));
            assertEquals(a.loss().getFloat(), b.loss().getFloat(), "same step stream, same loss");
            assertEquals(a.metrics(), b.metrics());
            assertNotEquals(a.loss().getFloat(), c.loss().getFloat(), "another stream, other masks and noise");
            // Untrained: the MLM loss is near log(codes), the contrastive loss at most log(1 + distractors) + margin.
            assertEquals(Math.log(16), a.metrics().get("loss_mlm"), 1.5);
            assertTrue(a.metrics().get("loss_contrastive") > 0 && a.metrics().get("loss_contrastive") < Math.log(6) + 3);
            float div = a.metrics().get("loss_diversity");
            assertTrue(div >= 0 && div < 1, "diversity loss in [0, 1): " + div);
            for (String key : List.of("contrastive_accuracy", "masked_accuracy", "code_perplexity", "gumbel_temperature")) {
                assertTrue(a.metrics().containsKey(key), key);
            }
            SslOutput eval = q.forward(ps, enc, x, new SplittableRandom(9), false);
            assertTrue(Float.isFinite(eval.loss().getFloat()), "evaluation (no Gumbel noise, no dropout) is finite");
        }
    }

    @Test
    void gradientsReachBothModulesAndTheQuantizer() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(4, 64, 16);
            Engine.getInstance().setRandomSeed(3);
            ConformerEncoder enc = new ConformerEncoder(ENC);
            enc.initialize(m, DataType.FLOAT32, shape);
            W2vBert q = new W2vBert(config());
            q.initialize(m, DataType.FLOAT32, shape, 32);
            List<Pair<String, Parameter>> params = new java.util.ArrayList<>();
            enc.getParameters().forEach(p -> params.add(new Pair<>("encoder_" + p.getKey(), p.getValue())));
            q.trainableBlock().getParameters().forEach(p -> params.add(new Pair<>("ssl_" + p.getKey(), p.getValue())));
            for (Pair<String, Parameter> p : params) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            NDArray x = m.randomNormal(shape);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                SslOutput out = q.forward(new ParameterStore(m, false), enc, x, new SplittableRandom(2), true);
                gc.backward(out.loss());
            }
            for (String prefix : List.of("encoder_subsample0", "encoder_block0", "encoder_block2", "ssl_code_logits",
                    "ssl_code_vectors0", "ssl_project_context", "ssl_project_quantized", "ssl_mlm_head",
                    "ssl_mask_embedding")) {
                double sum = 0;
                for (Pair<String, Parameter> p : params) {
                    // Child names carry DJL's order prefix ("02block0_..."), so match the name inside the key.
                    String[] parts = prefix.split("_", 2);
                    if (p.getKey().startsWith(parts[0] + "_") && p.getKey().contains(parts[1])) {
                        sum += p.getValue().getArray().getGradient().abs().sum().getFloat();
                    }
                }
                assertTrue(sum > 0 && Double.isFinite(sum), prefix + " gradient " + sum);
            }
        }
    }

    @Test
    void initialCodesFollowTheFrameNotTheGumbelNoise() {
        // With flat initial logits the sampled codes are Gumbel noise, the diversity loss keeps them flat and neither
        // loss can be learned (seen at cpu scale); fairseq's N(0, 1) init on standardised frames avoids that.
        try (NDManager m = NDManager.newBaseManager()) {
            int d = 32;
            int codes = 16;
            Shape shape = new Shape(4, 50, d);
            Engine.getInstance().setRandomSeed(5);
            W2vBert q = new W2vBert(new W2vBertConfig(1, codes, 1, 16, 0.2, 2, 5, 0.1, 0.1, 1, 1, 2, 0.5, 0.995, 1));
            q.initialize(m, DataType.FLOAT32, new Shape(4, 200, 16), d);
            NDArray frames = m.randomNormal(shape).mul(7).add(3); // scale and offset the standardisation removes
            W2vBertHeads heads = (W2vBertHeads) q.trainableBlock();
            NDArray logits = heads.codeLogits.forward(new ParameterStore(m, false),
                    new ai.djl.ndarray.NDList(W2vBert.standardize(frames)), false).singletonOrThrow();
            double std = Math.sqrt(logits.sub(logits.mean()).square().mean().getFloat());
            assertTrue(std > 0.5 * Math.sqrt(d), "initial logit std " + std + " should be near sqrt(D) = " + Math.sqrt(d));
            long[] clean = logits.argMax(2).toLongArray();
            long[] noisy = logits.add(m.randomUniform(1e-6f, 1f - 1e-6f, logits.getShape()).log().neg().log().neg())
                    .argMax(2).toLongArray();
            int same = 0;
            for (int i = 0; i < clean.length; i++) {
                same += clean[i] == noisy[i] ? 1 : 0;
            }
            double agreement = (double) same / clean.length;
            System.out.printf("w2v-BERT initial logits: std %.2f, Gumbel-noisy code = clean code for %.0f%% of frames%n",
                    std, 100 * agreement);
            assertTrue(agreement > 0.6, "Gumbel noise changed " + (100 * (1 - agreement)) + "% of the initial codes");
        }
    }

    @Test
    void quantizerInputGradientScalesOnlyTheGradient() {
        assertThrows(IllegalArgumentException.class,
                () -> new W2vBertConfig(1, 16, 1, 16, 0.2, 2, 5, 0.1, 0.1, 1, 1, 2, 0.5, 0.99, 1.5));
        for (double share : new double[] {0, 0.3, 1}) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.create(new float[] {1, -2, 3});
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y = W2vBert.scaleGradient(x, share);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(x.toFloatArray(), y.toFloatArray());
                    // the zero term keeps x in the graph when share = 0 detaches y entirely
                    gc.backward(y.square().sum().add(org.masrrepro.baselines.nn.ScalarOps.mul(x, 0).sum()));
                }
                float[] g = x.getGradient().toFloatArray();
                float[] v = x.toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    assertEquals(share * 2 * v[i], g[i], 1e-5, "share " + share);
                }
            }
        }
    }

    @Test
    void tooFewLayersIsAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(2, 32, 16);
            ConformerEncoder enc = new ConformerEncoder(new ConformerConfig(16, 32, 1, 2, 2, 5, 4, 0f));
            enc.initialize(m, DataType.FLOAT32, shape);
            W2vBert q = new W2vBert(config());
            q.initialize(m, DataType.FLOAT32, shape, 32);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> q.forward(new ParameterStore(m, false), enc, m.randomNormal(shape), new SplittableRandom(1), true));
            assertTrue(e.getMessage().contains("contrastive_layers"), e.getMessage());
        }
    }

    @Test
    void pretrainingLossDecreasesAndIsDeterministic(@TempDir Path tmp) throws IOException {
        OptimizerConfig opt = new OptimizerConfig(2e-3, 3, "linear_decay", 0.01, 0.9, 0.98, 1e-8, 1.0);
        ToyFeatures data = new ToyFeatures(24, 16, 3, 5);
        TrainResult[] runs = new TrainResult[2];
        for (int r = 0; r < 2; r++) {
            runs[r] = Pretrainer.builder().setEncoder(ENC).setObjective(new W2vBert(config()))
                    .setData(data).setBatchSize(4).setCropFrames(64).setTotalSteps(40).setOptimizer(opt)
                    .setSeed(42).setWorkDir(tmp.resolve("run" + r)).optCheckpointEvery(40).optLogEvery(1).build().run();
        }
        List<String> lines = Files.readAllLines(runs[0].metricsCsv());
        double first = mean(lines.subList(1, 6));
        double last = mean(lines.subList(lines.size() - 5, lines.size()));
        System.out.printf("w2v-BERT toy pretraining: mean loss of steps 1-5 %.4f, of steps 36-40 %.4f%n", first, last);
        assertTrue(last < first, "loss went from " + first + " to " + last);
        assertEquals(runs[0].finalLoss(), runs[1].finalLoss(), "same seed, same loss");
        assertEquals(Files.readString(runs[0].metricsCsv()), Files.readString(runs[1].metricsCsv()));
    }

    private static double mean(List<String> rows) {
        return rows.stream().mapToDouble(l -> Double.parseDouble(l.split(",")[1])).average().orElseThrow();
    }
}
