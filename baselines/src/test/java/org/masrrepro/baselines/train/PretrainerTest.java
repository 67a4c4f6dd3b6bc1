package org.masrrepro.baselines.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.ssl.BestRq;
import org.masrrepro.baselines.ssl.BestRqConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BEST-RQ pretraining on toy data: learning, determinism, exact resume. */
class PretrainerTest {

    static final ConformerConfig ENC = new ConformerConfig(16, 32, 1, 2, 2, 5, 4, 0.1f);
    static final OptimizerConfig OPT = new OptimizerConfig(2e-3, 3, "linear_decay", 0.01, 0.9, 0.98, 1e-8, 1.0);
    static final ToyFeatures DATA = new ToyFeatures(24, 16, 3, 5);

    static Pretrainer.Builder builder(Path dir, int steps) {
        return Pretrainer.builder().setEncoder(ENC)
                .setObjective(new BestRq(new BestRqConfig(4, 32, 8, 0.1, 2, 0.1, 99)))
                .setData(DATA).setBatchSize(4).setCropFrames(32).setTotalSteps(steps).setOptimizer(OPT)
                .setSeed(42).setWorkDir(dir).optCheckpointEvery(5).optLogEvery(1);
    }

    @Test
    void resumeIsExactAndRunsAreDeterministic(@TempDir Path tmp) throws IOException {
        TrainResult full = builder(tmp.resolve("full"), 20).build().run();
        assertTrue(full.finished());
        // a finished pretraining keeps final and its milestones (continuations start there), no step checkpoints
        try (var files = Files.list(tmp.resolve("full"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("step-")), "step checkpoints left: " + names);
            assertTrue(names.contains(Checkpoint.milestoneName(10)) && names.contains(Checkpoint.FINAL), names.toString());
        }
        TrainResult again = builder(tmp.resolve("again"), 20).build().run();
        assertEquals(full.finalLoss(), again.finalLoss());

        TrainResult half = builder(tmp.resolve("resumed"), 20).optStopAfterSteps(7).build().run();
        assertFalse(half.finished());
        assertEquals(7, half.stepsDone());
        Path cut = Checkpoint.latest(tmp.resolve("resumed")).orElseThrow();
        assertEquals(7, Checkpoint.step(cut));
        assertTrue(Files.readString(cut.resolve("state.json")).contains("\"loss\""), "state.json records the loss");
        TrainResult rest = builder(tmp.resolve("resumed"), 20).build().run();
        assertTrue(rest.finished());
        assertEquals(full.finalLoss(), rest.finalLoss(), "resumed run must end with the same loss");
        assertArrayEquals(Files.readAllBytes(full.finalCheckpoint().resolve("model.params")),
                Files.readAllBytes(rest.finalCheckpoint().resolve("model.params")), "parameters differ after resume");
        assertArrayEquals(Files.readAllBytes(full.metricsCsv()), Files.readAllBytes(rest.metricsCsv()));
        assertArrayEquals(Files.readAllBytes(full.finalCheckpoint().resolve("model.params")),
                Files.readAllBytes(again.finalCheckpoint().resolve("model.params")), "two runs differ");
    }

    @Test
    void lossDecreases(@TempDir Path tmp) throws IOException {
        TrainResult r = builder(tmp, 40).build().run();
        var lines = Files.readAllLines(r.metricsCsv());
        double first = Double.parseDouble(lines.get(1).split(",")[1]);
        double last = r.finalLoss();
        assertTrue(last < first, "loss went from " + first + " to " + last);
    }
}
