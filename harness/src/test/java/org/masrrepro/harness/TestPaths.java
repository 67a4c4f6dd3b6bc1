package org.masrrepro.harness;

import java.nio.file.Path;

/** Locations the tests share: the repository root (set by Surefire) and its spec directory. */
public final class TestPaths {

    private TestPaths() {}

    public static Path repoRoot() {
        return Path.of(System.getProperty("masr.repoRoot", "..")).toAbsolutePath().normalize();
    }

    /** URIEL and Glottolog (system property masr.sharedData, else ../shared/data beside the repository). */
    public static Path sharedData() {
        return Path.of(System.getProperty("masr.sharedData", repoRoot().resolve("../shared/data").toString()))
                .toAbsolutePath().normalize();
    }

    public static Path specs() {
        return repoRoot().resolve("harness").resolve("specs");
    }
}
