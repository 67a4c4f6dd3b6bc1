package org.masrrepro.harness.spec;

import java.util.Arrays;
import java.util.Locale;

/** Scale profiles: override layers applied after {@code extends}. */
public enum Profile {
    /** Seconds; used by the test suite. */
    SMOKE,
    /** The default of {@code reproduce.sh} on a 2-core machine. */
    CPU,
    /** The paper's hyper-parameters, for a GPU cluster with the real data. */
    PAPER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String s) {
        for (Profile p : values()) {
            if (p.id().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile \"" + s + "\"; allowed: "
                + Arrays.stream(values()).map(Profile::id).toList());
    }
}
