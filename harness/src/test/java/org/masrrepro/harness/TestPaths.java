package org.masrrepro.harness;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locations the tests share: the repository root (set by Surefire) and its spec directory; and specs written for a
 * test, whose corpus is one of its own.
 */
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

    /**
     * Writes spec {@code id} into {@code specsRoot} (a copy of the repository's specs, made on first use):
     * {@code base} extended with {@code corpus} as its downstream corpus (fine-tuning and evaluation read it;
     * pretraining stays the base's analog) and {@code more} (JSON members, or empty) merged over it.
     */
    public static String downstreamSpec(Path specsRoot, String id, String base, JsonObject corpus, String more)
            throws IOException {
        if (Files.notExists(specsRoot)) {
            copySpecs(specsRoot);
        }
        JsonObject spec = JsonParser.parseString("{" + more + "}").getAsJsonObject();
        spec.addProperty("extends", base);
        JsonObject down = spec.has("downstream") ? spec.getAsJsonObject("downstream") : new JsonObject();
        down.add("corpus", corpus);
        spec.add("downstream", down);
        JsonObject report = spec.has("report") ? spec.getAsJsonObject("report") : new JsonObject();
        report.addProperty("row", id); // its own row: never averaged with the analog spec's
        spec.add("report", report);
        return write(specsRoot, id, spec);
    }

    /**
     * Writes spec {@code id} into {@code specsRoot} beside the repository's smoke profile (copied on first use) and
     * nothing else: table1/bestrq-fleurs with {@code corpus} as its experiment corpus (the one pretraining reads, and
     * fine-tuning and evaluation too), the analog's per-profile corpus sizes left out.
     */
    public static String corpusSpec(Path specsRoot, String id, JsonObject corpus) throws IOException {
        JsonObject spec = JsonParser.parseString(Files.readString(specs().resolve("table1/bestrq-fleurs.json")))
                .getAsJsonObject();
        spec.add("corpus", corpus);
        if (spec.has("profiles")) { // the analog spec's per-profile corpus sizes do not apply to a real corpus
            spec.getAsJsonObject("profiles").entrySet().forEach(e -> e.getValue().getAsJsonObject().remove("corpus"));
        }
        Path profile = specsRoot.resolve(SpecLoader.PROFILES_DIR).resolve("smoke.json");
        if (Files.notExists(profile)) { // the repository's smoke sizes for everything but the corpus
            Files.createDirectories(profile.getParent());
            Files.copy(specs().resolve(SpecLoader.PROFILES_DIR).resolve("smoke.json"), profile);
        }
        return write(specsRoot, id, spec);
    }

    private static String write(Path specsRoot, String id, JsonObject spec) throws IOException {
        Path file = specsRoot.resolve(id + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, spec.toString());
        return id;
    }
}
