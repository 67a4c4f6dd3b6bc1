package org.masrrepro.harness.run;

import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecException;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.RealCorpora;
import org.masrrepro.harness.steps.StepId;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the run records that the current specs would produce: a record counts only if its spec still exists and,
 * resolved now for the record's seed, leads to the very evaluation step the record was read from. Records of removed
 * or since-changed specs (a calibration run, an older profile) would otherwise be averaged into the paper's rows.
 */
public final class CurrentResults {

    private CurrentResults() {}

    /**
     * The current records (floors only of corpora a current record uses); logs what it leaves out and why.
     * {@code dataDir} resolves real-corpus dirs as the run did (null: the default data directory).
     */
    public static List<RunRecord> filter(List<RunRecord> records, SpecLoader specs, Profile profile, Path dataDir,
            PrintStream log) {
        StepId ids = new StepId();
        List<RunRecord> kept = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Set<String> floors = new HashSet<>();
        for (RunRecord r : records) {
            if (r.spec().startsWith("floor/")) {
                continue;
            }
            String why = null;
            try {
                ExperimentPlan plan = ExperimentPlan.of(load(specs, r.spec(), profile, r.seed(), dataDir), profile,
                        (base, seed) -> load(specs, base, profile, seed, dataDir));
                String now = ids.dirName(plan.eval());
                if (!now.equals(r.evalDir())) {
                    why = "spec changed since (now " + now + ", ran " + r.evalDir() + ")";
                } else if (plan.floor() != null) {
                    floors.add(ids.dirName(plan.floor()));
                }
            } catch (SpecException | IllegalStateException e) {
                why = exists(specs, r.spec()) ? "spec no longer resolves: " + e.getMessage()
                        : "no such spec under " + specs.root();
            }
            if (why == null) {
                kept.add(r);
            } else {
                stale.add(r.spec() + " seed " + r.seed() + ": " + why);
            }
        }
        for (RunRecord r : records) {
            if (r.spec().startsWith("floor/") && floors.contains(r.evalDir())) {
                kept.add(r);
            }
        }
        if (!stale.isEmpty()) {
            log.printf("report: left out %d result(s) that the current specs no longer produce (re-run a spec to "
                    + "refresh it):%n", stale.size());
            stale.forEach(s -> log.println("  " + s));
        }
        kept.sort(java.util.Comparator.comparing(RunRecord::spec).thenComparingLong(RunRecord::seed));
        return kept;
    }

    private static boolean exists(SpecLoader specs, String id) {
        try {
            specs.fileOf(id);
            return true;
        } catch (SpecException e) {
            return false;
        }
    }

    private static ExperimentSpec load(SpecLoader specs, String id, Profile profile, long seed, Path dataDir) {
        return RealCorpora.withResolvedCorpusDir(specs.load(id, profile, seed), dataDir);
    }
}
