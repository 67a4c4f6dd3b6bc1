package org.masrrepro.reports.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regressions are caught in the right direction per metric; improvements and small changes pass. */
class RegressionCheckTest {

    static ResultCell cell(String metric, double v) {
        return new ResultCell("T1", "best-rq", "fleurs/all", metric, v, 1, "smoke", "analog", "p");
    }

    /** A corpus build measured under one cell, whose audio hash follows its manifest hash. */
    static Baseline.Corpus corpus(String dir, String label, String manifestSha, String cell) {
        return new Baseline.Corpus(dir, label, manifestSha, "aud" + manifestSha, List.of(cell));
    }

    /** Compares with neither this run's corpora nor its platform known: the tolerances alone. */
    static RegressionCheck.Outcome unknownDataAndPlatform(Baseline b, List<ResultCell> measured) {
        return RegressionCheck.compare(b, measured, null, null);
    }

    @Test
    void directionAwareWithTolerance(@TempDir Path tmp) throws IOException {
        Baseline b = RegressionCheck.of("smoke", "test", Map.of("acc", 2.0, "eer", 1.0),
                List.of(cell("acc", 70), cell("eer", 10)), null, null);
        RegressionCheck.write(tmp.resolve("b.json"), b);
        Baseline read = RegressionCheck.read(tmp.resolve("b.json"));
        assertEquals(b, read);

        assertFalse(unknownDataAndPlatform(read, List.of(cell("acc", 69), cell("eer", 10.5))).regressed());
        RegressionCheck.Outcome worse = unknownDataAndPlatform(read, List.of(cell("acc", 67.9), cell("eer", 8)));
        assertTrue(worse.regressed());
        assertTrue(worse.render().contains("REGRESSED"), worse.render());
        assertEquals("improved", worse.lines().get(1).verdict());
        assertTrue(unknownDataAndPlatform(read, List.of(cell("acc", 80), cell("eer", 11.5))).regressed(),
                "eer up is worse");
        assertTrue(unknownDataAndPlatform(read, List.of(cell("acc", 80))).regressed(), "a missing cell regresses");
        assertTrue(unknownDataAndPlatform(read, List.of(cell("acc", Double.NaN), cell("eer", 10))).regressed());

        // A new row's cells pass but are named as unguarded; metrics without a tolerance are not listed.
        ResultCell newRow = new ResultCell("T1", "w2v-bert", "dhvani/all", "acc", 20, 1, "smoke", "analog", "p");
        ResultCell untracked = new ResultCell("F3", "best-rq", "fleurs/de", "recall", 20, 1, "smoke", "analog", "p");
        RegressionCheck.Outcome more = unknownDataAndPlatform(read, List.of(cell("acc", 70), cell("eer", 10), newRow,
                untracked));
        assertFalse(more.regressed());
        assertEquals(List.of("T1 | w2v-bert | dhvani/all | acc"), more.notInBaseline());
        assertTrue(more.render().contains("1 measured cell is not in the baseline"), more.render());
    }

