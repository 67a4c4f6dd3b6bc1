package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.util.Hashes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded helpers: a random stream per named purpose, and Fisher-Yates shuffles from it. */
final class Seeded {

    private Seeded() {}

    /** A stream for one purpose: the same seed and name always give the same numbers, whatever else is drawn. */
    static SplittableRandom stream(long seed, String purpose) {
        return new SplittableRandom(seed ^ stableHash(purpose));
    }

    /** The first 64 bits of SHA-256 of {@code s}: stable across JVMs (unlike String.hashCode mixing). */
    static long stableHash(String s) {
        return Long.parseUnsignedLong(Hashes.sha256(s.getBytes(StandardCharsets.UTF_8)).substring(0, 16), 16);
    }

    static <T> void shuffle(List<T> list, SplittableRandom rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
