package org.masrrepro.harness.run;

import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.ReportSpec;
import org.masrrepro.harness.spec.SpecException;
import org.masrrepro.harness.spec.SpecLoader;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One report cell group per spec: two specs that name the same (table, row, dataset) would be averaged together
 * as if they were seeds of one experiment, so an ablation that forgets its own {@code report.row} fails up front.
 */
public final class ReportKeys {

    private ReportKeys() {}

    /** Fails, naming both specs, if any of {@code ids} shares its report key with another spec of the set. */
    public static void requireUnique(SpecLoader specs, List<String> ids, Profile profile) {
        Set<String> asked = new LinkedHashSet<>();
        ids.forEach(i -> asked.add(specs.idOf(specs.fileOf(i))));
        Set<String> all = new LinkedHashSet<>(specs.ids());
        all.addAll(asked);
        Map<String, String> owner = new LinkedHashMap<>();
        for (String id : all) {
            ExperimentSpec spec;
            try {
                spec = specs.load(id, profile, null);
            } catch (RuntimeException e) {
                if (asked.contains(id)) {
                    throw e;
                }
                continue; // another spec's error is reported when that spec runs, not here
            }
            String key = key(spec.report());
            String other = owner.putIfAbsent(key, id);
            if (other != null && (asked.contains(id) || asked.contains(other))) { // others' clashes: their own runs
                String culprit = asked.contains(id) ? id : other;
                throw new SpecException(specs.fileOf(culprit).toString(), "$.report",
                        "table " + spec.report().table() + ", row \"" + spec.report().row() + "\", dataset "
                                + spec.report().dataset() + " is also reported by " + (culprit.equals(id) ? other : id)
                                + "; give this spec its own report.row, or its numbers would be averaged with the other's");
            }
        }
    }

    static String key(ReportSpec r) {
        return r.table() + "|" + r.row() + "|" + r.dataset();
    }
}