    @Test
    void aChangedCorpusIsNamedAndItsRegressedRowsMarkedButStillFail(@TempDir Path tmp) throws IOException {
        List<Baseline.Corpus> built = List.of(
                corpus("corpus/aaa", "FLEURS analog", "1111aaaa2222bbbb", "T1 | best-rq | fleurs/all"),
                corpus("corpus/bbb", "Mask analog", "3333cccc4444dddd", "T1 | best-rq | mask"));
        Baseline b = RegressionCheck.of("smoke", "test", Map.of("acc", 2.0), List.of(cell("acc", 70)), built, null);
        RegressionCheck.write(tmp.resolve("b.json"), b);
        Baseline read = RegressionCheck.read(tmp.resolve("b.json"));
        assertEquals(b, read);

        List<Baseline.Corpus> same = List.of(built.get(1), built.get(0));
        RegressionCheck.Outcome unchanged = RegressionCheck.compare(read, List.of(cell("acc", 60)), same, null);
        assertTrue(unchanged.regressed());
        assertEquals("REGRESSED", unchanged.lines().get(0).verdict(), "same data: a plain regression");
        assertTrue(unchanged.dataChanges().isEmpty());

        List<Baseline.Corpus> rebuilt = List.of(
                corpus("corpus/aaa", "FLEURS analog", "9999eeee", "T1 | best-rq | fleurs/all"),
                corpus("corpus/ccc", "Dhvani analog", "5555ffff", "T1 | best-rq | dhvani/all"));
        RegressionCheck.Outcome changed = RegressionCheck.compare(read, List.of(cell("acc", 60)), rebuilt, null);
        assertTrue(changed.regressed(), "a data change explains, it does not excuse");
        assertEquals("REGRESSED (data changed)", changed.lines().get(0).verdict());
        assertEquals(3, changed.dataChanges().size(), "rebuilt, not in this run, not in the baseline");
        String text = changed.render();
        assertTrue(text.contains("FLEURS analog (corpus/aaa): manifest 1111aaaa2222 -> 9999eeee")
                && text.contains("Mask analog (corpus/bbb): not in this run")
                && text.contains("Dhvani analog (corpus/ccc): not in the baseline")
                && text.contains("--write-baseline"), text);
        List<Baseline.Corpus> maskOnly = List.of(built.get(0),
                corpus("corpus/bbb", "Mask analog", "7777", "T1 | best-rq | mask"));
        assertEquals("REGRESSED", RegressionCheck.compare(read, List.of(cell("acc", 60)), maskOnly, null).lines().get(0)
                .verdict(), "a change in another column's corpus does not explain this cell");
        assertFalse(RegressionCheck.compare(read, List.of(cell("acc", 70)), rebuilt, null).regressed(),
                "cells within tolerance pass whatever the data");
        assertTrue(unknownDataAndPlatform(read, List.of(cell("acc", 60))).dataChanges().isEmpty(),
                "without this run's builds nothing is said about data");
        Baseline old = new Baseline("smoke", "written before corpora were kept", read.tolerances(), null, null,
                read.cells());
        assertTrue(RegressionCheck.compare(old, List.of(cell("acc", 60)), rebuilt, null).dataChanges().isEmpty(),
                "an old baseline has no builds to compare");
    }

    static final Map<String, String> PLATFORM = Map.of("cpu_model", "AMD EPYC", "cpu_isa", "avx2 fma avx512f",
            "torch_num_threads", "2", "engine_version", "2.7.1", "os", "Linux amd64");

    /** A baseline with a platform and one corpus behind its acc and eer cells, read back from its file. */
    static Baseline exactBaseline(Path tmp, List<Baseline.Corpus> built) throws IOException {
        Baseline b = RegressionCheck.of("smoke", "test", Map.of("acc", 25.0, "eer", 25.0),
                List.of(cell("acc", 70), cell("eer", 10)), built, PLATFORM);
        RegressionCheck.write(tmp.resolve("b.json"), b);
        Baseline read = RegressionCheck.read(tmp.resolve("b.json"));
        assertEquals(b, read);
        assertEquals(PLATFORM, read.platform());
        return read;
    }

    @Test
    void onTheBaselinesDataAndPlatformAnyChangeFails(@TempDir Path tmp) throws IOException {
        List<Baseline.Corpus> built = List.of(
                corpus("corpus/aaa", "FLEURS analog", "1111aaaa", "T1 | best-rq | fleurs/all"));
        Baseline b = exactBaseline(tmp, built);

        RegressionCheck.Outcome same = RegressionCheck.compare(b, List.of(cell("acc", 70), cell("eer", 10)), built,
                PLATFORM);
        assertFalse(same.regressed(), same.render());
        assertTrue(same.render().contains("mode: all 2 cells compared exactly"), same.render());
        assertEquals(RegressionCheck.EXACT_TOLERANCE, same.lines().get(0).tolerance());

        RegressionCheck.Outcome moved = RegressionCheck.compare(b, List.of(cell("acc", 70 + 1e-6), cell("eer", 10)),
                built, PLATFORM);
        assertTrue(moved.regressed(), "1e-6 on the same data and platform is a change");
        assertEquals(RegressionCheck.CHANGED, moved.lines().get(0).verdict());
        assertEquals("ok", moved.lines().get(1).verdict());
        String text = moved.render();
        assertTrue(text.contains("CHANGED (same data and platform: bit-identical expected) by +1.00000e-06")
                && text.contains("1 of 2 cells changed") && text.contains("Review the diff first")
                && text.contains("--write-baseline"), text);
        assertTrue(RegressionCheck.compare(b, List.of(cell("acc", 70), cell("eer", 10 - 1e-6)), built, PLATFORM)
                .regressed(), "an improvement is a change too");
    }

