package org.masrrepro.harness.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.steps.Step;
import org.masrrepro.harness.steps.StepId;
import org.masrrepro.harness.steps.StepProvenance;
import org.masrrepro.harness.steps.StepRunner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How long a set of specs takes: every distinct step of their graphs, with the time it took if it has run (from its
 * provenance) or an estimate if not. Estimates come only from steps measured under the same runs root and profile
 * whose work is alike (same kind, objective, task and encoder size, on the same corpus), scaled by the number of
 * training steps for training steps; a step with no such measurement is counted as unknown, never guessed. A
 * resumed step's measured time covers only its last process, so it is marked and never used for estimates.
 */
public final class TimePlan {

    /**
     * One distinct step: its directory, what it is, its measured or estimated seconds (NaN: unknown), how many
     * measured steps an estimate rests on, and whether a measured time covers only the last of several processes.
     */
    public record Entry(String dir, String title, boolean done, double seconds, int basis, boolean partial,
            boolean fromReference) {
        public Entry(String dir, String title, boolean done, double seconds, int basis, boolean partial) {
            this(dir, title, done, seconds, basis, partial, false);
        }
    }

    /**
     * One finished step's time: its directory, what makes it alike others, seconds, training steps (or -1), and
     * where and when (processors the JVM saw, finish time; empty when the provenance does not say).
     */
    record Measurement(String step, String signature, double seconds, int trainingSteps, String machine,
            String finished) {}

    private final List<Entry> entries;
    private final String profile;

    private TimePlan(List<Entry> entries, String profile) {
        this.entries = entries;
        this.profile = profile;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Walks the step graphs under {@code roots} (dependencies first, each step once) and times each step: measured if
     * done, else estimated from alike steps finished under {@code runsRoot}, else from the reference timings in
     * {@code timings} (written by {@link #writeTimings}, e.g. on another machine; null or absent: none).
     */
    public static TimePlan of(List<Step> roots, Path runsRoot, Profile profile, Path timings) throws IOException {
        StepId ids = new StepId();
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Step root : roots) {
            collect(root, ids, steps);
        }
        Map<String, List<double[]>> measured = bySignature(measured(runsRoot, profile));
        Map<String, List<double[]>> reference = timings == null ? Map.of() : bySignature(readTimings(timings, profile));
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Step> e : steps.entrySet()) {
            Step step = e.getValue();
            Path dir = runsRoot.resolve(e.getKey());
            JsonObject prov = Files.isRegularFile(dir.resolve(StepRunner.DONE)) ? StepProvenance.read(dir) : null;
            if (prov != null) {
                out.add(new Entry(e.getKey(), step.title(), true, prov.get("seconds").getAsDouble(), 1, resumed(prov)));
            } else {
                String sig = signature(step.kind(), step.inputs(), profile.id()) + corpusOf(step);
                List<double[]> pool = measured.getOrDefault(sig, List.of());
                boolean fromReference = pool.isEmpty() && reference.containsKey(sig);
                if (fromReference) {
                    pool = reference.get(sig);
                }
                out.add(new Entry(e.getKey(), step.title(), false, estimate(pool, trainingSteps(step.inputs())),
                        pool.size(), false, fromReference));
            }
        }
        return new TimePlan(out, profile.id());
    }

    /** The corpus a step works on: the nearest corpus step among its dependencies (breadth first). */
    private static String corpusOf(Step step) {
        java.util.ArrayDeque<Step> queue = new java.util.ArrayDeque<>(step.dependencies());
        while (!queue.isEmpty()) {
            Step d = queue.poll();
            if (d.kind().equals("corpus")) {
                return "|on" + signature("", d.inputs(), "");
            }
            queue.addAll(d.dependencies());
        }
        return "";
    }

    /**
     * The same for a finished step, following the dependency dirs its provenance lists; {@code read} memoises the
     * provenance files, which many steps share (a corpus under dozens of fine-tunings).
     */
    private static String corpusOf(JsonObject prov, Path runsRoot, Map<Path, JsonObject> read) throws IOException {
        java.util.ArrayDeque<JsonObject> queue = new java.util.ArrayDeque<>();
        queue.add(prov);
        Set<String> seen = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            JsonObject p = queue.poll();
            for (String dir : StepProvenance.dependencyDirs(p)) {
                Path stepDir = runsRoot.resolve(dir);
                if (!seen.add(dir)) {
                    continue;
                }
                JsonObject dp = read.containsKey(stepDir) ? read.get(stepDir) : StepProvenance.read(stepDir);
                read.put(stepDir, dp);
                if (dp == null) {
                    continue;
                }
                if (dp.get("kind").getAsString().equals("corpus")) {
                    return "|on" + signature("", dp.getAsJsonObject("inputs"), "");
                }
                queue.add(dp);
            }
        }
        return "";
    }

