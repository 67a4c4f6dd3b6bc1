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