    @Test
    void anotherPlatformOrChangedDataOrAnOldBaselineKeepTheTolerances(@TempDir Path tmp) throws IOException {
        List<Baseline.Corpus> built = List.of(
                corpus("corpus/aaa", "FLEURS analog", "1111aaaa", "T1 | best-rq | fleurs/all"));
        Baseline b = exactBaseline(tmp, built);
        List<ResultCell> moved = List.of(cell("acc", 70 + 1e-6), cell("eer", 12));

        Map<String, String> intel = new java.util.TreeMap<>(PLATFORM);
        intel.put("cpu_model", "Intel Xeon");
        RegressionCheck.Outcome other = RegressionCheck.compare(b, moved, built, intel);
        assertFalse(other.regressed(), other.render());
        assertEquals(25.0, other.lines().get(0).tolerance());
        assertTrue(other.render().contains("mode: platform differs from the baseline's (cpu_model Intel Xeon vs the "
                + "baseline's AMD EPYC): the baseline's tolerances apply"), other.render());
        Map<String, String> fourThreads = new java.util.TreeMap<>(PLATFORM);
        fourThreads.put("torch_num_threads", "4");
        assertFalse(RegressionCheck.compare(b, moved, built, fourThreads).regressed(), "other thread count");
        Map<String, String> noCpuinfo = new java.util.TreeMap<>(PLATFORM);
        noCpuinfo.put("cpu_model", "unknown");
        RegressionCheck.Outcome unknown = RegressionCheck.compare(b, moved, built, noCpuinfo);
        assertFalse(unknown.regressed());
        assertTrue(unknown.render().contains("partly unknown (cpu_model)"), unknown.render());
        assertFalse(RegressionCheck.compare(b, moved, built, null).regressed(), "this run's platform not known");
        assertFalse(RegressionCheck.compare(b, moved, null, PLATFORM).regressed(), "this run's corpora not known");
        assertTrue(RegressionCheck.compare(b, List.of(cell("acc", 40), cell("eer", 10)), built, intel).regressed(),
                "the tolerances still apply");

        List<Baseline.Corpus> rebuilt = List.of(
                corpus("corpus/aaa", "FLEURS analog", "9999eeee", "T1 | best-rq | fleurs/all"));
        RegressionCheck.Outcome newData = RegressionCheck.compare(b, moved, rebuilt, PLATFORM);
        assertFalse(newData.regressed(), newData.render());
        assertTrue(newData.render().contains("every cell was measured on a corpus that differs"), newData.render());

        Baseline old = new Baseline("smoke", "written before platforms were kept", b.tolerances(), null, b.corpora(),
                b.cells());
        RegressionCheck.Outcome oldOutcome = RegressionCheck.compare(old, moved, built, PLATFORM);
        assertFalse(oldOutcome.regressed(), oldOutcome.render());
        assertTrue(oldOutcome.render().contains("the baseline records no platform"), oldOutcome.render());
    }

    @Test
    void onlyCellsOnUnchangedCorporaAreComparedExactly() {
        List<Baseline.Corpus> built = List.of(
                corpus("corpus/aaa", "FLEURS analog", "1111aaaa", "T1 | best-rq | fleurs/all"),
                corpus("corpus/bbb", "Mask analog", "3333cccc", "T2 | best-rq | mask"));
        ResultCell mask = new ResultCell("T2", "best-rq", "mask", "acc", 50, 1, "smoke", "analog", "p");
        Baseline b = RegressionCheck.of("smoke", "test", Map.of("acc", 25.0), List.of(cell("acc", 70), mask), built,
                PLATFORM);
        List<Baseline.Corpus> maskRebuilt = List.of(built.get(0),
                corpus("corpus/bbb", "Mask analog", "7777", "T2 | best-rq | mask"));
        ResultCell maskMoved = new ResultCell("T2", "best-rq", "mask", "acc", 45, 1, "smoke", "analog", "p");
        RegressionCheck.Outcome o = RegressionCheck.compare(b, List.of(cell("acc", 70), maskMoved), maskRebuilt,
                PLATFORM);
        assertFalse(o.regressed(), "the rebuilt corpus's cell keeps its tolerance: " + o.render());
        assertTrue(o.render().contains("mode: 1 of 2 cells compared exactly"), o.render());
        RegressionCheck.Outcome both = RegressionCheck.compare(b, List.of(cell("acc", 70.5), maskMoved), maskRebuilt,
                PLATFORM);
        assertTrue(both.regressed());
        assertEquals(RegressionCheck.CHANGED, both.lines().get(0).verdict(), both.render());
    }

