package org.masrrepro.harness.steps;

import java.nio.charset.StandardCharsets;

/** Derives independent, named seeds from the one root seed, so every random stream traces back to it. */
public final class Seeds {

    private Seeds() {}

    /** A seed for stream {@code name}: SplitMix64 of the root seed mixed with a stable hash of the name. */
    public static long derive(long root, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64 of the name: stable across JVMs, unlike String.hashCode mixing
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(root ^ mix(h)) & Long.MAX_VALUE;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
