package org.masrrepro.harness.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.run.ExperimentPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every spec file parses, validates and resolves into a step graph under every profile. */
class SpecFilesTest {

    static Stream<Arguments> everySpecUnderEveryProfile() {
        SpecLoader loader = new SpecLoader(TestPaths.specs());
        List<Arguments> out = new ArrayList<>();
        for (String id : loader.ids()) {
            for (Profile p : Profile.values()) {
                out.add(Arguments.of(id, p));
            }
        }
        return out.stream();
    }

    @Test
    void thereAreSpecs() {
        assertFalse(new SpecLoader(TestPaths.specs()).ids().isEmpty());
    }

    /** Every row x column group the paper gives numbers for (Tables 1-3) has a spec that measures it. */
    @Test
    void everyPaperCellHasASpec() {
        SpecLoader loader = new SpecLoader(TestPaths.specs());
        java.util.Set<String> measured = new java.util.TreeSet<>();
        for (String id : loader.ids()) {
            ReportSpec r = loader.load(id, Profile.SMOKE, null).report();
            measured.add(r.table() + "|" + r.row() + "|" + r.dataset());
        }
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (String table : List.of("T1", "T2", "T3")) {
            for (org.masrrepro.reports.paper.PaperCell c : org.masrrepro.reports.paper.PaperNumbers.load().cells(table)) {
                String group = switch (table) {
                    case "T1" -> c.column().substring(0, c.column().indexOf('/'));
                    case "T2" -> c.column();
                    default -> "mls";
                };
                if (!measured.contains(table + "|" + c.row() + "|" + group)) {
                    missing.add(table + "|" + c.row() + "|" + group);
                }
            }
        }
        assertTrue(missing.isEmpty(), "paper rows without a spec: " + missing);
    }

    @ParameterizedTest(name = "{0} @ {1}")
    @MethodSource("everySpecUnderEveryProfile")
    void resolvesAndPlans(String id, Profile profile) {
        SpecLoader loader = new SpecLoader(TestPaths.specs());
        ExperimentSpec spec = loader.load(id, profile, null);
        assertEquals(id, spec.id());
        assertTrue(spec.corpus().label().toLowerCase().contains("analog"), "analog corpora must say so");
        ExperimentPlan plan = ExperimentPlan.of(spec, profile, (base, seed) -> loader.load(base, profile, seed));
        assertNotNull(plan.target());
        // The canonical JSON binds back to an equal record: nothing in a spec is lost or invented.
        ExperimentSpec again = new SpecBinder("roundtrip").bind(SpecJson.toJson(spec), ExperimentSpec.class, "$");
        assertEquals(spec, again);
    }
}
