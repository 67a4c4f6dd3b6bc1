package org.masrrepro.baselines.asr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times {@link CtcLoss} (loss + gradient, reduction mean) on one random batch, single thread. Usage:
 * {@code java -cp baselines/target/classes org.masrrepro.baselines.asr.CtcBenchmark [B=16] [T=200] [C=40] [S=40]
 * [runs=50] [batch.json]}. With {@code batch.json} it also writes the batch, so that
 * {@code baselines/scripts/bench_ctc_torch.py batch.json} times PyTorch's native CTC (forward + backward) on the
 * same input. Prints the median and best time per batch.
 */
public final class CtcBenchmark {

    private CtcBenchmark() {}

    public static void main(String[] args) throws IOException {
        int b = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int t = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int c = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int s = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        SplittableRandom r = new SplittableRandom(7);
        float[] logits = new float[b * t * c];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (2 * r.nextGaussian());
        }
        int[] lengths = new int[b];
        int[][] targets = new int[b][];
        for (int i = 0; i < b; i++) {
            lengths[i] = t - r.nextInt(t / 4); // 75-100 % of T
            targets[i] = new int[s - r.nextInt(s / 4 + 1)];
            for (int j = 0; j < targets[i].length; j++) {
                targets[i][j] = 1 + r.nextInt(c - 1);
            }
        }
        if (args.length > 5) {
            Files.writeString(Path.of(args[5]), json(b, t, c, logits, lengths, targets), StandardCharsets.UTF_8);
        }
        CtcLoss ctc = CtcLoss.of(CtcLoss.Reduction.MEAN, false);
        for (int i = 0; i < 20; i++) {
            ctc.compute(logits, b, t, c, lengths, targets); // JIT warm-up
        }
        double[] ms = new double[runs];
        double loss = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            loss = ctc.compute(logits, b, t, c, lengths, targets).loss();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "java CtcLoss B=%d T=%d C=%d S=%d: median %.3f ms, best %.3f ms per batch "
                + "(loss + gradient, %d runs; loss %.6f)%n", b, t, c, s, ms[runs / 2], ms[0], runs, loss);
    }

    private static String json(int b, int t, int c, float[] logits, int[] lengths, int[][] targets) {
        StringBuilder sb = new StringBuilder("{\"batch\":").append(b).append(",\"time\":").append(t)
                .append(",\"classes\":").append(c).append(",\"input_lengths\":").append(Arrays.toString(lengths))
                .append(",\"targets\":[");
        for (int i = 0; i < b; i++) {
            sb.append(i > 0 ? "," : "").append(Arrays.toString(targets[i]));
        }
        sb.append("],\"logits\":[");
        for (int i = 0; i < logits.length; i++) {
            sb.append(i > 0 ? "," : "").append(logits[i]);
        }
        return sb.append("]}").toString();
    }
}
