package org.masrrepro.harness.steps;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.harness.spec.SpecJson;

import java.util.IdentityHashMap;
import java.util.Map;

/** Computes step hashes: SHA-256 over kind, version, inputs and the dependencies' hashes (memoised per step). */
public final class StepId {

    /** Hex characters of the hash used in directory names. */
    public static final int SHORT = 16;

    private final Map<Step, String> cache = new IdentityHashMap<>();

    /** Full hex hash of a step. */
    public String hash(Step step) {
        String h = cache.get(step);
        if (h == null) {
            JsonObject key = new JsonObject();
            key.addProperty("kind", step.kind());
            key.addProperty("version", step.version());
            key.add("inputs", step.inputs());
            JsonArray deps = new JsonArray();
            for (Step d : step.dependencies()) {
                deps.add(hash(d));
            }
            key.add("dependencies", deps);
            h = SpecJson.sha256(key);
            cache.put(step, h);
        }
        return h;
    }

    /** Directory name of a step: kind plus the first {@link #SHORT} hex digits of its hash. */
    public String dirName(Step step) {
        return step.kind() + "/" + hash(step).substring(0, SHORT);
    }
}
