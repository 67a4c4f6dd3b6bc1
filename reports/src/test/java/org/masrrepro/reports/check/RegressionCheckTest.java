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

    @Test
    void directionAwareWithTolerance(@TempDir Path tmp) throws IOException {
        Baseline b = RegressionCheck.of("smoke", "test", Map.of("acc", 2.0, "eer", 1.0),
                List.of(cell("acc", 70), cell("eer", 10)), null);
        RegressionCheck.write(tmp.resolve("b.json"), b);
        Baseline read = RegressionCheck.read(tmp.resolve("b.json"));
        assertEquals(b, read);

        assertFalse(RegressionCheck.compare(read, List.of(cell("acc", 69), cell("eer", 10.5))).regressed());
        RegressionCheck.Outcome worse = RegressionCheck.compare(read, List.of(cell("acc", 67.9), cell("eer", 8)));
        assertTrue(worse.regressed());
        assertTrue(worse.render().contains("REGRESSED"), worse.render());
        assertEquals("improved", worse.lines().get(1).verdict());
        assertTrue(RegressionCheck.compare(read, List.of(cell("acc", 80), cell("eer", 11.5))).regressed(), "eer up is worse");
        assertTrue(RegressionCheck.compare(read, List.of(cell("acc", 80))).regressed(), "a missing cell regresses");
        assertTrue(RegressionCheck.compare(read, List.of(cell("acc", Double.NaN), cell("eer", 10))).regressed());

        // A new row's cells pass but are named as unguarded; metrics without a tolerance are not listed.
        ResultCell newRow = new ResultCell("T1", "w2v-bert", "dhvani/all", "acc", 20, 1, "smoke", "analog", "p");
        ResultCell untracked = new ResultCell("F3", "best-rq", "fleurs/de", "recall", 20, 1, "smoke", "analog", "p");
        RegressionCheck.Outcome more = RegressionCheck.compare(read, List.of(cell("acc", 70), cell("eer", 10), newRow,
                untracked));
        assertFalse(more.regressed());
        assertEquals(List.of("T1 | w2v-bert | dhvani/all | acc"), more.notInBaseline());
        assertTrue(more.render().contains("1 measured cell is not in the baseline"), more.render());
    }

    @Test
    void aChangedCorpusIsNamedAndItsRegressedRowsMarkedButStillFail(@TempDir Path tmp) throws IOException {
        List<Baseline.Corpus> built = List.of(
                new Baseline.Corpus("corpus/aaa", "FLEURS analog", "1111aaaa2222bbbb", List.of("T1 | best-rq | fleurs/all")),
                new Baseline.Corpus("corpus/bbb", "Mask analog", "3333cccc4444dddd", List.of("T1 | best-rq | mask")));
        Baseline b = RegressionCheck.of("smoke", "test", Map.of("acc", 2.0), List.of(cell("acc", 70)), built);
        RegressionCheck.write(tmp.resolve("b.json"), b);
        Baseline read = RegressionCheck.read(tmp.resolve("b.json"));
        assertEquals(b, read);

        List<Baseline.Corpus> same = List.of(built.get(1), built.get(0));
        RegressionCheck.Outcome unchanged = RegressionCheck.compare(read, List.of(cell("acc", 60)), same);
        assertTrue(unchanged.regressed());
        assertEquals("REGRESSED", unchanged.lines().get(0).verdict(), "same data: a plain regression");
        assertTrue(unchanged.dataChanges().isEmpty());

        List<Baseline.Corpus> rebuilt = List.of(
                new Baseline.Corpus("corpus/aaa", "FLEURS analog", "9999eeee", List.of("T1 | best-rq | fleurs/all")),
                new Baseline.Corpus("corpus/ccc", "Dhvani analog", "5555ffff", List.of("T1 | best-rq | dhvani/all")));
        RegressionCheck.Outcome changed = RegressionCheck.compare(read, List.of(cell("acc", 60)), rebuilt);
        assertTrue(changed.regressed(), "a data change explains, it does not excuse");
        assertEquals("REGRESSED (data changed)", changed.lines().get(0).verdict());
        assertEquals(3, changed.dataChanges().size(), "rebuilt, not in this run, not in the baseline");
        String text = changed.render();
        assertTrue(text.contains("FLEURS analog (corpus/aaa): manifest 1111aaaa2222 -> 9999eeee")
                && text.contains("Mask analog (corpus/bbb): not in this run")
                && text.contains("Dhvani analog (corpus/ccc): not in the baseline")
                && text.contains("--write-baseline"), text);
        List<Baseline.Corpus> maskOnly = List.of(built.get(0),
                new Baseline.Corpus("corpus/bbb", "Mask analog", "7777", List.of("T1 | best-rq | mask")));
        assertEquals("REGRESSED", RegressionCheck.compare(read, List.of(cell("acc", 60)), maskOnly).lines().get(0)
                .verdict(), "a change in another column's corpus does not explain this cell");
        assertFalse(RegressionCheck.compare(read, List.of(cell("acc", 70)), rebuilt).regressed(),
                "cells within tolerance pass whatever the data");
        assertTrue(RegressionCheck.compare(read, List.of(cell("acc", 60)), null).dataChanges().isEmpty(),
                "without this run's builds nothing is said about data");
        Baseline old = new Baseline("smoke", "written before corpora were kept", read.tolerances(), null, read.cells());
        assertTrue(RegressionCheck.compare(old, List.of(cell("acc", 60)), rebuilt).dataChanges().isEmpty(),
                "an old baseline has no builds to compare");
    }
}
