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

    /** Copies the spec directory to {@code to} so a test can add specs beside the real ones. */
    public static Path copySpecs(Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(specs())) {
            for (Path f : files.toList()) {
                Path dest = to.resolve(specs().relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(dest);
                } else {
                    java.nio.file.Files.copy(f, dest);
                }
            }
        }
        return to;
    }
}
