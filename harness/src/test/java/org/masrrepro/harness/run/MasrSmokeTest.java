package org.masrrepro.harness.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** BEST-RQ, + LASR and + MASR (syntactic) at smoke scale through LID: one shared base, three Table 1 rows. */
class MasrSmokeTest {

    @Test
    void threeRowsShareOneBaseAndReachTheReport(@TempDir Path runs) throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        Path data = Path.of(System.getProperty("masr.sharedData", "../../shared/data"));
        assumeTrue(Files.isDirectory(data.resolve("uriel")), "no shared data at " + data.toAbsolutePath());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Harness.builder().setSpecs(new SpecLoader(TestPaths.specs())).setRunsRoot(runs).optProfile(Profile.SMOKE)
                .optDataDir(data).optLog(new PrintStream(log, true, StandardCharsets.UTF_8)).build()
                .run(List.of("table1/bestrq-fleurs", "table1/bestrq-lasr-fleurs", "table1/bestrq-masr-fleurs"));

        List<Path> pretrains;
        try (Stream<Path> s = Files.list(runs.resolve("pretrain"))) {
            pretrains = s.sorted().toList();
        }
        assertEquals(3, pretrains.size(), "one BEST-RQ base and two continuations");
        int continued = 0;
        for (Path p : pretrains) {
            String prov = Files.readString(p.resolve("provenance.json"));
            if (prov.contains("continues_from_step")) {
                continued++;
                assertTrue(prov.contains("init_from/encoder.params"), prov);
            }
        }
        assertEquals(2, continued);
        String md = Files.readString(runs.resolve("report/smoke/table1.md"));
        for (String row : List.of("best-rq", "best-rq+lasr", "best-rq+masr")) {
            assertTrue(md.lines().anyMatch(l -> l.startsWith("| " + row + " | ") && !l.startsWith("| " + row + " |  |")
                    && !l.startsWith("| " + row + " | not run yet |")),
                    "our " + row + " row is missing:\n" + md);
        }
        boolean logged = false;
        for (Path p : pretrains) {
            Path csv = p.resolve("train/metrics.csv");
            logged |= Files.readString(csv).lines().findFirst().orElse("").contains("negatives_changed_vs_lasr");
        }
        assertTrue(logged, "MASR logs how often its hard negative differs from LASR's");
    }
}
