package org.masrrepro.harness.steps;

import org.masrrepro.datasets.util.AtomicFiles;
import ai.djl.Device;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs steps in dependency order under a runs root, each in {@code <root>/<kind>/<hash>/}; skips steps whose
 * {@code DONE} marker exists, writes {@code provenance.json} and then {@code DONE} last after each finished step.
 * A step that was interrupted has no {@code DONE} and runs again, resuming from whatever checkpoints it left.
 */
public final class StepRunner {

    /** Completion marker, written last. */
    public static final String DONE = "DONE";
    /** Provenance file of every step. */
    public static final String PROVENANCE = "provenance.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().serializeNulls().create();

    private final Path runsRoot;
    private final Device device;
    private final ProgressListener progress;
    private final PrintStream log;
    private final StepId ids = new StepId();
    private final Set<String> finishedThisRun = new HashSet<>();
    private JsonObject requester = new JsonObject();
    private OptionalInt interruptAfterSteps = OptionalInt.empty();
    private Path dataDir = Environment.repoRoot().resolve("..").resolve("shared").resolve("data").normalize();

    public StepRunner(Path runsRoot, Device device, ProgressListener progress, PrintStream log) {
        this.runsRoot = runsRoot;
        this.device = device;
        this.progress = progress;
        this.log = log;
    }

    /** Who asks for the next steps (spec id, profile, root seed): recorded in provenance, not hashed. */
    public void setRequester(String specId, String profile, long rootSeed) {
        JsonObject r = new JsonObject();
        r.addProperty("spec", specId);
        r.addProperty("profile", profile);
        r.addProperty("root_seed", rootSeed);
        requester = r;
    }

    /** Makes training steps stop after {@code steps} steps in this process, leaving them unfinished (tests resume). */
    public void setInterruptAfterSteps(int steps) {
        interruptAfterSteps = OptionalInt.of(steps);
    }

    /** Directory holding uriel/ and glottolog/ (lang2vec and Glottolog files), read by metadata encoders. */
    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }

    OptionalInt interruptAfterSteps() {
        return interruptAfterSteps;
    }

    public Path runsRoot() {
        return runsRoot;
    }

    public StepId ids() {
        return ids;
    }

    /** Output directory of a step (whether or not it has run). */
    public Path dirOf(Step step) {
        return runsRoot.resolve(ids.dirName(step));
    }

    public boolean isDone(Step step) {
        return Files.isRegularFile(dirOf(step).resolve(DONE));
    }

    /** Runs {@code step} after its dependencies unless already done; returns its directory. */
    public Path run(Step step) {
        for (Step dep : step.dependencies()) {
            run(dep);
        }
        Path dir = dirOf(step);
        String hash = ids.hash(step);
        if (finishedThisRun.contains(hash)) {
            return dir;
        }
        if (isDone(step)) {
            try {
                step.checkReusable(dir, dataDir);
            } catch (IOException e) {
                throw new StepFailedException(step.kind() + " step " + step.title() + " in " + dir
                        + " cannot be reused: " + e.getMessage(), e);
            }
            log.printf("[%s] %s: done earlier, reusing %s%n", step.kind(), step.title(), runsRoot.relativize(dir));
            warn(step, dir);
            finishedThisRun.add(hash);
            return dir;
        }
        try {
            Files.createDirectories(dir);
            boolean resumed = Files.exists(dir.resolve(PROVENANCE + ".started"));
            AtomicFiles.writeString(dir.resolve(PROVENANCE + ".started"), Instant.now().toString());
            log.printf("[%s] %s: %s in %s%n", step.kind(), step.title(), resumed ? "resuming" : "running",
                    runsRoot.relativize(dir));
            StepContext ctx = new StepContext(dir, this, device, progress);
            long t0 = System.nanoTime();
            Instant started = Instant.now();
            step.execute(ctx);
            double seconds = (System.nanoTime() - t0) / 1e9;
            writeProvenance(step, ctx, started, seconds, resumed);
            AtomicFiles.writeString(dir.resolve(DONE), hash + "\n");
            Files.deleteIfExists(dir.resolve(PROVENANCE + ".started"));
            log.printf("[%s] %s: finished in %.1f s%n", step.kind(), step.title(), seconds);
            warn(step, dir);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailedException(step.kind() + " step " + step.title() + " failed in " + dir + ": " + e.getMessage(), e);
        }
        finishedThisRun.add(hash);
        return dir;
    }

    private void warn(Step step, Path dir) {
        for (String w : step.warnings(dir)) {
            log.printf("[%s] WARNING: %s%n", step.kind(), w);
        }
    }

    private void writeProvenance(Step step, StepContext ctx, Instant started, double seconds, boolean resumed) {
        JsonObject p = new JsonObject();
        p.addProperty("kind", step.kind());
        p.addProperty("version", step.version());
        p.addProperty("hash", ids.hash(step));
        p.add("inputs", step.inputs());
        JsonArray deps = new JsonArray();
        for (Step d : step.dependencies()) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", d.kind());
            o.addProperty("hash", ids.hash(d));
            o.addProperty("dir", runsRoot.relativize(dirOf(d)).toString());
            deps.add(o);
        }
        p.add("dependencies", deps);
        p.add("requested_by", requester);
        p.add("input_hashes", GSON.toJsonTree(ctx.inputHashes()));
        p.add("output_hashes", GSON.toJsonTree(ctx.outputHashes()));
        p.add("measurements", GSON.toJsonTree(ctx.measurements()));
        p.addProperty("device", device.toString());
        p.addProperty("started", started.toString());
        p.addProperty("finished", Instant.now().toString());
        p.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
        p.addProperty("resumed_from_partial_output", resumed);
        JsonObject env = new JsonObject();
        for (Map.Entry<String, Object> e : Environment.describe().entrySet()) {
            env.add(e.getKey(), GSON.toJsonTree(e.getValue()));
        }
        p.add("environment", env);
        try {
            AtomicFiles.writeString(ctx.dir().resolve(PROVENANCE), GSON.toJson(p) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A step failed; the message names the step and its directory. */
    public static final class StepFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
