package org.masrrepro.baselines.lid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.train.OptimizerConfig;
import org.masrrepro.baselines.train.Pretrainer;
import org.masrrepro.baselines.train.ToyFeatures;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LID fine-tuning from a pretrained encoder: learns a separable toy task, resumes exactly. */
class LidTrainerTest {

    static final ConformerConfig ENC = new ConformerConfig(16, 32, 1, 2, 2, 5, 4, 0.0f);
    static final OptimizerConfig OPT = new OptimizerConfig(3e-3, 5, "constant", 0.0, 0.9, 0.98, 1e-8, 1.0);
    static final ToyFeatures TRAIN = new ToyFeatures(30, 16, 3, 1);
    static final ToyFeatures TEST = new ToyFeatures(15, 16, 3, 2);

    static LidTrainer.Builder builder(Path dir, Path init, int steps) {
        return LidTrainer.builder().setEncoder(ENC).optInitFrom(init).setData(TRAIN, TRAIN.labels(), 3)
                .setBatchSize(6).setCropFrames(32).setTotalSteps(steps).setOptimizer(OPT).setSeed(3).setWorkDir(dir)
                .optCheckpointEvery(10).optLogEvery(5).optFreezeEncoderSteps(3);
    }

    @Test
    void freezeStepsTrainTheHeadOnly(@TempDir Path tmp) throws IOException {
        TrainResult r = builder(tmp.resolve("frozen"), null, 4).optFreezeEncoderSteps(4).optLogEvery(1).build().run();
        List<String> rows = Files.readAllLines(r.metricsCsv());
        int gradCol = List.of(rows.get(0).split(",")).indexOf("grad_norm");
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(Double.parseDouble(row.split(",")[gradCol]) > 0, "the head must receive gradients: " + row);
        }
        // The encoder is untouched while frozen: same bytes as a run of 0 steps would have (its initialisation).
        TrainResult none = builder(tmp.resolve("init"), null, 1).optFreezeEncoderSteps(1).build().run();
        assertArrayEquals(Files.readAllBytes(none.finalCheckpoint().resolve("encoder.params")),
                Files.readAllBytes(r.finalCheckpoint().resolve("encoder.params")));
    }

    @Test
    void learnsAndResumesExactly(@TempDir Path tmp) throws IOException {
        TrainResult pre = Pretrainer.builder().setEncoder(ENC)
                .setObjective(new org.masrrepro.baselines.ssl.BestRq(
                        new org.masrrepro.baselines.ssl.BestRqConfig(4, 16, 8, 0.1, 2, 0.1, 7)))
                .setData(TRAIN).setBatchSize(4).setCropFrames(32).setTotalSteps(4).setOptimizer(OPT)
                .setSeed(1).setWorkDir(tmp.resolve("pre")).build().run();
        TrainResult full = builder(tmp.resolve("full"), pre.finalCheckpoint(), 60).build().run();
        // nothing continues from a fine-tuning: only its final checkpoint is kept (no milestones, no step checkpoints)
        try (var files = Files.list(tmp.resolve("full"))) {
            assertEquals(List.of("final"), files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.endsWith(".csv")).sorted().toList());
        }
        builder(tmp.resolve("cut"), pre.finalCheckpoint(), 60).optStopAfterSteps(23).build().run();
        TrainResult resumed = builder(tmp.resolve("cut"), pre.finalCheckpoint(), 60).build().run();
        assertEquals(full.finalLoss(), resumed.finalLoss());
        assertArrayEquals(Files.readAllBytes(full.finalCheckpoint().resolve("model.params")),
                Files.readAllBytes(resumed.finalCheckpoint().resolve("model.params")));

        try (LidModel m = LidModel.load(full.finalCheckpoint(), ENC, 3, null)) {
            float[][] lp = m.logProbabilities(TEST, ProgressListener.NONE);
            int[] y = TEST.labels();
            int ok = 0;
            for (int i = 0; i < lp.length; i++) {
                int best = 0;
                for (int c = 1; c < 3; c++) {
                    best = lp[i][c] > lp[i][best] ? c : best;
                }
                ok += best == y[i] ? 1 : 0;
            }
            assertTrue(ok >= 12, "toy accuracy " + ok + "/15");
            float[][] again = m.logProbabilities(TEST, ProgressListener.NONE);
            assertArrayEquals(lp[0], again[0], "scoring is deterministic");
        }
    }
}