    @Test
    void otherAudioUnderTheSameManifestOrNoAudioHashInTheBaselineIsNotComparedExactly(@TempDir Path tmp)
            throws IOException {
        List<Baseline.Corpus> built = List.of(
                corpus("corpus/aaa", "FLEURS analog", "1111aaaa", "T1 | best-rq | fleurs/all"));
        Baseline b = exactBaseline(tmp, built);
        List<ResultCell> moved = List.of(cell("acc", 70 + 1e-6), cell("eer", 12));

        List<Baseline.Corpus> resynthesised = List.of(
                new Baseline.Corpus("corpus/aaa", "FLEURS analog", "1111aaaa", "aud2222bbbb",
                        List.of("T1 | best-rq | fleurs/all")));
        RegressionCheck.Outcome other = RegressionCheck.compare(b, moved, resynthesised, PLATFORM);
        assertFalse(other.regressed(), "new samples under one manifest: tolerances, not CHANGED: " + other.render());
        assertEquals("audio", other.dataChanges().get(0).part());
        assertTrue(other.render().contains("audio aud1111aaaa -> aud2222bbbb"), other.render());

        Baseline noAudio = new Baseline("smoke", "written before audio hashes were kept", b.tolerances(), PLATFORM,
                List.of(new Baseline.Corpus("corpus/aaa", "FLEURS analog", "1111aaaa", null,
                        List.of("T1 | best-rq | fleurs/all"))),
                b.cells());
        RegressionCheck.Outcome old = RegressionCheck.compare(noAudio, moved, built, PLATFORM);
        assertFalse(old.regressed(), old.render());
        assertTrue(old.dataChanges().isEmpty(), "an unknown hash is no data change: " + old.render());
        assertTrue(old.render().contains("1 corpus has no audio hash to compare") && old.render().contains(
                "FLEURS analog (corpus/aaa): no audio hash in the baseline"), old.render());
        RegressionCheck.Outcome worse = RegressionCheck.compare(noAudio, List.of(cell("acc", 40), cell("eer", 10)),
                built, PLATFORM);
        assertEquals("REGRESSED", worse.lines().get(0).verdict(), "a code regression is not blamed on the data");

        List<Baseline.Corpus> unreadable = List.of(new Baseline.Corpus("corpus/aaa", "FLEURS analog", "1111aaaa", null,
                List.of("T1 | best-rq | fleurs/all")));
        RegressionCheck.Outcome unhashed = RegressionCheck.compare(b, moved, unreadable, PLATFORM);
        assertFalse(unhashed.regressed(), unhashed.render());
        assertTrue(unhashed.render().contains("no audio hash in this run"), unhashed.render());
        assertTrue(RegressionCheck.compare(b, moved, built, PLATFORM).regressed(), "the same audio: exact");

        RegressionCheck.Outcome gone = RegressionCheck.compare(b, moved, List.of(), PLATFORM);
        assertEquals("manifest", gone.dataChanges().get(0).part());
        assertTrue(gone.render().contains("FLEURS analog (corpus/aaa): not in this run"), gone.render());
        Baseline noHashes = new Baseline("smoke", "hand-edited", b.tolerances(), PLATFORM,
                List.of(new Baseline.Corpus("corpus/aaa", "FLEURS analog", null, null,
                        List.of("T1 | best-rq | fleurs/all"))),
                b.cells());
        assertEquals(1, RegressionCheck.compare(noHashes, moved, List.of(), PLATFORM).dataChanges().size(),
                "a corpus with no hashes at all, gone from this run");
    }
}
