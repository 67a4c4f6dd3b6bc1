package org.masrrepro.baselines.asr;

import java.util.Arrays;

/** Best-path CTC decoding: the most likely class per frame, repeats merged, blanks removed. */
public final class CtcGreedyDecoder {

    private CtcGreedyDecoder() {}

    /** Class ids of the best path of scores {@code [frame][class]} (log-probabilities or logits). */
    public static int[] decode(float[][] scores) {
        int[] out = new int[scores.length];
        int n = 0;
        int prev = -1;
        for (float[] frame : scores) {
            int best = 0;
            for (int k = 1; k < frame.length; k++) {
                if (frame[k] > frame[best]) {
                    best = k;
                }
            }
            if (best != prev && best != CharVocabulary.BLANK) {
                out[n++] = best;
            }
            prev = best;
        }
        return Arrays.copyOf(out, n);
    }
}
