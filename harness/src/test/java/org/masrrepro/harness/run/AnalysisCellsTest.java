package org.masrrepro.harness.run;

import org.junit.jupiter.api.Test;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.results.ResultCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisCellsTest {

    /** The corpus's language codes (FLEURS': Norwegian is nb) must meet the groups the paper's text names. */
    @Test
    void northGermanicConfusionsUseTheCorpusCodes() {
        List<String> classes = List.of("da", "is", "nb", "sv", "xx");
        int[][] confusion = {
                {8, 0, 2, 0, 0},
                {0, 6, 3, 0, 1},
                {1, 0, 9, 0, 0},
                {0, 0, 3, 5, 2},
                {0, 0, 0, 0, 10}};
        ClassificationReport m = new ClassificationReport(50, 0, 0, 0, 0, 0, classes, confusion, Map.of());
        List<ResultCell> out = new ArrayList<>();
        AnalysisCells.closeGroupConfusions(m, "row", 1, "smoke", "corpus", "prov", out);
        Map<String, Double> rate = out.stream().filter(c -> c.metric().equals("rate"))
                .collect(Collectors.toMap(ResultCell::column, ResultCell::value));
        Map<String, Double> share = out.stream().filter(c -> c.metric().equals("share"))
                .collect(Collectors.toMap(ResultCell::column, ResultCell::value));

        // sv's group predictions: 5 sv, 3 nb, 0 da (the 2 outside the group do not count)
        assertEquals(3.0 / 8, rate.get("sv>nb"), 1e-12);
        assertEquals(5.0 / 8, rate.get("sv>sv"), 1e-12);
        assertEquals(0.0, rate.get("sv>da"), 1e-12);
        // is/nb: 6 is, 3 nb among is's predictions inside {is, nb}
        assertEquals(3.0 / 9, rate.get("is>nb"), 1e-12);
        // share: over all of sv's 10 utterances, 3 went to nb (the text's "45% of Swedish predicted as Norwegian")
        assertEquals(30.0, share.get("sv>nb"), 1e-12);
        assertEquals(30.0, share.get("is>nb"), 1e-12);
        assertFalse(share.containsKey("sv>sv"), "a language's share of itself is its recall, in F3");
        assertTrue(out.stream().allMatch(c -> c.table().equals("F4")));

        // All of sv's utterances predicted outside the group: no rate, but a share of 0 (the best case for the claim).
        int[][] away = {{10, 0, 0, 0, 0}, {0, 10, 0, 0, 0}, {0, 0, 10, 0, 0}, {0, 0, 0, 0, 10}, {0, 0, 0, 0, 10}};
        List<ResultCell> out2 = new ArrayList<>();
        AnalysisCells.closeGroupConfusions(new ClassificationReport(50, 0, 0, 0, 0, 0, classes, away, Map.of()), "row",
                1, "smoke", "corpus", "prov", out2);
        assertTrue(out2.stream().noneMatch(c -> c.column().startsWith("sv>") && c.metric().equals("rate")));
        assertEquals(0.0, out2.stream().filter(c -> c.column().equals("sv>nb") && c.metric().equals("share"))
                .findFirst().orElseThrow().value(), 0.0);
        assertFalse(rate.keySet().stream().anyMatch(k -> k.contains("no")), "no code 'no' in a FLEURS corpus: " + rate);
    }
    /**
     * The share of changed negatives is a statistic of the pretraining: one cell per pretraining run, in the column
     * {@code pretraining} with the pretraining corpus, so the FLEURS and Dhvani runs that share it give equal cells.
     */
    @Test
    void negativesChangedIsACellOfThePretraining(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path log = tmp.resolve("metrics.csv");
        java.nio.file.Files.writeString(log, "step,loss," + AnalysisCells.NEGATIVES_CHANGED + "\n1,2.0,0.75\n2,1.5,0.5\n");
        List<ResultCell> fleurs = new ArrayList<>();
        AnalysisCells.negativesChanged(log, "best-rq+masr", 7, "cpu", "FLEURS analog", "pretrain/x/provenance.json",
                fleurs);
        assertEquals(1, fleurs.size());
        ResultCell c = fleurs.get(0);
        assertEquals(List.of("S51", AnalysisCells.PRETRAINING, "negatives_changed_pct", "FLEURS analog"),
                List.of(c.table(), c.column(), c.metric(), c.corpus()));
        assertEquals(62.5, c.value(), 1e-9);
        List<ResultCell> none = new ArrayList<>();
        java.nio.file.Files.writeString(log, "step,loss\n1,2.0\n");
        AnalysisCells.negativesChanged(log, "best-rq+lasr", 7, "cpu", "FLEURS analog", "p", none);
        assertEquals(List.of(), none, "LASR logs no such column");
    }

    /**
     * The collapse diagnostic counts, over the second half of the log, the steps where every triplet is active and the
     * mean hinge (loss / lambda) is the margin: lambda 16, margin 0.2 put a collapsed term at 3.2.
     */
    @Test
    void auxAtMarginCountsCollapsedLateSteps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path log = tmp.resolve("metrics.csv");
        // six logged steps; the first half (25, 50, 75) is not counted; the second: 100 at the margin but half the
        // hinges inactive, 125 at it, 150 learning
        java.nio.file.Files.writeString(log, "step,loss,loss_masr0,masr0_active_triplets\n"
                + "25,9,4.0,1\n50,9,3.2,1\n75,9,3.202,1\n100,9,3.2,0.5\n125,9,3.19,1\n150,9,2.1,1\n");
        List<ResultCell> out = new ArrayList<>();
        AnalysisCells.auxAtMargin(log, "masr0", 16, 0.2, "best-rq+masr", 7, "cpu", "FLEURS analog", "p", out);
        // 100 (3.2 but half active: no), 125 (3.19/16 = 0.1994: within 1%: yes), 150 (no) -> 1 of 3
        assertEquals(1, out.size());
        assertEquals(List.of("S51", AnalysisCells.PRETRAINING, "aux_at_margin_pct"),
                List.of(out.get(0).table(), out.get(0).column(), out.get(0).metric()));
        assertEquals(100.0 / 3, out.get(0).value(), 1e-9);
        List<ResultCell> none = new ArrayList<>();
        AnalysisCells.auxAtMargin(log, "lasr0", 16, 0.2, "best-rq+lasr", 7, "cpu", "FLEURS analog", "p", none);
        assertEquals(List.of(), none, "no such term in the log");
    }
}
