package org.masrrepro.baselines.train;

import java.util.SplittableRandom;

/** Chooses the items of each training batch; the loop passes a random stream derived from the seed and step. */
@FunctionalInterface
public interface BatchSampler {

    int[] sample(long step, int batchSize, SplittableRandom random);

    /** Uniform sampling without replacement within a batch (with replacement when the set is smaller than a batch). */
    static BatchSampler uniform(int size) {
        return (step, batchSize, random) -> {
            int[] out = new int[batchSize];
            if (size < batchSize) {
                for (int i = 0; i < batchSize; i++) {
                    out[i] = random.nextInt(size);
                }
                return out;
            }
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < batchSize; ) {
                int k = random.nextInt(size);
                if (seen.add(k)) {
                    out[i++] = k;
                }
            }
            return out;
        };
    }
}
