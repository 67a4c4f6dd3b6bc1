package org.masrrepro.baselines;

import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.ssl.BestRq;
import org.masrrepro.baselines.ssl.BestRqConfig;
import org.masrrepro.baselines.ssl.W2vBert;
import org.masrrepro.baselines.ssl.W2vBertConfig;
import org.masrrepro.baselines.train.OptimizerConfig;
import org.masrrepro.baselines.train.Pretrainer;
import org.masrrepro.baselines.train.ToyFeatures;
import org.masrrepro.baselines.train.TrainResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: BEST-RQ pretraining speed at the cpu profile's size (D 144, 4 layers, 4 heads, kernel 15, batch 16,
 * crop 200 frames of 80 log-mels). Run with {@code -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=N}; args:
 * steps (default 12), dropout (default 0), objective (best-rq, default, or w2v-bert at the cpu profile's w2v-BERT
 * sizes). Prints steady-state steps/s (first 2 steps excluded). On a shared
 * machine set {@code OMP_WAIT_POLICY=PASSIVE} when using more than one thread (busy-waiting OpenMP threads were 5x
 * slower under contention).
 */
public final class SpeedProbe {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        float dropout = args.length > 1 ? Float.parseFloat(args[1]) : 0f;
        boolean w2v = args.length > 2 && args[2].equals("w2v-bert");
        ConformerConfig enc = new ConformerConfig(80, 144, 4, 4, 4, 15, 4, dropout);
        List<Long> times = new ArrayList<>();
        Path dir = Files.createTempDirectory("speed");
        TrainResult r = Pretrainer.builder().setEncoder(enc)
                .setObjective(w2v
                        ? new W2vBert(new W2vBertConfig(1, 1024, 1, 128, 0.065, 10, 20, 0.1, 0.1, 1, 1, 2, 0.5, 0.999, 1))
                        : new BestRq(new BestRqConfig(4, 1024, 16, 0.01, 10, 0.1, 1)))
                .setData(new ToyFeatures(64, 80, 4, 1)).setBatchSize(16).setCropFrames(200).setTotalSteps(steps)
                .setOptimizer(new OptimizerConfig(1e-3, 300, "inverse_sqrt", 0.01, 0.9, 0.98, 1e-9, 1.0))
                .setSeed(1).setWorkDir(dir).optLogEvery(1).optCheckpointEvery(1_000_000)
                .optProgress((phase, done, total, loss, eta) -> times.add(System.nanoTime())).build().run();
        double steady = (times.size() - 3) / ((times.get(times.size() - 1) - times.get(2)) / 1e9);
        System.out.printf("objective=%s threads=%s dropout=%s steps=%d overall=%.3f steps/s steady=%.3f steps/s (%.3f s/step) loss=%.3f%n",
                w2v ? "w2v-bert" : "best-rq", System.getProperty("ai.djl.pytorch.num_threads"), dropout, steps, r.stepsPerSecond(), steady, 1 / steady,
                r.finalLoss());
    }
}
