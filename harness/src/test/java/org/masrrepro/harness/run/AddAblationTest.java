package org.masrrepro.harness.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.harness.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the README tells researchers to do: drop a spec that extends an existing one with a few overrides into the
 * specs directory, run it with {@code ./reproduce.sh --only} (here with two seeds), and find its row in the report,
 * with no Java change. The script and the launcher run for real, from a copy of the repository whose
 * {@code harness/target} points at this build ({@code MASR_PREBUILT=1}: no installs, no Maven build).
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

    /**
     * A repository copy with the real {@code reproduce.sh}, {@code harness/bin/masr} and specs, whose launcher runs
     * the classes and dependencies of this build (the test class path; the harness jar it checks for is an empty one:
     * the harness classes come from {@code harness/target/classes} on that path, as {@code mvn verify} tests before
     * it packages).
     */
    static Path repositoryCopy(Path repo) throws IOException {
        Path root = TestPaths.repoRoot();
        Files.createDirectories(repo.resolve("harness/bin"));
        Files.copy(root.resolve("reproduce.sh"), repo.resolve("reproduce.sh"), StandardCopyOption.COPY_ATTRIBUTES);
        Path launcher = Files.copy(root.resolve("harness/bin/masr"), repo.resolve("harness/bin/masr"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Matcher jar = Pattern.compile("harness/target/(harness-[^\"/]+\\.jar)").matcher(Files.readString(launcher));
        assertTrue(jar.find(), "the launcher names no harness jar");
        Path target = Files.createDirectories(repo.resolve("harness/target"));
        new JarOutputStream(Files.newOutputStream(target.resolve(jar.group(1))), new Manifest()).close();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(target.resolve("classpath.txt"), classPath);
        TestPaths.copySpecs(repo.resolve("harness/specs"));
        return repo;
    }

    @Test
    void aNewSpecFileAppearsInTheReport() throws IOException, InterruptedException {
        Path repo = repositoryCopy(tmp.resolve("repo"));
        Path specs = repo.resolve("harness/specs");
        Files.createDirectories(specs.resolve("ablations"));
        Files.writeString(specs.resolve("ablations/lasr-margin-0.5.json"), ABLATION);
        Path runs = tmp.resolve("runs");
        // a table of an earlier report, whose results no current spec produces, must not survive the rebuild (the new
        // report writes table3.md anew, the paper's numbers with ours not run yet)
        Path stale = runs.resolve("report/smoke/table3.md");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "| best-rq | 12.3 (stale) |");
        // a file no report of these results writes (a heat map of a spec since deleted): it must be gone, not kept
        Path orphan = runs.resolve("report/smoke/figure4_table1_old-spec_bs-sr-hr.png");
        Files.writeString(orphan, "not a png");
        // and the staging directory of a writer that died (no process 2^22+1 on Linux: pid_max is at most 2^22)
        Path deadStaging = runs.resolve("report/smoke.partial-4194305");
        Files.createDirectories(deadStaging);
        Path log = tmp.resolve("reproduce.log");
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("reproduce.sh").toString(), "--only",
                "ablations/lasr-margin-0.5", "--profile", "smoke", "--runs", runs.toString(), "--data-dir",
                data.toAbsolutePath().toString(), "--seeds", "2").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MASR_PREBUILT", "1");
        pb.environment().put("MASR_THREADS", "1");
        pb.environment().put("MASR_JAVA_OPTS", "-Xmx3g");
        Process proc = pb.start();
        boolean finished = proc.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            proc.descendants().forEach(ProcessHandle::destroyForcibly);
            proc.destroyForcibly();
        }
        String out = Files.readString(log);
        assertTrue(finished, "reproduce.sh did not finish:\n" + out);
        assertEquals(0, proc.exitValue(), out);
        assertTrue(out.contains("report: " + runs + "/report/smoke/README.md"), "the report's real path:\n" + out);
        String md = Files.readString(runs.resolve("report/smoke/table1.md"));
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| best-rq+lasr (margin 0.5) | ") && l.contains("(n=2)")),
                "the ablation's row, over two seeds, is missing:\n" + md);
        String index = Files.readString(runs.resolve("report/smoke/index.html"));
        assertTrue(index.contains("ablations/lasr-margin-0.5") && index.contains("Claims checklist"), index);
        assertFalse(Files.readString(stale).contains("(stale)"), "a stale table of an earlier report survived");
        assertFalse(Files.exists(orphan), "a file of an earlier report survived the rebuild");
        try (var left = Files.list(runs.resolve("report"))) {
            assertEquals(List.of("smoke"), left.map(p -> p.getFileName().toString()).toList(),
                    "a staging or old report directory was left behind");
        }
    }
}
