package org.masrrepro.harness.cli;

import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.harness.run.CurrentResults;
import org.masrrepro.harness.run.ExperimentPlan;
import com.google.gson.JsonObject;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.harness.steps.Environment;
import org.masrrepro.harness.steps.StepProvenance;
import org.masrrepro.harness.steps.StepId;
import org.masrrepro.harness.run.Results;
import org.masrrepro.harness.run.RunRecord;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.reports.check.Baseline;
import org.masrrepro.reports.check.RegressionCheck;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code check} command: a profile's measured cells against a committed baseline, exactly where the corpora and
 * the platform the steps were computed on (read from their provenance) are the baseline's, else within its tolerances.
 */
public final class CheckCommand {

    /**
     * Default tolerances of a new baseline (percentage points): smoke numbers only show the pipeline works. The
     * analysis cells (per-language recall, close-group confusion share, section 5.1's changed negatives) get their
     * whole range: at smoke scale a language has 1-4 test utterances, so only their presence is checked. The
     * within-group rate is left out: it exists only when some predictions fall inside the group, which a smoke model
     * may change at any time; the share, written whenever the group is in the corpus, guards the same cells.
     */
    static final Map<String, Double> DEFAULT_TOLERANCES = Map.ofEntries(Map.entry("acc", 25.0),
            Map.entry("f1", 25.0), Map.entry("eer", 25.0), Map.entry("uar", 25.0), Map.entry("wer", 50.0),
            Map.entry("cer", 50.0), Map.entry("recall", 100.0), Map.entry("share", 100.0),
            Map.entry("negatives_changed_pct", 100.0), Map.entry("aux_at_margin_pct", 100.0));

    private CheckCommand() {}

    static int run(Path runs, Profile profile, SpecLoader specs, Path dataDir, Path baselineFile, boolean write,
            PrintStream out, PrintStream err) throws IOException {
        // Only what the current specs produce: a stale result must neither pass nor fail the check.
        List<RunRecord> records = CurrentResults.filter(Results.readAll(runs, profile), specs, profile, dataDir, err);
        List<ResultCell> cells = RunRecord.cellsOnce(records);
        List<Baseline.Corpus> corpora = corpora(runs, records, specs, profile, dataDir, err);
        if (cells.isEmpty()) {
            err.println("no results for profile " + profile.id() + " under " + Results.dir(runs, profile)
                    + "; run ./reproduce.sh --profile " + profile.id() + " first");
            return 1;
        }
        RunsPlatform platform = platform(runs, records);
        if (write) {
            Baseline old = Files.isRegularFile(baselineFile) ? RegressionCheck.read(baselineFile) : null;
            Baseline b = RegressionCheck.of(profile.id(),
                    old != null ? old.note() : "written by masr check --write-baseline; tolerances in percentage points",
                    old != null ? old.tolerances() : DEFAULT_TOLERANCES, cells, corpora, platform.fingerprint());
            RegressionCheck.write(baselineFile, b);
            out.println("wrote " + b.cells().size() + " cells to " + baselineFile);
            if (platform.fingerprint() == null) {
                err.println("check: the baseline records no platform, as " + platform.why() + "; checks against it "
                        + "keep to its tolerances and never compare exactly");
            }
            return 0;
        }
        Baseline b = RegressionCheck.read(baselineFile);
        if (!b.profile().equals(profile.id())) {
            err.println(baselineFile + " holds profile " + b.profile() + " numbers; run check with --profile " + b.profile());
            return 2;
        }
        if (platform.fingerprint() == null && b.platform() != null) {
            err.println("check: " + platform.why());
        }
        RegressionCheck.Outcome o = RegressionCheck.compare(b, cells, corpora, platform.fingerprint());
        (o.regressed() ? err : out).print(o.render());
        return o.regressed() ? 1 : 0;
    }

    /** The platform fingerprint the records were computed on, or null and why it is not one known fingerprint. */
    record RunsPlatform(Map<String, String> fingerprint, String why) {}

