package org.masrrepro.baselines.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The one training loop behind pretraining and fine-tuning. Every random draw of step s (batch, crops, masks,
 * dropout) comes from {@code new SplittableRandom(mix(seed, s))}, so resuming from a checkpoint at step s replays
 * exactly what an uninterrupted run does; checkpoints carry parameters, AdamW moments and the step. The engine RNG is
 * still re-seeded per step, only as a guard for blocks from other modules that might draw from it.
 *
 * <p>Memory: each step runs in a sub-manager closed at its end; AdamW moments live in the root manager.
 */
final class TrainLoop {

    /** Step checkpoints kept besides {@code final}. */
    private static final int KEEP = 2;
    /**
     * Recomputations of a step whose loss or gradient is not finite. Seen rarely on CPU (2 in ~4,000 steps) and not
     * reproducible from the same state, so recomputing with the same seeds recovers the exact step.
     */
    static final int MAX_RETRIES = 2;
    private int totalRetries;

    private final Settings s;

    /**
     * Everything a run needs; filled by {@link Pretrainer} and the LID trainer's builders. {@code keepMilestones}:
     * keep a checkpoint at every tenth of the run, for runs that others continue from (pretraining).
     */
    record Settings(String phase, TrainTask task, FeatureSet data, BatchSampler sampler, int batchSize, int cropFrames,
            int totalSteps, OptimizerConfig optimizer, long seed, Path workDir, int checkpointEvery, int logEvery,
            Device device, ProgressListener progress, Integer stopAfterSteps, Path initEncoderFrom,
            boolean keepMilestones) {}

    TrainLoop(Settings settings) {
        this.s = settings;
    }

