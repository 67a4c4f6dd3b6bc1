package org.masrrepro.baselines.nn;

import java.util.SplittableRandom;

/**
 * Span masking as in wav2vec 2.0 / BEST-RQ: every frame starts a masked span with a fixed probability; spans may
 * overlap. A row that would get no span gets one at a uniform position, so every utterance has a training signal.
 */
public final class SpanMasking {

    private SpanMasking() {}

    /**
     * A {@code [batch][frames]} mask.
     *
     * @param startProbability probability that a frame starts a span
     * @param spanFrames       span length in frames
     * @param random           the only source of randomness (draws: one double per frame, then at most one int per row)
     */
    public static boolean[][] sample(int batch, int frames, double startProbability, int spanFrames,
            SplittableRandom random) {
        boolean[][] m = new boolean[batch][frames];
        for (int i = 0; i < batch; i++) {
            boolean any = false;
            for (int j = 0; j < frames; j++) {
                if (random.nextDouble() < startProbability) {
                    fill(m[i], j, spanFrames);
                    any = true;
                }
            }
            if (!any) {
                fill(m[i], random.nextInt(Math.max(1, frames - spanFrames + 1)), spanFrames);
            }
        }
        return m;
    }

    /** Fraction of masked frames. */
    public static double fraction(boolean[][] mask) {
        long on = 0;
        long all = 0;
        for (boolean[] row : mask) {
            for (boolean b : row) {
                on += b ? 1 : 0;
            }
            all += row.length;
        }
        return all == 0 ? 0 : (double) on / all;
    }

    private static void fill(boolean[] row, int start, int span) {
        for (int k = start; k < Math.min(row.length, start + span); k++) {
            row[k] = true;
        }
    }
}