    private static boolean resumed(JsonObject prov) {
        return prov.has("resumed_from_partial_output") && prov.get("resumed_from_partial_output").getAsBoolean();
    }

    private static void collect(Step step, StepId ids, Map<String, Step> out) {
        for (Step d : step.dependencies()) {
            collect(d, ids, out);
        }
        out.putIfAbsent(ids.dirName(step), step);
    }

    /** Median seconds per training step times the steps, or median seconds for other work; NaN with no data. */
    static double estimate(List<double[]> pool, int trainingSteps) {
        if (trainingSteps == 0) {
            return 0; // e.g. the random-init reference: a pretraining of 0 steps only saves the initial weights
        }
        if (pool.isEmpty()) {
            return Double.NaN;
        }
        boolean perStep = trainingSteps > 0;
        double[] v = pool.stream().filter(m -> !perStep || m[1] > 0).mapToDouble(m -> perStep ? m[0] / m[1] : m[0])
                .sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return perStep ? median * trainingSteps : median;
    }

    private static Map<String, List<double[]>> bySignature(List<Measurement> measurements) {
        Map<String, List<double[]>> out = new HashMap<>();
        for (Measurement m : measurements) {
            out.computeIfAbsent(m.signature(), k -> new ArrayList<>()).add(new double[] {m.seconds(), m.trainingSteps()});
        }
        return out;
    }

    /** Finished steps under the runs root, at {@code profile}, whose time covers their whole work (not resumed). */
    static List<Measurement> measured(Path runsRoot, Profile profile) throws IOException {
        List<Measurement> out = new ArrayList<>();
        if (!Files.isDirectory(runsRoot)) {
            return out;
        }
        Map<Path, JsonObject> dependencyProvenance = new HashMap<>();
        try (Stream<Path> kinds = Files.list(runsRoot)) {
            for (Path kind : kinds.filter(Files::isDirectory).toList()) {
                try (Stream<Path> dirs = Files.list(kind)) {
                    for (Path d : dirs.toList()) {
                        JsonObject p = Files.isRegularFile(d.resolve(StepRunner.DONE)) ? StepProvenance.read(d) : null;
                        if (p == null) {
                            continue;
                        }
                        JsonObject by = p.has("requested_by") ? p.getAsJsonObject("requested_by") : new JsonObject();
                        String prof = by.has("profile") ? by.get("profile").getAsString() : "";
                        // A resumed step's seconds cover only its last process: no basis for an estimate.
                        if (!p.has("seconds") || !p.has("inputs") || !prof.equals(profile.id()) || resumed(p)) {
                            continue;
                        }
                        JsonObject inputs = p.getAsJsonObject("inputs");
                        if (trainingSteps(inputs) == 0) {
                            continue; // a 0-step pretraining (the random-init reference) says nothing of a step's cost
                        }
                        String sig = signature(p.get("kind").getAsString(), inputs, prof) + corpusOf(p, runsRoot, dependencyProvenance);
                        JsonObject env = java.util.Objects.requireNonNullElseGet(StepProvenance.environment(p), JsonObject::new);
                        String machine = env.has("available_processors") ? env.get("available_processors").getAsString()
                                + " processors, " + (env.has("torch_num_threads") && !env.get("torch_num_threads").isJsonNull()
                                        ? env.get("torch_num_threads").getAsString() : "?") + " torch threads, "
                                + (env.has("gpu_count") ? env.get("gpu_count").getAsString() : "?") + " GPUs" : "";
                        out.add(new Measurement(runsRoot.relativize(d).toString(), sig, p.get("seconds").getAsDouble(),
                                trainingSteps(inputs), machine, p.has("finished") ? p.get("finished").getAsString() : ""));
                    }
                }
            }
        }
        return out;
    }

