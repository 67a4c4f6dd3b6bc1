package org.masrrepro.harness.run;

import org.junit.jupiter.api.Test;
import org.masrrepro.reports.results.ResultCell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floors of different corpora under one dataset get a row each instead of being pooled as seeds (the captions are
 * tested in the reports module, ReportCaptionTest).
 */
class ReportBuilderTest {

    static RunRecord floor(String corpusDir, double acc) {
        return new RunRecord("floor/fleurs", "floor", "cpu", 0, "FLEURS analog", corpusDir, "floor/x",
                List.of(new ResultCell("T1", Results.FLOOR_ROW, "fleurs/all", "acc", acc, 0, "cpu", "FLEURS analog",
                        "p")), Map.of());
    }

    static RunRecord learned(String corpusDir) {
        return new RunRecord("table1/bestrq-fleurs", "x", "cpu", 1, "FLEURS analog", corpusDir, "eval/x",
                List.of(new ResultCell("T1", "best-rq", "fleurs/all", "acc", 40, 1, "cpu", "FLEURS analog", "p")),
                Map.of());
    }

    @Test
    void oneCorpusKeepsThePlainFloorRow() {
        List<RunRecord> in = List.of(floor("corpus/a", 44), learned("corpus/a"));
        assertEquals(in, ReportBuilder.separateFloors(in, new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void twoCorporaGetOneRowEachAndAWarning() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<RunRecord> out = ReportBuilder.separateFloors(
                List.of(floor("corpus/a", 44), floor("corpus/b", 48), learned("corpus/a")),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(Results.FLOOR_ROW + " [corpus/a]", out.get(0).cells().get(0).row());
        assertEquals(Results.FLOOR_ROW + " [corpus/b]", out.get(1).cells().get(0).row());
        assertEquals(48, out.get(1).cells().get(0).value());
        assertEquals("best-rq", out.get(2).cells().get(0).row(), "learned rows are untouched");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("floors of 2 corpora"));
    }

    /** A training log's loss terms are read beside its total, each under its stage's name; a blank value is skipped. */
    @Test
    void curvesKeepTheLossTerms(@org.junit.jupiter.api.io.TempDir java.nio.file.Path runs) throws java.io.IOException {
        java.nio.file.Files.createDirectories(runs.resolve("p/train"));
        java.nio.file.Files.writeString(runs.resolve("p/train/metrics.csv"),
                "step,loss,grad_norm,loss_masr0,loss_ssl\n25,7.0,1,3.6,3.4\n50,6.8,1,,3.6\n");
        Map<String, double[][]> c = ReportBuilder.curves(runs, Map.of("continued pretraining", "p/train/metrics.csv",
                "missing", "q/train/metrics.csv"));
        assertEquals(List.of("continued pretraining loss", "continued pretraining loss_masr0",
                "continued pretraining loss_ssl"), List.copyOf(new java.util.TreeMap<>(c).keySet()));
        assertEquals(6.8, c.get("continued pretraining loss")[1][1], 0.0);
        assertEquals(1, c.get("continued pretraining loss_masr0")[0].length, "the blank value at step 50 is skipped");
    }
}