    /**
     * The platform the records were computed on: the fingerprint ({@link Environment#platform}) that the provenance
     * of every step behind them records, from each evaluation (or floor) step down its dependencies. Unknown when a
     * step has no provenance or one written before the CPU was recorded, or when the steps differ (a runs folder
     * filled on two machines, or with two thread counts): then no exact comparison is possible.
     */
    static RunsPlatform platform(Path runs, List<RunRecord> records) throws IOException {
        Set<Map<String, String>> seen = new java.util.LinkedHashSet<>();
        Set<String> visited = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        records.forEach(r -> todo.add(r.evalDir()));
        while (!todo.isEmpty()) {
            String dir = todo.pop();
            if (!visited.add(dir)) {
                continue;
            }
            JsonObject p = StepProvenance.read(runs.resolve(dir));
            if (p == null) {
                return new RunsPlatform(null, "step " + dir + " has no provenance");
            }
            Map<String, String> fp = Environment.platform(StepProvenance.environment(p));
            if (fp == null) {
                return new RunsPlatform(null, "step " + dir + " was made before provenance recorded the platform");
            }
            seen.add(fp);
            todo.addAll(StepProvenance.dependencyDirs(p));
        }
        if (seen.size() != 1) {
            return new RunsPlatform(null, seen.isEmpty() ? "no step was found behind the results"
                    : "the steps behind the results were made on " + seen.size() + " platforms: " + seen);
        }
        return new RunsPlatform(seen.iterator().next(), null);
    }

    /**
     * The corpus builds the records were measured on, as evaluation data ({@link RunRecord#corpusDir}) or as
     * pretraining data (re-planned from the record's spec and seed): manifest hash, audio hash (as the corpus step
     * recorded it when it built the audio, else hashed from the disk now) and the cells measured on each.
     */
    public static List<Baseline.Corpus> corpora(Path runs, List<RunRecord> records, SpecLoader specs, Profile profile,
            Path dataDir, PrintStream err) throws IOException {
        StepId ids = new StepId();
        Map<String, String> labels = new TreeMap<>();
        Map<String, Set<String>> cells = new TreeMap<>();
        for (RunRecord r : records) {
            List<String[]> used = new ArrayList<>();
            used.add(new String[] {r.corpusDir(), r.corpus()});
            if (!r.isFloor()) {
                try {
                    ExperimentPlan plan = ExperimentPlan.load(specs, r.spec(), profile, r.seed(), dataDir);
                    used.add(new String[] {ids.dirName(plan.pretrainCorpus()), plan.pretrainCorpus().spec().label()});
                } catch (RuntimeException e) {
                    // kept records resolve (CurrentResults checked); anything else has no pretraining corpus to name
                }
            }
            for (String[] u : used) {
                labels.putIfAbsent(u[0], u[1]);
                Set<String> of = cells.computeIfAbsent(u[0], k -> new TreeSet<>());
                r.cells().forEach(c -> of.add(Baseline.cellKey(c.table(), c.row(), c.column())));
            }
        }
        List<Baseline.Corpus> out = new ArrayList<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            Path stepDir = runs.resolve(e.getKey());
            Path manifest = CorpusStep.dataDir(stepDir).resolve("manifest.csv");
            // The hashes the corpus step recorded as it built the data: what the run's features were made from. Steps
            // built before the audio hash was recorded are hashed from what is on disk now.
            JsonObject prov = null;
            String manifestSha = null;
            String audio = null;
            boolean typeKnown = true;
            try {
                prov = StepProvenance.read(stepDir);
                manifestSha = StepProvenance.inputHash(prov, "manifest.csv");
                audio = StepProvenance.outputHash(prov, CorpusStep.AUDIO_HASH);
            } catch (IOException ex) {
                typeKnown = prov != null;
                err.println("check: cannot read the recorded hashes of " + e.getValue() + " (" + stepDir + ": "
                        + ex.getMessage() + "); " + (manifestSha == null ? "hashing its manifest on disk instead"
                        : "using its recorded manifest hash") + (typeKnown ? "" : "; its audio is not hashed, as "
                        + "whether it is a real corpus is not known"));
            }
            if (manifestSha == null) {
                if (!Files.isRegularFile(manifest)) {
                    err.println("check: no manifest " + manifest + ", so whether that corpus changed is not known (was "
                            + "the runs folder pruned? re-running its specs rebuilds it)");
                    continue;
                }
                manifestSha = Hashes.sha256(manifest);
            }
            if (typeKnown && "real".equals(CorpusStep.typeOf(prov))) {
                // Terabytes at paper scale, and read under each machine's own paths: not hashed, so not exact.
                err.println("check: " + e.getValue() + " is a real corpus, whose audio is not hashed; its cells keep "
                        + "the tolerances");
            } else if (typeKnown && audio == null) {
                try {
                    audio = Manifest.audioSha256(manifest);
                } catch (IOException ex) {
                    err.println("check: cannot hash the audio of " + e.getValue() + " (" + ex.getMessage() + "), so "
                            + "its cells are not compared exactly");
                }
            }
            out.add(new Baseline.Corpus(e.getKey(), e.getValue(), manifestSha, audio,
                    List.copyOf(cells.get(e.getKey()))));
        }
        return out;
    }
}
