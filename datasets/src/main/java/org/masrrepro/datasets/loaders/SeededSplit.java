package org.masrrepro.datasets.loaders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A train/dev/test split drawn with a seed, for corpora that ship none: the units of one language (speakers, or
 * utterances where a corpus names no speakers) are shuffled and the first {@code testFraction} go to test, the next
 * {@code devFraction} to dev, the rest to train. Fewer than 3 units all go to train. Deterministic: the same units,
 * seed and language give the same split on any machine.
 *
 * @param seed         seed of the shuffle (mixed with the language, so languages are shuffled independently)
 * @param devFraction  share of the units in dev, in [0, 1)
 * @param testFraction share of the units in test, in (0, 1); dev + test below 1
 */
record SeededSplit(long seed, double devFraction, double testFraction) {

    SeededSplit {
        if (!(devFraction >= 0 && testFraction > 0 && devFraction + testFraction < 1)) {
            throw new IllegalArgumentException("need dev >= 0, test > 0 and dev + test < 1, found " + devFraction
                    + ", " + testFraction);
        }
    }

    /** Unit -> split for one language's units ({@code units} sorted, so the shuffle does not depend on input order). */
    Map<String, String> assign(String language, List<String> units) {
        List<String> shuffled = new ArrayList<>(units);
        SplittableRandom r = new SplittableRandom(seed ^ (language.hashCode() * 0x9E3779B97F4A7C15L));
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        int n = shuffled.size();
        int nTest = n < 3 ? 0 : Math.max(1, (int) Math.round(testFraction * n));
        int nDev = n < 3 || devFraction == 0 ? 0 : Math.max(1, (int) Math.round(devFraction * n));
        Map<String, String> splitOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            splitOf.put(shuffled.get(i), i < nTest ? "test" : i < nTest + nDev ? "dev" : "train");
        }
        return splitOf;
    }

    /** The card's note: how the split was drawn, e.g. {@code ... test 0.10, dev 0.10 of the speakers ...}. */
    String describe(String units, String property) {
        return String.format(java.util.Locale.ROOT, "split: %s shuffled per language with seed %d; test %.2f, dev %.2f "
                + "of the %s, the rest train (%s)", units, seed, testFraction, devFraction, units, property);
    }
}
