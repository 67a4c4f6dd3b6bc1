package org.masrrepro.masr.mining;

/**
 * Hard triplets of a batch: for anchor i, {@code positive[i]} is the farthest same-label item and
 * {@code negative[i]} the nearest other-label item; -1 when the anchor has none (it then adds no loss).
 */
public record Triplets(int[] positive, int[] negative) {

    /** Whether anchor i has both a positive and a negative. */
    public boolean valid(int i) {
        return positive[i] >= 0 && negative[i] >= 0;
    }

    /** Number of anchors with a full triplet. */
    public int validCount() {
        int n = 0;
        for (int i = 0; i < positive.length; i++) {
            n += valid(i) ? 1 : 0;
        }
        return n;
    }
}
