package org.masrrepro.harness.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the README tells researchers to do: drop a spec that extends an existing one with a few overrides into the
 * specs directory, run it (here with two seeds), and find its row in the report, with no Java change.
 */
class AddAblationTest {

    @TempDir
    static Path tmp;
    static Path data;

    static final String ABLATION = """
            {
              "extends": "table1/bestrq-lasr-fleurs",
              "describes": "Ablation: LASR with a triplet margin of 0.5 instead of 0.2",
              "pretrain": { "aux": [ { "type": "lasr", "stream": "language", "lambda": 16, "margin": 0.5 } ] },
              "report": { "row": "best-rq+lasr (margin 0.5)" }
            }
            """;

    @BeforeAll
    static void requirements() {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        data = Path.of(System.getProperty("masr.sharedData", "../../shared/data"));
        assumeTrue(Files.isDirectory(data.resolve("uriel")), "no shared data at " + data.toAbsolutePath());
    }

    @Test
    void aNewSpecFileAppearsInTheReport() throws IOException {
        Path specs = TestPaths.copySpecs(tmp.resolve("specs"));
        Files.createDirectories(specs.resolve("ablations"));
        Files.writeString(specs.resolve("ablations/lasr-margin-0.5.json"), ABLATION);
        Path runs = tmp.resolve("runs");
        // a table of an earlier report, whose results no current spec produces, must not survive the rebuild (the new
        // report writes table3.md anew, the paper's numbers with ours not run yet)
        Path stale = runs.resolve("report/smoke/table3.md");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "| best-rq | 12.3 (stale) |");
        // and the staging directory of a writer that died (no process 2^22+1 on Linux: pid_max is at most 2^22)
        Path deadStaging = runs.resolve("report/smoke.partial-4194305");
        Files.createDirectories(deadStaging);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "ablations/lasr-margin-0.5", "--specs", specs.toString(), "--profile",
            "smoke", "--runs", runs.toString(), "--data-dir", data.toString(), "--seeds", "2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        String md = Files.readString(runs.resolve("report/smoke/table1.md"));
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| best-rq+lasr (margin 0.5) | ") && l.contains("(n=2)")),
                "the ablation's row, over two seeds, is missing:\n" + md);
        String index = Files.readString(runs.resolve("report/smoke/index.html"));
        assertTrue(index.contains("ablations/lasr-margin-0.5") && index.contains("Claims checklist"), index);
        assertFalse(Files.readString(stale).contains("(stale)"), "a stale table of an earlier report survived");
        try (var left = Files.list(runs.resolve("report"))) {
            assertEquals(List.of("smoke"), left.map(p -> p.getFileName().toString()).toList(),
                    "a staging or old report directory was left behind");
        }
    }
}
