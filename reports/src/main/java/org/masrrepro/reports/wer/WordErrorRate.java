package org.masrrepro.reports.wer;

import java.util.List;

/**
 * Word error rate by dynamic-programming alignment of word sequences, weighted as sclite weighs them by default
 * (correct 0, substitution 4, insertion 3, deletion 3), so the substitution, deletion and insertion counts match
 * sclite's; among equal-cost paths the backtrace prefers a match or substitution, then a deletion.
 */
public final class WordErrorRate {

    /** Error counts over one or more utterances. */
    public record Counts(long referenceWords, long substitutions, long deletions, long insertions) {
        public Counts plus(Counts o) {
            return new Counts(referenceWords + o.referenceWords, substitutions + o.substitutions,
                    deletions + o.deletions, insertions + o.insertions);
        }

        /** WER in percent ((S + D + I) / N); NaN without reference words. */
        public double wer() {
            return referenceWords == 0 ? Double.NaN : 100.0 * (substitutions + deletions + insertions) / referenceWords;
        }
    }

    static final int SUB = 4;
    static final int INS = 3;
    static final int DEL = 3;

    private WordErrorRate() {}

    public static Counts align(List<String> ref, List<String> hyp) {
        int n = ref.size();
        int m = hyp.size();
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i * DEL;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j * INS;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int sub = cost[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : SUB);
                cost[i][j] = Math.min(sub, Math.min(cost[i - 1][j] + DEL, cost[i][j - 1] + INS));
            }
        }
        long s = 0;
        long d = 0;
        long ins = 0;
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : SUB)) {
                s += ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1;
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + DEL) {
                d++;
                i--;
            } else {
                ins++;
                j--;
            }
        }
        return new Counts(n, s, d, ins);
    }
}
