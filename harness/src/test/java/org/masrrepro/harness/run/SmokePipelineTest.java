package org.masrrepro.harness.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.Interrupted;
import org.masrrepro.harness.steps.StepRunner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Table 1 BEST-RQ spec at smoke scale, end to end: outputs and provenance of every step, no outside network,
 * bit-identical metrics across runs, exact resume after an interrupted pretraining, and no work on a re-run.
 */
class SmokePipelineTest {

    static final String SPEC = "table1/bestrq-fleurs";

    @TempDir
    static Path tmp;
    static Path runsA;
    static String logA;
    static NoNetworkGuard guard;

    static Harness harness(Path runs, PrintStream log, Integer interrupt) {
        return Harness.builder().setSpecs(new SpecLoader(TestPaths.specs())).setRunsRoot(runs)
                .optProfile(Profile.SMOKE).optLog(log).optInterruptAfterSteps(interrupt).build();
    }

    static String run(Path runs, Integer interrupt) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            harness(runs, ps, interrupt).run(List.of(SPEC));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @BeforeAll
    @SuppressWarnings("removal")
    static void runOnce() throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        runsA = tmp.resolve("a");
        guard = new NoNetworkGuard();
        SecurityManager old = System.getSecurityManager();
        System.setSecurityManager(guard);
        try {
            logA = run(runsA, null);
        } finally {
            System.setSecurityManager(old);
        }
    }

    @Test
    void noOutsideConnection() {
        assertTrue(guard.refused.isEmpty(), "outside connections attempted: " + guard.refused);
    }

    @Test
    void everyStepHasProvenanceAndDoneMarker() throws IOException {
        for (String kind : List.of("corpus", "features", "pretrain", "finetune", "eval", "floor")) {
            try (Stream<Path> s = Files.list(runsA.resolve(kind))) {
                List<Path> dirs = s.toList();
                assertEquals(1, dirs.size(), kind);
                Path d = dirs.get(0);
                assertTrue(Files.isRegularFile(d.resolve(StepRunner.DONE)), kind + " has no DONE");
                String prov = Files.readString(d.resolve(StepRunner.PROVENANCE));
                for (String field : List.of("\"inputs\"", "\"root_seed\"", "\"git_commit\"", "\"djl_version\"",
                        "\"engine_version\"", "\"device\"", "\"seconds\"")) {
                    assertTrue(prov.contains(field), kind + " provenance lacks " + field);
                }
            }
        }
        Path pretrainProv = Files.list(runsA.resolve("pretrain")).findFirst().orElseThrow().resolve(StepRunner.PROVENANCE);
        assertTrue(Files.readString(pretrainProv).contains("steps_per_second"));
    }

    @Test
    void pretrainingWritesGlobalStatisticsThatEveryLaterStepRecords() throws IOException {
        Path pretrain = only(runsA.resolve("pretrain"));
        Path stats = pretrain.resolve("feature_stats.json");
        assertTrue(Files.isRegularFile(stats), "global input normalisation is the default; no " + stats);
        String hash = org.masrrepro.datasets.util.Hashes.sha256(stats);
        assertTrue(Files.readString(pretrain.resolve(StepRunner.PROVENANCE)).contains(hash), "pretrain records it");
        for (String kind : List.of("finetune", "eval")) {
            String prov = Files.readString(only(runsA.resolve(kind)).resolve(StepRunner.PROVENANCE));
            assertTrue(prov.contains("feature_stats.json") && prov.contains(hash),
                    kind + " must read the pretraining's statistics:\n" + prov);
        }
    }

    private static Path only(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), dir.toString());
            return all.get(0);
        }
    }

    @Test
    void reportHasTablePlotAndCard() throws IOException {
        Path report = runsA.resolve("report/smoke");
        String md = Files.readString(report.resolve("table1.md"));
        assertTrue(md.contains("| best-rq | "), md);
        assertTrue(md.contains("85.6"), "paper's BEST-RQ FLEURS O accuracy beside ours");
        assertTrue(md.contains("analog") && md.contains("profile smoke"), "caption names corpus and profile");
        byte[] png = Files.readAllBytes(report.resolve("table1.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(md.contains("| floor: log-mel stats + logreg | "), "the corpus's non-learned floor is a row");
        try (Stream<Path> cards = Files.list(report.resolve("cards"))) {
            List<Path> all = cards.toList();
            assertEquals(1, all.size());
            String card = Files.readString(all.get(0));
            assertTrue(card.contains("## Non-learned floor"), "the card reports the floor");
            assertEquals(card.indexOf("## Non-learned floor"), card.lastIndexOf("## Non-learned floor"));
        }
        assertTrue(Files.isRegularFile(report.resolve("table1.html")));
        assertTrue(Files.readString(report.resolve("results.csv")).contains("best-rq"));
    }

    /** Read alone, each table CSV row and each chart of the report still names the analog corpus and the profile. */
    @Test
    void everyTableCsvRowAndChartNamesTheAnalogCorpusAndProfile() throws IOException {
        Path report = runsA.resolve("report/smoke");
        String label = "FLEURS analog (espeak-ng voices, gettext sentences)";
        List<Path> files;
        try (Stream<Path> s = Files.list(report)) {
            files = s.sorted().toList();
        }
        int csvs = 0;
        for (Path csv : files.stream().filter(f -> f.getFileName().toString().matches("(table|figure|section)\\d+\\.csv"))
                .toList()) {
            try (java.io.Reader r = Files.newBufferedReader(csv)) {
                var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .build().parse(r);
                for (var rec : parser) {
                    if (parser.getHeaderNames().stream().anyMatch(h -> h.endsWith(" ours") && !rec.get(h).isEmpty())) {
                        assertEquals(label, rec.get("corpus"), csv + " row " + rec.get("row"));
                        assertEquals("smoke", rec.get("profile"), csv + " row " + rec.get("row"));
                        assertEquals(rec.get("row").equals(Results.FLOOR_ROW) ? "" : label,
                                rec.get("pretraining_corpus"), csv + " row " + rec.get("row"));
                    }
                }
            }
            csvs++;
        }
        assertEquals(6, csvs, "every table and figure of the paper, run or not: " + files);
        int pngs = 0;
        for (Path png : files.stream().filter(f -> f.toString().endsWith(".png")).toList()) {
            String sub = org.masrrepro.reports.plots.Charts.readText(png).getOrDefault("Description", "");
            assertTrue(sub.contains(label) && sub.endsWith("profile smoke"), png + ": " + sub);
            pngs++;
        }
        assertTrue(pngs >= 3, files.toString());
    }

    @Test
    void interruptedPretrainingResumesToBitIdenticalMetrics() throws IOException {
        Path runsB = tmp.resolve("b");
        assertThrows(Interrupted.class, () -> run(runsB, 5));
        try (Stream<Path> s = Files.list(runsB.resolve("pretrain"))) {
            Path d = s.findFirst().orElseThrow();
            assertFalse(Files.exists(d.resolve(StepRunner.DONE)), "an interrupted step must not be marked done");
        }
        String log = run(runsB, null);
        assertTrue(log.contains("[pretrain] best-rq: resuming"), log);
        Path evalA = Files.list(runsA.resolve("eval")).findFirst().orElseThrow();
        Path evalB = Files.list(runsB.resolve("eval")).findFirst().orElseThrow();
        assertEquals(evalA.getFileName(), evalB.getFileName(), "same inputs, same step hash");
        assertArrayEquals(Files.readAllBytes(evalA.resolve("metrics.json")), Files.readAllBytes(evalB.resolve("metrics.json")));
        assertArrayEquals(Files.readAllBytes(evalA.resolve("scores.csv")), Files.readAllBytes(evalB.resolve("scores.csv")));
    }

    @Test
    void reRunDoesNoWorkAndRewritesTheSameNumbers() throws IOException {
        Path table = runsA.resolve("report/smoke/table1.md");
        String before = Files.readString(table);
        String log = run(runsA, null);
        assertFalse(log.contains(": running"), "a re-run must not run any step:\n" + log);
        assertTrue(log.contains("done earlier"), log);
        assertEquals(before, Files.readString(table));
    }
}
