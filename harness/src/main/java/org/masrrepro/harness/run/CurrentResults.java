package org.masrrepro.harness.run;

import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecException;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.RealCorpora;
import org.masrrepro.harness.steps.StepId;
import org.masrrepro.reports.results.ResultCell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the run records that the current specs would produce: a record counts only if its spec still exists and,
 * resolved now for the record's seed, leads to the very evaluation step the record was read from and reports to the
 * same table row. Records of removed or since-changed specs (a calibration run, an older profile, a renamed row)
 * would otherwise be averaged into the paper's rows as if they were more seeds.
 */
public final class CurrentResults {

    private CurrentResults() {}

    /**
     * The current records, and the floors of corpora that some current spec evaluates on; logs what it leaves out
     * and why. {@code dataDir} must be the one the runs used (null: the default), as real-corpus specs resolve
     * their directories against it.
     */
    public static List<RunRecord> filter(List<RunRecord> records, SpecLoader specs, Profile profile, Path dataDir,
            PrintStream log) {
        StepId ids = new StepId();
        List<RunRecord> kept = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Set<String> floors = new HashSet<>();
        for (RunRecord r : records) {
            if (r.isFloor()) {
                continue;
            }
            String why;
            try {
                ExperimentPlan plan = ExperimentPlan.load(specs, r.spec(), profile, r.seed(), dataDir);
                ExperimentSpec spec = plan.spec();
                String now = ids.dirName(plan.eval());
                why = !now.equals(r.evalDir())
                        ? "spec changed since (now " + now + ", ran " + r.evalDir() + ")" + realCorpusHint(spec)
                        : r.format() < RunRecord.FORMAT ? "record written by an older harness (format " + r.format()
                        + ", now " + RunRecord.FORMAT + "); re-running the spec reuses every finished step and "
                        + "rewrites it" : reportsElsewhere(r, spec);
                if (why == null && plan.floor() != null) {
                    floors.add(ids.dirName(plan.floor()));
                }
            } catch (RuntimeException e) {
                why = !exists(specs, r.spec()) ? "no such spec under " + specs.root()
                        : "spec no longer resolves: " + e.getMessage();
            }
            if (why == null) {
                kept.add(r);
            } else {
                stale.add(r.spec() + " seed " + r.seed() + ": " + why);
            }
        }
        if (records.stream().anyMatch(RunRecord::isFloor)) { // planning every spec costs time
            floors.addAll(floorsOfAllSpecs(specs, profile, dataDir, ids));
        }
        for (RunRecord r : records) {
            if (r.isFloor()) {
                if (floors.contains(r.evalDir())) {
                    kept.add(r);
                } else {
                    stale.add(r.spec() + " " + r.evalDir() + ": no current spec evaluates on that corpus build");
                }
            }
        }
        if (!stale.isEmpty()) {
            log.printf("results: left out %d that the current specs no longer produce (re-run a spec to refresh "
                    + "it):%n", stale.size());
            stale.forEach(s -> log.println("  " + s));
        }
        kept.sort(java.util.Comparator.comparing(RunRecord::spec).thenComparingLong(RunRecord::seed));
        return kept;
    }

    /** Why a record's cells are not where the spec now reports (a renamed row or table), or null if they are. */
    private static String reportsElsewhere(RunRecord r, ExperimentSpec spec) {
        for (ResultCell c : r.cells()) {
            if (!c.row().equals(spec.report().row())) {
                return "its cells are in row \"" + c.row() + "\", the spec now reports to row \"" + spec.report().row()
                        + "\"";
            }
        }
        if (!r.cells().isEmpty() && !r.cells().get(0).table().equals(spec.report().table())) {
            return "its cells are in table " + r.cells().get(0).table() + ", the spec now reports to "
                    + spec.report().table();
        }
        return null;
    }

    /** Floors of every spec under the root at its own seed: a corpus's floor does not depend on training seeds. */
    private static Set<String> floorsOfAllSpecs(SpecLoader specs, Profile profile, Path dataDir, StepId ids) {
        Set<String> out = new HashSet<>();
        for (String id : specs.ids()) {
            try {
                ExperimentPlan plan = ExperimentPlan.load(specs, id, profile, null, dataDir);
                if (plan.floor() != null) {
                    out.add(ids.dirName(plan.floor()));
                }
            } catch (RuntimeException e) {
                // an invalid spec has no floor to keep; it fails with its own message when it runs
            }
        }
        return out;
    }

    private static String realCorpusHint(ExperimentSpec spec) {
        boolean real = spec.corpus() instanceof org.masrrepro.harness.spec.RealCorpusSpec
                || RealCorpora.downstreamCorpus(spec.downstream()) instanceof org.masrrepro.harness.spec.RealCorpusSpec;
        return real ? "; it reads a real corpus: give report/check the --data-dir the run used" : "";
    }

    private static boolean exists(SpecLoader specs, String id) {
        try {
            specs.fileOf(id);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
