package org.masrrepro.harness.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecException;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two specs never share a report row: an ablation that forgets its own row fails before any work, naming both. */
class ReportKeysTest {

    static final SpecLoader SPECS = new SpecLoader(TestPaths.specs());

    @Test
    void theShippedSpecsEachHaveTheirOwnCells() {
        for (Profile p : Profile.values()) {
            assertDoesNotThrow(() -> ReportKeys.requireUnique(SPECS, SPECS.ids(), p), p.id());
        }
    }

    @Test
    void anAblationWithoutItsOwnRowIsRefused(@TempDir Path tmp) throws IOException {
        SpecLoader specs = new SpecLoader(TestPaths.copySpecs(tmp.resolve("specs")));
        Files.createDirectories(specs.root().resolve("ablations"));
        Path ablation = specs.root().resolve("ablations/margin.json");
        Files.writeString(ablation, """
                { "extends": "table1/bestrq-lasr-fleurs", "describes": "LASR margin 0.5",
                  "pretrain": { "aux": [ { "type": "lasr", "stream": "language", "lambda": 16, "margin": 0.5 } ] } }
                """);
        SpecException e = assertThrows(SpecException.class,
                () -> ReportKeys.requireUnique(specs, List.of("ablations/margin"), Profile.SMOKE));
        assertTrue(e.getMessage().contains("margin.json") && e.getMessage().contains("$.report")
                && e.getMessage().contains("table1/bestrq-lasr-fleurs") && e.getMessage().contains("report.row"),
                e.getMessage());
        assertDoesNotThrow(() -> ReportKeys.requireUnique(specs, List.of("table1/bestrq-fleurs"), Profile.SMOKE),
                "a clash between two specs nobody asked to run stops nothing else");
        Files.writeString(ablation, Files.readString(ablation).replace("\"describes\"",
                "\"report\": { \"row\": \"best-rq+lasr (margin 0.5)\" }, \"describes\""));
        assertDoesNotThrow(() -> ReportKeys.requireUnique(specs, List.of("ablations/margin"), Profile.SMOKE));
    }
}