    /** What makes two steps' durations comparable: kind, profile, corpus type, ASR or not, encoder size. */
    static String signature(String kind, JsonObject inputs, String profile) {
        StringBuilder s = new StringBuilder(kind).append('|').append(profile);
        JsonElement corpus = inputs.get("corpus");
        if (corpus != null && corpus.isJsonObject()) {
            // Which corpus: an analog's name and type, or a FLEURS-style corpus by its language count.
            JsonObject c = corpus.getAsJsonObject();
            for (String k : new String[] {"corpus", "type"}) {
                if (c.has(k) && c.get(k).isJsonPrimitive()) {
                    s.append('|').append(k).append('=').append(c.get(k).getAsString());
                }
            }
            if (c.has("languages") && c.get("languages").isJsonArray()) {
                s.append("|languages=").append(c.getAsJsonArray("languages").size());
            }
        }
        JsonElement task = inputs.get("task");
        if (task != null && task.isJsonPrimitive()) {
            s.append("|task=").append(task.getAsString());
        }
        JsonElement pre = inputs.get("pretrain");
        if (pre != null && pre.isJsonObject()) {
            // The objective sets the cost per step: w2v-BERT vs BEST-RQ, and LASR/MASR's mining on top.
            JsonObject p = pre.getAsJsonObject();
            if (p.has("ssl") && p.getAsJsonObject("ssl").has("type")) {
                s.append("|ssl=").append(p.getAsJsonObject("ssl").get("type").getAsString());
            }
            if (p.has("aux") && p.get("aux").isJsonArray()) {
                p.getAsJsonArray("aux").forEach(a -> s.append("|aux=").append(
                        a.isJsonObject() && a.getAsJsonObject().has("type") ? a.getAsJsonObject().get("type").getAsString() : "?"));
            }
        }
        JsonElement enc = inputs.get("encoder");
        if (enc != null && enc.isJsonObject()) {
            JsonObject e = enc.getAsJsonObject();
            s.append("|encoder=").append(e.has("model_dim") ? e.get("model_dim").getAsString() : "?").append('x')
                    .append(e.has("num_layers") ? e.get("num_layers").getAsString() : "?");
        }
        return s.toString();
    }

    /**
     * Training steps a pretraining or fine-tuning step runs (a continued pretraining runs only those after the step
     * it continues from); -1 for other work.
     */
    static int trainingSteps(JsonObject inputs) {
        int total = totalSteps(inputs);
        JsonElement from = inputs.get("continues_from_step");
        return total > 0 && from != null && from.isJsonPrimitive() ? total - from.getAsInt() : total;
    }

