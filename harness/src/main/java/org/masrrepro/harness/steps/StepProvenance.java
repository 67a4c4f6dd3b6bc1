package org.masrrepro.harness.steps;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link StepRunner} wrote to a step's {@code provenance.json}, for the commands that look back at runs. */
public final class StepProvenance {

    private StepProvenance() {}

    /** The provenance of the step in {@code stepDir}, or null when it has none (not run, or still running). */
    public static JsonObject read(Path stepDir) throws IOException {
        Path f = stepDir.resolve(StepRunner.PROVENANCE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonObject p = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8)).getAsJsonObject();
            dependencyDirs(p); // throws on a malformed list, so no walk over the dependencies stops short silently
            return p;
        } catch (RuntimeException e) {
            throw new IOException(f + ": not a provenance JSON object of this harness (" + e.getMessage()
                    + "); delete the step directory to re-run it", e);
        }
    }

    /** The directories (relative to the runs root) of the steps it was computed from, in recorded order. */
    public static List<String> dependencyDirs(JsonObject provenance) {
        List<String> out = new ArrayList<>();
        if (provenance.has("dependencies")) {
            for (JsonElement d : provenance.getAsJsonArray("dependencies")) {
                out.add(d.getAsJsonObject().get("dir").getAsString());
            }
        }
        return out;
    }

    /** The SHA-256 the step recorded in {@code input_hashes} under {@code name}; null when none was recorded. */
    public static String inputHash(JsonObject provenance, String name) throws IOException {
        return hash(provenance, "input_hashes", name);
    }

    /** The SHA-256 the step recorded in {@code output_hashes} under {@code name}; null when none was recorded. */
    public static String outputHash(JsonObject provenance, String name) throws IOException {
        return hash(provenance, "output_hashes", name);
    }

    private static String hash(JsonObject provenance, String group, String name) throws IOException {
        if (provenance == null || !provenance.has(group) || provenance.get(group).isJsonNull()) {
            return null;
        }
        if (!provenance.get(group).isJsonObject()) {
            throw new IOException(group + " is not a JSON object of name: SHA-256");
        }
        JsonElement h = provenance.getAsJsonObject(group).get(name);
        if (h == null || h.isJsonNull()) {
            return null;
        }
        if (!h.isJsonPrimitive() || !h.getAsString().matches("[0-9a-f]{64}")) {
            throw new IOException(group + "." + name + " is not a SHA-256 hex digest: " + h);
        }
        return h.getAsString();
    }

    /** The machine it ran on ({@link Environment#describe}), or null for a step recorded without one. */
    public static JsonObject environment(JsonObject provenance) {
        return provenance.has("environment") && provenance.get("environment").isJsonObject()
                ? provenance.getAsJsonObject("environment") : null;
    }
}
