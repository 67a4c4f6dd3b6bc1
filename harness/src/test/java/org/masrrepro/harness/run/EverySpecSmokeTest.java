package org.masrrepro.harness.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every spec runs end to end at smoke scale (one runs directory, so they share the corpus and the base run). */
class EverySpecSmokeTest {

    @TempDir
    static Path runs;
    static Path data;

    static List<String> specs() {
        return new SpecLoader(TestPaths.specs()).ids();
    }

    @BeforeAll
    static void requirements() {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        data = Path.of(System.getProperty("masr.sharedData", "../../shared/data"));
        assumeTrue(Files.isDirectory(data.resolve("uriel")), "no shared data at " + data.toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void runsAtSmokeScale(String id) throws IOException {
        List<RunRecord> records = Harness.builder().setSpecs(new SpecLoader(TestPaths.specs())).setRunsRoot(runs)
                .optProfile(Profile.SMOKE).optDataDir(data).optLog(new PrintStream(OutputStream.nullOutputStream()))
                .build().run(List.of(id));
        assertEquals(1, records.size());
        assertFalse(records.get(0).cells().isEmpty());
        // The headline cell: language-ID accuracy over all languages, or the ASR word error rate averaged over them.
        assertFalse(Double.isNaN(records.get(0).cells().stream()
                // Table 1 cells name a column group ("fleurs/all"), Table 2 (NOSS probes) one column per task.
                .filter(c -> (c.column().endsWith("/all") || c.table().equals("T2")) && c.metric().equals("acc")
                        || c.column().endsWith("avg") && c.metric().equals("wer"))
                .findFirst().orElseThrow().value()));
        if (records.get(0).cells().get(0).table().equals("T3")) {
            // ASR rows also carry CER, which still ranks models whose WER sits near 100%
            assertTrue(records.get(0).cells().stream().anyMatch(c -> c.column().endsWith("avg")
                    && c.metric().equals("cer") && c.value() >= 0), "no average CER cell");
        }
    }
}