    private static int totalSteps(JsonObject inputs) {
        for (String[] path : new String[][] {{"pretrain", "training", "steps"}, {"task", "steps"},
            {"training", "steps"}}) {
            JsonElement e = inputs;
            for (String k : path) {
                e = e != null && e.isJsonObject() ? e.getAsJsonObject().get(k) : null;
            }
            if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsInt();
            }
        }
        return -1;
    }

    /**
     * Writes the time of every finished, whole step of {@code profile} under {@code runsRoot} to {@code file}, kept
     * with the entries it already holds for other steps (so several runs folders add up), sorted by step: reference
     * timings that {@code masr plan --timings} reads on another machine or runs folder. Written to a temporary file
     * and moved into place. Returns the number of entries.
     */
    public static int writeTimings(Path runsRoot, Profile profile, Path file) throws IOException {
        Map<String, Measurement> all = new java.util.TreeMap<>();
        for (Measurement m : Files.isRegularFile(file) ? readTimings(file, profile) : List.<Measurement>of()) {
            all.put(m.step(), m);
        }
        for (Measurement m : measured(runsRoot, profile)) {
            all.put(m.step(), m);
        }
        JsonObject root = new JsonObject();
        root.addProperty("//", "Measured step times (masr plan --write-timings): masr plan estimates a step that its "
                + "runs folder has nothing alike for from the entries of the same signature here.");
        root.addProperty("profile", profile.id());
        JsonArray list = new JsonArray();
        for (Measurement m : all.values()) {
            JsonObject o = new JsonObject();
            o.addProperty("step", m.step());
            o.addProperty("signature", m.signature());
            o.addProperty("seconds", Math.round(m.seconds() * 10) / 10.0);
            o.addProperty("training_steps", m.trainingSteps());
            o.addProperty("machine", m.machine());
            o.addProperty("finished", m.finished());
            list.add(o);
        }
        root.add("timings", list);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        Files.writeString(tmp, new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return all.size();
    }

    /** The reference timings of {@code file} (see {@link #writeTimings}); an error if they are of another profile. */
    static List<Measurement> readTimings(Path file, Profile profile) throws IOException {
        JsonObject root;
        try {
            root = read(file);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a timings file written by masr plan --write-timings (" + e.getMessage()
                    + ")", e);
        }
        String prof = root.has("profile") ? root.get("profile").getAsString() : "";
        if (!prof.equals(profile.id())) {
            throw new IOException(file + " holds timings of profile '" + prof + "', not " + profile.id()
                    + "; pass the timings of this profile");
        }
        List<Measurement> out = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("timings")) {
            JsonObject o = e.getAsJsonObject();
            out.add(new Measurement(o.get("step").getAsString(), o.get("signature").getAsString(),
                    o.get("seconds").getAsDouble(), o.get("training_steps").getAsInt(),
                    o.has("machine") ? o.get("machine").getAsString() : "",
                    o.has("finished") ? o.get("finished").getAsString() : ""));
        }
        return out;
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Seconds measured (steps done), estimated (steps to run) and the count of steps with no estimate. */
    public double measuredSeconds() {
        return entries.stream().filter(Entry::done).mapToDouble(Entry::seconds).sum();
    }

    public double estimatedSeconds() {
        return entries.stream().filter(e -> !e.done() && !Double.isNaN(e.seconds())).mapToDouble(Entry::seconds).sum();
    }

    public long unknown() {
        return entries.stream().filter(e -> !e.done() && Double.isNaN(e.seconds())).count();
    }

    /** One line per step, then the totals. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "plan: %d distinct steps, profile %s%n", entries.size(), profile));
        for (Entry e : entries) {
            String time = e.done() ? duration(e.seconds()) + (e.partial() ? " measured (last process of a resumed step)" : " measured")
                    : Double.isNaN(e.seconds()) ? "unknown (no measured step alike)"
                    : "~" + duration(e.seconds()) + " estimated from " + e.basis()
                            + (e.fromReference() ? " reference timing(s)" : " measured");
            s.append(String.format(Locale.ROOT, "  %-6s %-26s %-44s %s%n", e.done() ? "done" : "to run", e.dir(),
                    e.title().length() > 44 ? e.title().substring(0, 43) + "…" : e.title(), time));
        }
        long done = entries.stream().filter(Entry::done).count();
        s.append(String.format(Locale.ROOT, "done: %d steps, %s measured; to run: %d steps, about %s estimated",
                done, duration(measuredSeconds()), entries.size() - done, duration(estimatedSeconds())));
        long fromReference = entries.stream().filter(Entry::fromReference).count();
        if (fromReference > 0) {
            s.append(String.format(Locale.ROOT, " (%d step(s) from reference timings)", fromReference));
        }
        if (unknown() > 0) {
            s.append(String.format(Locale.ROOT, " plus %d step(s) with nothing alike measured yet", unknown()));
        }
        s.append(String.format(Locale.ROOT, "%nall %d steps from scratch: about %s%s", entries.size(),
                duration(measuredSeconds() + estimatedSeconds()), unknown() > 0 ? " plus the unknown ones" : ""));
        return s.append(String.format(Locale.ROOT, "%n")).toString();
    }

    static String duration(double seconds) {
        long t = Math.round(seconds);
        return t >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", t / 3600, (t % 3600) / 60)
                : t >= 60 ? String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60)
                : t + " s";
    }
}
