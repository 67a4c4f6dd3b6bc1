package org.masrrepro.masr;

import org.masrrepro.baselines.train.BatchSampler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Batches of P labels x K utterances each, so every anchor has positives and negatives for hard-triplet mining.
 * Labels are drawn without replacement; utterances without replacement when a label has at least K.
 */
public final class PkSampler {

    private PkSampler() {}

    public static BatchSampler of(int[] labels, int p, int k) {
        Map<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byLabel.values());
        if (p > groups.size()) {
            throw new IllegalArgumentException("P = " + p + " labels per batch but the data has only " + groups.size());
        }
        if (p < 2 || k < 2) {
            throw new IllegalArgumentException("P and K must be >= 2 for every anchor to have a positive and a negative");
        }
        return (step, batchSize, random) -> {
            if (batchSize != p * k) {
                throw new IllegalArgumentException("batch size " + batchSize + " must equal P x K = " + p * k);
            }
            int[] order = new int[groups.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int[] out = new int[batchSize];
            int at = 0;
            for (int g = 0; g < p; g++) {
                List<Integer> items = new ArrayList<>(groups.get(order[g]));
                for (int j = 0; j < k; j++) {
                    if (items.size() >= k - j && !items.isEmpty()) {
                        out[at++] = items.remove(random.nextInt(items.size()));
                    } else {
                        List<Integer> all = groups.get(order[g]);
                        out[at++] = all.get(random.nextInt(all.size()));
                    }
                }
            }
            return out;
        };
    }
}
