package org.masrrepro.baselines.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.masrrepro.datasets.util.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A checkpoint directory: {@code model.params} (every trainable block), {@code encoder.params} (the encoder alone,
 * for fine-tuning or continued pretraining), {@code optimizer.bin} (AdamW moments), {@code state.json}
 * (step, seed, total steps, loss of the last step) and {@code COMPLETE}, written last after the directory is renamed
 * into place. Parameters are DJL's own binary format ({@code Block.saveParameters}), byte-identical for identical
 * values; a step checkpoint is written to {@code <name>.tmp} and renamed atomically.
 */
public final class Checkpoint {

    public static final String COMPLETE = "COMPLETE";
    public static final String FINAL = "final";
    private static final Gson GSON = new Gson();

    private Checkpoint() {}

    /** Writes a checkpoint named {@code name} under {@code workDir}, atomically (no loss recorded). */
    public static Path save(Path workDir, String name, Block model, java.util.Map<String, Block> parts, AdamW optimizer,
            int step, long seed, int totalSteps) throws IOException {
        return save(workDir, name, model, parts, optimizer, step, seed, totalSteps, Double.NaN);
    }

    /** Writes a checkpoint named {@code name} under {@code workDir}, atomically; {@code loss} of the last step. */
    public static Path save(Path workDir, String name, Block model, java.util.Map<String, Block> parts, AdamW optimizer,
            int step, long seed, int totalSteps, double loss) throws IOException {
        Path dir = workDir.resolve(name);
        Path tmp = workDir.resolve(name + ".tmp");
        AtomicFiles.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        try (DataOutputStream out = stream(tmp.resolve("model.params"))) {
            model.saveParameters(out);
        }
        for (java.util.Map.Entry<String, Block> part : new java.util.TreeMap<>(parts).entrySet()) {
            try (DataOutputStream out = stream(tmp.resolve(part.getKey() + ".params"))) {
                part.getValue().saveParameters(out);
            }
        }
        try (DataOutputStream out = stream(tmp.resolve("optimizer.bin"))) {
            optimizer.save(out);
        }
        JsonObject state = new JsonObject();
        state.addProperty("step", step);
        state.addProperty("seed", seed);
        state.addProperty("total_steps", totalSteps);
        if (Double.isFinite(loss)) {
            state.addProperty("loss", loss);
        }
        Files.writeString(tmp.resolve("state.json"), GSON.toJson(state), StandardCharsets.UTF_8);
        AtomicFiles.deleteRecursively(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dir.resolve(COMPLETE), Integer.toString(step));
        return dir;
    }

    /** The step stored in a complete checkpoint. */
    public static int step(Path dir) throws IOException {
        return GSON.fromJson(Files.readString(dir.resolve("state.json")), JsonObject.class).get("step").getAsInt();
    }

    /** Restores the full model and the optimizer. */
    public static void load(Path dir, Block model, AdamW optimizer, NDManager manager) throws IOException {
        try (DataInputStream in = input(dir.resolve("model.params"))) {
            model.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IOException(dir + ": parameters do not fit the model (" + e.getMessage() + ")", e);
        }
        if (optimizer != null) {
            try (DataInputStream in = input(dir.resolve("optimizer.bin"))) {
                optimizer.load(in);
            }
        }
    }

    /**
     * Restores named parts from another run's checkpoint: the encoder always, other parts (e.g. the SSL head) when
     * that checkpoint has them.
     */
    public static void loadParts(Path dir, java.util.Map<String, Block> parts, NDManager manager) throws IOException {
        if (!isComplete(dir)) {
            throw new IOException(dir + ": not a complete checkpoint (no " + COMPLETE + " marker)");
        }
        for (java.util.Map.Entry<String, Block> part : new java.util.TreeMap<>(parts).entrySet()) {
            Path f = dir.resolve(part.getKey() + ".params");
            if (!Files.isRegularFile(f)) {
                if (part.getKey().equals("encoder")) {
                    throw new IOException(f + " is missing");
                }
                continue;
            }
            try (DataInputStream in = input(f)) {
                part.getValue().loadParameters(manager, in);
            } catch (MalformedModelException e) {
                throw new IOException(f + ": parameters do not fit this configuration (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Name of the milestone checkpoint kept at {@code step} (never pruned; continued pretraining starts there). */
    public static String milestoneName(int step) {
        return String.format("milestone-%09d", step);
    }

    public static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(COMPLETE));
    }

    /** The newest complete {@code step-*} checkpoint under {@code workDir}. */
    public static Optional<Path> latest(Path workDir) throws IOException {
        if (!Files.isDirectory(workDir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(workDir)) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d+")).filter(Checkpoint::isComplete)
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /** Deletes all but the newest {@code keep} step checkpoints. */
    public static void prune(Path workDir, int keep) throws IOException {
        List<Path> steps;
        try (Stream<Path> s = Files.list(workDir)) {
            steps = s.filter(p -> p.getFileName().toString().matches("step-\\d+"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (int i = 0; i < steps.size() - keep; i++) {
            AtomicFiles.deleteRecursively(steps.get(i));
        }
    }

    public static String stepName(int step) {
        return String.format("step-%09d", step);
    }

    private static DataOutputStream stream(Path f) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f)));
    }

    private static DataInputStream input(Path f) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(f)));
    }
}