    TrainResult run() throws IOException {
        Files.createDirectories(s.workDir());
        Path metricsCsv = s.workDir().resolve("metrics.csv");
        Device device = s.device() != null ? s.device() : Engine.getInstance().defaultDevice();
        try (NDManager root = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed(seedInt(s.seed(), -1));
            s.task().initialize(root, new Shape(s.batchSize(), s.cropFrames(), s.data().dim()));
            if (s.initEncoderFrom() != null) {
                Checkpoint.loadParts(s.initEncoderFrom(), s.task().parts(), root);
            }
            PairList<String, Parameter> params = s.task().model().getParameters();
            AdamW adam = new AdamW(s.optimizer(), root);
            int start = 0;
            Path finalDir = s.workDir().resolve(Checkpoint.FINAL);
            if (Checkpoint.isComplete(finalDir)) {
                Checkpoint.prune(s.workDir(), 0); // in case the process died between saving final and pruning
                return new TrainResult(Checkpoint.step(finalDir), true, lastLoss(metricsCsv), Double.NaN, finalDir, metricsCsv, 0);
            }
            Optional<Path> latest = Checkpoint.latest(s.workDir());
            if (latest.isPresent()) {
                Checkpoint.load(latest.get(), s.task().model(), adam, root);
                start = Checkpoint.step(latest.get());
            }
            for (Pair<String, Parameter> p : params) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            List<String> rows = readRows(metricsCsv, start);
            List<String> metricNames = null;
            double loss = Double.NaN;
            long t0 = System.nanoTime();
            int stepsThisRun = 0;
            for (int step = start; step < s.totalSteps(); step++) {
                Map<String, Float> metrics;
                try (NDManager sub = root.newSubManager()) {
                    TrainTask.Output out = null;
                    double gradNorm = Double.NaN;
                    int retries = 0;
                    for (;; retries++) {
                        // The same seeds on every attempt: a retry recomputes exactly what the step would have been.
                        Engine.getInstance().setRandomSeed(seedInt(s.seed(), step));
                        SplittableRandom rnd = new SplittableRandom(mix(s.seed(), step));
                        int[] items = s.sampler().sample(step, s.batchSize(), rnd.split());
                        NDArray x = s.task().input(sub, s.data(), items, s.cropFrames(), rnd.split());
                        ParameterStore ps = new ParameterStore(sub, false);
                        s.task().beginStep(step);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            out = s.task().forward(ps, x, items, rnd.split(), true);
                            gc.backward(out.loss());
                        }
                        loss = out.loss().getFloat();
                        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                            gradNorm = AdamW.gradientNorm(params, s.task().trainable(step));
                        }
                        if (Double.isFinite(loss) && Double.isFinite(gradNorm)) {
                            break;
                        }
                        AdamW.zeroGradients(params);
                        if (retries == MAX_RETRIES) {
                            throw new IllegalStateException(s.phase() + ": loss " + loss + ", gradient norm " + gradNorm
                                    + " at step " + step + " after " + MAX_RETRIES + " retries; lower the learning rate "
                                    + "or check the data (the last checkpoint is intact: re-run to resume)");
                        }
                        System.err.printf("%s: non-finite loss %s or gradient norm %s at step %d; recomputing the step%n",
                                s.phase(), loss, gradNorm, step);
                    }
                    double lr = s.optimizer().learningRate(step, s.totalSteps());
                    try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                        adam.step(params, lr, step + 1L, s.task().trainable(step), gradNorm,
                                s.task().learningRateScale(step));
                    }
                    metrics = new TreeMap<>(out.metrics());
                    metrics.put("grad_norm", (float) gradNorm);
                    metrics.put("lr", (float) lr);
                    totalRetries += retries;
                }
                stepsThisRun++;
                int done = step + 1;
                if (done % s.logEvery() == 0 || done == s.totalSteps()) {
                    if (metricNames == null) {
                        metricNames = new ArrayList<>(metrics.keySet());
                    }
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%.6f", done, loss));
                    for (String k : metricNames) {
                        row.append(String.format(Locale.ROOT, ",%.6g", metrics.getOrDefault(k, Float.NaN)));
                    }
                    rows.add(row.toString());
                    writeRows(metricsCsv, metricNames, rows);
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    s.progress().onProgress(s.phase(), done, s.totalSteps(), loss,
                            elapsed / stepsThisRun * (s.totalSteps() - done));
                }
                boolean stop = s.stopAfterSteps() != null && stepsThisRun >= s.stopAfterSteps() && done < s.totalSteps();
                if (done % s.checkpointEvery() == 0 || stop) {
                    Checkpoint.save(s.workDir(), Checkpoint.stepName(done), s.task().model(), s.task().parts(), adam,
                            done, s.seed(), s.totalSteps(), loss);
                    Checkpoint.prune(s.workDir(), KEEP);
                }
                if (s.keepMilestones() && isMilestone(done, s.totalSteps())) {
                    Checkpoint.save(s.workDir(), Checkpoint.milestoneName(done), s.task().model(), s.task().parts(),
                            adam, done, s.seed(), s.totalSteps(), loss);
                }
                if (stop) {
                    return new TrainResult(done, false, loss, stepsThisRun / ((System.nanoTime() - t0) / 1e9), null, metricsCsv,
                            totalRetries);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Path fin = Checkpoint.save(s.workDir(), Checkpoint.FINAL, s.task().model(), s.task().parts(), adam,
                    s.totalSteps(), s.seed(), s.totalSteps(), loss);
            // A finished run returns its final checkpoint and never resumes: the step checkpoints only cost disk
            // (about 37 MB each at cpu scale).
            Checkpoint.prune(s.workDir(), 0);
            return new TrainResult(s.totalSteps(), true, loss, stepsThisRun == 0 ? Double.NaN : stepsThisRun / seconds,
                    fin, metricsCsv, totalRetries);
        }
    }

    /** Milestones: every tenth of the run (steps k*T/10 for k = 1..9 when T is a multiple of 10). */
    static boolean isMilestone(int step, int total) {
        return total >= 10 && total % 10 == 0 && step % (total / 10) == 0 && step < total;
    }

    static long mix(long seed, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + step + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int seedInt(long seed, long step) {
        return (int) (mix(seed, step) & 0x7fffffff);
    }

    /** Rows of an earlier run's log up to the resumed step, so a resumed log equals an uninterrupted one. */
    private static List<String> readRows(Path csv, int upToStep) throws IOException {
        List<String> rows = new ArrayList<>();
        if (!Files.isRegularFile(csv)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            int comma = line.indexOf(',');
            if (comma > 0 && Integer.parseInt(line.substring(0, comma)) <= upToStep) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static void writeRows(Path csv, List<String> names, List<String> rows) throws IOException {
        StringBuilder sb = new StringBuilder("step,loss");
        for (String n : names) {
            sb.append(',').append(n);
        }
        sb.append('\n');
        for (String r : rows) {
            sb.append(r).append('\n');
        }
        AtomicFiles.writeString(csv, sb.toString());
    }

    private static double lastLoss(Path csv) throws IOException {
        List<String> rows = readRows(csv, Integer.MAX_VALUE);
        return rows.isEmpty() ? Double.NaN : Double.parseDouble(rows.get(rows.size() - 1).split(",")[1]);
    }
}
