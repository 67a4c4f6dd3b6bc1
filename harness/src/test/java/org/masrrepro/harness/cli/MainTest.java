package org.masrrepro.harness.cli;

import org.junit.jupiter.api.Test;
import org.masrrepro.harness.TestPaths;

import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CLI's commands that do no training. */
class MainTest {

    private record Out(int code, String out, String err) {}

    private static Out run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listShowsSpecsAndWhatTheyReproduce() {
        Out o = run("list", "--specs", TestPaths.specs().toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("table1/bestrq-fleurs") && o.out().contains("Table 1"), o.out());
    }

    @Test
    void validateChecksEveryProfile() {
        Out o = run("validate", "--specs", TestPaths.specs().toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("ok  table1/bestrq-fleurs"));
    }

    @Test
    void unknownSpecIsAUsageErrorNamingKnownIds() {
        Out o = run("run", "nope/nothing", "--specs", TestPaths.specs().toString(), "--profile", "smoke");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("table1/bestrq-fleurs"), o.err());
    }

    @Test
    void floorOnlyBuildsCorpusAndFloorWithoutTraining(@TempDir Path runs) throws IOException {
        assumeTrue(org.masrrepro.datasets.synth.EspeakNg.available(), "espeak-ng is missing");
        Out o = run("run", "table1/bestrq-dhvani", "--floor-only", "--profile", "smoke", "--runs", runs.toString(),
                "--specs", TestPaths.specs().toString(), "--data-dir", TestPaths.sharedData().toString());
        assertEquals(0, o.code(), o.err() + o.out());
        assertTrue(Files.isDirectory(runs.resolve("floor")) && Files.isDirectory(runs.resolve("corpus")), o.out());
        assertFalse(Files.exists(runs.resolve("pretrain")), "no training step ran");
        try (var s = Files.list(runs.resolve("floor"))) {
            Path floor = s.findFirst().orElseThrow();
            String md = Files.readString(floor.resolve("floor.md"));
            assertTrue(md.contains("Close language groups") && md.contains("Dravidian"), md);
            assertTrue(md.contains("| EER, pooled one-vs-rest |") && !md.contains("NaN"), md);
        }
    }

    @Test
    void corporaOnlyBuildsEachCorpusOnceAndNothingElse(@TempDir Path runs) throws IOException {
        assumeTrue(org.masrrepro.datasets.synth.EspeakNg.available(), "espeak-ng is missing");
        Out o = run("run", "table1/bestrq-fleurs", "table1/bestrq-lasr-fleurs", "table2/voxforge/bestrq", "--corpora-only",
                "--profile", "smoke", "--runs", runs.toString(), "--specs", TestPaths.specs().toString(), "--data-dir",
                TestPaths.sharedData().toString());
        assertEquals(0, o.code(), o.err() + o.out());
        try (var s = Files.list(runs)) {
            assertEquals(java.util.Set.of("corpus", "features"), s.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "no training, evaluation or report: " + o.out());
        }
        try (var s = Files.list(runs.resolve("corpus"))) {
            // the FLEURS analog (pretraining languages included) shared by two specs, and the VoxForge analog
            assertEquals(2, s.count(), o.out());
        }
        assertTrue(o.out().contains("corpora and features:"), o.out());
    }

    @Test
    void planListsSharedStepsOnceAndWritesNothing(@TempDir Path runs) throws IOException {
        Out o = run("plan", "table1/bestrq-fleurs", "table1/bestrq-lasr-fleurs", "--seeds", "2", "--profile", "smoke",
                "--runs", runs.toString(), "--specs", TestPaths.specs().toString());
        assertEquals(0, o.code(), o.err() + o.out());
        // Per seed: base pretraining, LASR continuation, 2 fine-tunings, 2 evaluations; the
        // corpus, features and floor are shared by both seeds: 3 + 2 x 6 = 15 distinct steps.
        assertTrue(o.out().contains("plan: 15 distinct steps, profile smoke"), o.out());
        assertEquals(1, o.out().lines().filter(l -> l.contains(" corpus/")).count(), o.out());
        assertTrue(o.out().contains("to run: 15 steps"), o.out());
        try (var files = Files.list(runs)) {
            assertEquals(0, files.count(), "plan must not write to the runs directory");
        }
        Out corpora = run("plan", "table1/bestrq-fleurs", "table1/bestrq-lasr-fleurs", "--corpora-only", "--profile",
                "smoke", "--runs", runs.toString(), "--specs", TestPaths.specs().toString());
        assertTrue(corpora.out().contains("plan: 2 distinct steps"), corpora.out() + corpora.err());
        Out floor = run("plan", "table1/bestrq-fleurs", "--floor-only", "--profile", "smoke", "--runs",
                runs.toString(), "--specs", TestPaths.specs().toString());
        assertTrue(floor.out().contains("plan: 3 distinct steps") && floor.out().contains(" floor/"), floor.out());
        Out pretrain = run("plan", "table1/bestrq-fleurs", "table1/bestrq-lasr-fleurs", "--pretrain-only", "--profile",
                "smoke", "--runs", runs.toString(), "--specs", TestPaths.specs().toString());
        assertTrue(pretrain.out().contains("plan: 4 distinct steps") && pretrain.out().contains(" pretrain/")
                && !pretrain.out().contains(" finetune/"), "corpus, features, pretraining, continuation: "
                + pretrain.out());
        // A spec with a downstream corpus of its own: each only-flag plans what run runs, not the other corpus.
        Out maskPretrain = run("plan", "table2/mask/bestrq", "--pretrain-only", "--profile", "smoke", "--runs",
                runs.toString(), "--specs", TestPaths.specs().toString());
        assertTrue(maskPretrain.out().contains("plan: 3 distinct steps") && !maskPretrain.out().contains("Mask"),
                "FLEURS corpus, features, pretraining: " + maskPretrain.out());
        Out maskFloor = run("plan", "table2/mask/bestrq", "--floor-only", "--profile", "smoke", "--runs",
                runs.toString(), "--specs", TestPaths.specs().toString());
        assertTrue(maskFloor.out().contains("plan: 3 distinct steps") && !maskFloor.out().contains("FLEURS"),
                "Mask corpus, features, floor: " + maskFloor.out());
        Out maskCorpora = run("plan", "table2/mask/bestrq", "--corpora-only", "--profile", "smoke", "--runs",
                runs.toString(), "--specs", TestPaths.specs().toString());
        assertTrue(maskCorpora.out().contains("plan: 4 distinct steps"), "both corpora and their features: "
                + maskCorpora.out());
        Out elsewhere = run("list", "--pretrain-only", "--specs", TestPaths.specs().toString());
        assertEquals(2, elsewhere.code(), elsewhere.out());
        assertTrue(elsewhere.err().contains("list does not take it"), elsewhere.err());
        Out both = run("plan", "table1/bestrq-fleurs", "--pretrain-only", "--floor-only", "--profile", "smoke",
                "--runs", runs.toString(), "--specs", TestPaths.specs().toString());
        assertEquals(2, both.code(), both.out());
        assertTrue(both.err().contains("exclude each other"), both.err());
    }

    @Test
    void pretrainOnlyStopsBeforeTheDownstreamStepsWhichALaterRunAdds(@TempDir Path runs) throws IOException {
        assumeTrue(org.masrrepro.datasets.synth.EspeakNg.available(), "espeak-ng is missing");
        String[] common = {"--profile", "smoke", "--runs", runs.toString(), "--specs", TestPaths.specs().toString(),
                "--data-dir", TestPaths.sharedData().toString()};
        Out o = run(concat(new String[] {"run", "table1/bestrq-lasr-fleurs", "--pretrain-only"}, common));
        assertEquals(0, o.code(), o.err() + o.out());
        try (var s = Files.list(runs)) {
            assertEquals(java.util.Set.of("corpus", "features", "pretrain"), s.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "no fine-tuning, evaluation or report: " + o.out());
        }
        try (var s = Files.list(runs.resolve("pretrain"))) {
            assertEquals(2, s.filter(d -> Files.exists(d.resolve("DONE"))).count(), "base and continuation: " + o.out());
        }
        Out planned = run(concat(new String[] {"plan", "table1/bestrq-lasr-fleurs", "--pretrain-only"}, common));
        assertTrue(planned.out().contains("plan: 4 distinct steps") && planned.out().contains("to run: 0 steps"),
                "plan --pretrain-only times the steps run --pretrain-only ran, all done now: " + planned.out());
        Out rest = run(concat(new String[] {"run", "table1/bestrq-lasr-fleurs"}, common));
        assertEquals(0, rest.code(), rest.err() + rest.out());
        assertTrue(rest.out().contains("done earlier, reusing pretrain/") && !rest.out().contains(
                "running in pretrain/"), rest.out());
        assertTrue(Files.isDirectory(runs.resolve("finetune")) && Files.isDirectory(runs.resolve("eval")), rest.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void unknownProfileIsAUsageError() {
        Out o = run("list", "--profile", "huge", "--specs", TestPaths.specs().toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("smoke") && o.err().contains("paper"), o.err());
    }

    @Test
    void allExpandsToEverySpecTablesFirst() {
        org.masrrepro.harness.spec.SpecLoader loader = new org.masrrepro.harness.spec.SpecLoader(TestPaths.specs());
        java.util.List<String> all = Main.expand(loader, java.util.List.of("all"));
        assertEquals(new java.util.TreeSet<>(loader.ids()), new java.util.TreeSet<>(all));
        assertEquals(loader.ids().size(), all.size(), "no spec twice");
        assertTrue(all.get(0).startsWith("table1/"), all.toString());
    }
}
