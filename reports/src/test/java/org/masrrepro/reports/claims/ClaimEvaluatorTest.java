package org.masrrepro.reports.claims;

import org.junit.jupiter.api.Test;
import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.paper.PaperStatement;
import org.masrrepro.reports.paper.PaperStatements;
import org.masrrepro.reports.paper.StatementFormula;
import org.masrrepro.reports.results.ResultCell;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimEvaluatorTest {

    private static final PaperNumbers PAPER = PaperNumbers.load();

    private static ResultCell cell(String ref, long seed, double v) {
        CellRef r = CellRef.parse(ref);
        return new ResultCell(r.table(), r.row(), r.column(), r.metric(), v, seed, "smoke", "test corpus", "p");
    }

    private static Claim claim(String id) {
        return ClaimSet.load().claims().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<ResultCell> accuracies(double[] masr, double[] base) {
        List<ResultCell> cells = new ArrayList<>();
        for (int s = 0; s < masr.length; s++) {
            cells.add(cell("T1|best-rq+masr|fleurs/all|acc", s, masr[s]));
            cells.add(cell("T1|best-rq|fleurs/all|acc", s, base[s]));
        }
        return cells;
    }

    @Test
    void bundledClaimsLoadAndTheirPaperStatisticSupportsThem() {
        ClaimSet set = ClaimSet.load();
        assertTrue(set.claims().size() >= 15);
        ClaimEvaluator none = new ClaimEvaluator(List.of(), PAPER, set.confidence());
        for (ClaimResult r : none.evaluate(set)) {
            assertEquals(Verdict.NOT_RUN, r.verdict(), r.claim().id());
            // Every claim taken from the paper's own tables must hold on the paper's own numbers.
            assertTrue(Double.isNaN(r.paperD()) || r.paperD() > 0, r.claim().id() + " paper d = " + r.paperD());
        }
        assertTrue(none.evaluate(claim("t1-masr-beats-bestrq-fleurs-acc")).paperD() > 8, "83.7 - 75.4");
        assertEquals(55.0, none.evaluate(claim("s62-masr-cuts-ja-as-ko")).paperD(), 1e-9, "the text's 58% to 3%");
        assertEquals(32.0, none.evaluate(claim("s64-masr-cuts-sv-as-no")).paperD(), 1e-9, "the text's 45% to 13%");
    }

    /** A claim names the paper's dataset; its result names the corpora ours were measured on. */
    @Test
    void resultNamesTheCorporaOursCameFrom() {
        List<ResultCell> cells = new ArrayList<>(accuracies(new double[] {60, 62, 61}, new double[] {50, 51, 50}));
        cells.add(new ResultCell("T1", "best-rq", "dhvani/all", "acc", 40, 0, "smoke", "another corpus", "p"));
        ClaimResult r = new ClaimEvaluator(cells, PAPER, 0.95).evaluate(claim("t1-masr-beats-bestrq-fleurs-acc"));
        assertEquals(List.of("test corpus"), r.measuredOn(), "only the cells the claim read");
        assertEquals(List.of(), new ClaimEvaluator(List.of(), PAPER, 0.95)
                .evaluate(claim("t1-masr-beats-bestrq-fleurs-acc")).measuredOn());
    }

    /** Equal values at every seed (a confusion neither model makes) test nothing, and the note says so. */
    @Test
    void equalValuesAtEverySeedAreFlaggedAsUntestable() {
        ClaimResult r = new ClaimEvaluator(accuracies(new double[] {50, 51, 50}, new double[] {50, 51, 50}), PAPER, 0.95)
                .evaluate(claim("t1-masr-beats-bestrq-fleurs-acc"));
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(r.note().startsWith("d is 0 at every seed"), r.note());
        ClaimResult some = new ClaimEvaluator(accuracies(new double[] {50, 52, 50}, new double[] {50, 51, 50}), PAPER,
                0.95).evaluate(claim("t1-masr-beats-bestrq-fleurs-acc"));
        assertTrue(!some.note().startsWith("d is 0"), some.note());
    }

    @Test
    void clearWinOverThreeSeedsIsReproduced() {
        ClaimResult r = new ClaimEvaluator(accuracies(new double[] {60, 62, 61}, new double[] {50, 51, 50}), PAPER, 0.95)
                .evaluate(claim("t1-masr-beats-bestrq-fleurs-acc"));
        assertEquals(Verdict.REPRODUCED, r.verdict(), r.note());
        assertEquals(List.of(10.0, 11.0, 11.0), r.perSeed());
        assertEquals(List.of(0L, 1L, 2L), r.seeds());
    }

    @Test
    void clearLossIsNotReproducedAndNoiseIsInconclusive() {
        ClaimEvaluator loss = new ClaimEvaluator(accuracies(new double[] {40, 41, 40}, new double[] {50, 51, 50}), PAPER, 0.95);
        assertEquals(Verdict.NOT_REPRODUCED, loss.evaluate(claim("t1-masr-beats-bestrq-fleurs-acc")).verdict());
        ClaimEvaluator noise = new ClaimEvaluator(accuracies(new double[] {55, 45, 52}, new double[] {50, 50, 50}), PAPER, 0.95);
        assertEquals(Verdict.INCONCLUSIVE, noise.evaluate(claim("t1-masr-beats-bestrq-fleurs-acc")).verdict());
        ClaimEvaluator single = new ClaimEvaluator(accuracies(new double[] {90}, new double[] {10}), PAPER, 0.95);
        ClaimResult one = single.evaluate(claim("t1-masr-beats-bestrq-fleurs-acc"));
        assertEquals(Verdict.INCONCLUSIVE, one.verdict());
        assertTrue(one.note().contains("one seed"), one.note());
        // Two seeds far apart still give no verdict: the README and the issue ask for at least three.
        ClaimEvaluator two = new ClaimEvaluator(accuracies(new double[] {90, 91}, new double[] {10, 10}), PAPER, 0.95);
        ClaimResult pair = two.evaluate(claim("t1-masr-beats-bestrq-fleurs-acc"));
        assertEquals(Verdict.INCONCLUSIVE, pair.verdict(), pair.note());
        assertTrue(pair.note().contains("2 seeds") && pair.note().contains("needs 3"), pair.note());
    }

    @Test
    void missingCellIsNotRunAndSeedsArePaired() {
        List<ResultCell> cells = new ArrayList<>(accuracies(new double[] {60, 62}, new double[] {50, 51}));
        cells.add(cell("T1|best-rq+masr|fleurs/all|acc", 7, 99)); // no baseline for seed 7
        ClaimEvaluator ev = new ClaimEvaluator(cells, PAPER, 0.95);
        assertEquals(List.of(0L, 1L), ev.evaluate(claim("t1-masr-beats-bestrq-fleurs-acc")).seeds());
        ClaimResult missing = ev.evaluate(claim("t1-masr-beats-lasr-fleurs-acc"));
        assertEquals(Verdict.NOT_RUN, missing.verdict());
        assertTrue(missing.note().contains("best-rq+lasr"), missing.note());
    }

    @Test
    void notWorseUsesTheToleranceInTheRightDirection() {
        Claim wer = claim("t3-masr-keeps-avg-wer"); // tolerance 2.0, lower is better
        double better = ClaimEvaluator.statistic(wer, List.of(), Map.of(wer.a(), 30.0, wer.b(), 31.0)::get);
        double slightlyWorse = ClaimEvaluator.statistic(wer, List.of(), Map.of(wer.a(), 32.0, wer.b(), 31.0)::get);
        double muchWorse = ClaimEvaluator.statistic(wer, List.of(), Map.of(wer.a(), 40.0, wer.b(), 31.0)::get);
        assertEquals(3.0, better, 1e-12);
        assertEquals(1.0, slightlyWorse, 1e-12);
        assertEquals(-7.0, muchWorse, 1e-12);
    }

    @Test
    void noWorseAtTheFloorIsInconclusive() {
        Claim wer = claim("t3-masr-keeps-avg-wer"); // informative only while the baseline's WER is below 90
        List<ResultCell> floor = new ArrayList<>();
        List<ResultCell> useful = new ArrayList<>();
        for (long s = 0; s < 3; s++) {
            floor.add(cell(wer.a(), s, 100.0 + s * 0.1));
            floor.add(cell(wer.b(), s, 100.5));
            useful.add(cell(wer.a(), s, 30.0 + s * 0.1));
            useful.add(cell(wer.b(), s, 30.5));
        }
        ClaimResult atFloor = new ClaimEvaluator(floor, PAPER, 0.95).evaluate(wer);
        assertEquals(Verdict.INCONCLUSIVE, atFloor.verdict());
        assertTrue(atFloor.note().contains("floor"), atFloor.note());
        assertEquals(Verdict.REPRODUCED, new ClaimEvaluator(useful, PAPER, 0.95).evaluate(wer).verdict());
        // clearly worse is evidence even at the floor (insertions push WER above 100)
        List<ResultCell> worseAtFloor = new ArrayList<>();
        for (long s = 0; s < 3; s++) {
            worseAtFloor.add(cell(wer.a(), s, 120.0 + s));
            worseAtFloor.add(cell(wer.b(), s, 100.5));
        }
        assertEquals(Verdict.NOT_REPRODUCED, new ClaimEvaluator(worseAtFloor, PAPER, 0.95).evaluate(wer).verdict());
    }

    @Test
    void rowWiseClaimsCountColumns() {
        List<ResultCell> cells = new ArrayList<>();
        String[] tasks = {"voxforge", "asvspoof2019", "iemocap", "mask", "esc50-human", "esc50-cough"};
        double[] masr = {90, 90, 50, 60, 70, 80};
        double[] base = {80, 80, 60, 50, 60, 90}; // MASR wins 4 of 6
        for (long s = 0; s < 3; s++) {
            for (int i = 0; i < tasks.length; i++) {
                cells.add(cell("T2|best-rq+masr|" + tasks[i] + "|acc", s, masr[i]));
                cells.add(cell("T2|best-rq|" + tasks[i] + "|acc", s, base[i]));
            }
        }
        ClaimResult r = new ClaimEvaluator(cells, PAPER, 0.95).evaluate(claim("t2-masr-beats-bestrq-4-of-6"));
        assertEquals(List.of(0.5, 0.5, 0.5), r.perSeed());
        assertEquals(Verdict.REPRODUCED, r.verdict());

        List<ResultCell> langs = new ArrayList<>();
        for (long s = 0; s < 2; s++) {
            langs.add(cell("F3|best-rq+masr|fleurs/bs|recall", s, 50));
            langs.add(cell("F3|best-rq|fleurs/bs|recall", s, 40));
            langs.add(cell("F3|best-rq+masr|fleurs/sv|recall", s, 30));
            langs.add(cell("F3|best-rq|fleurs/sv|recall", s, 40));
            langs.add(cell("F3|best-rq+masr|fleurs/hr|recall", s, 45));
            langs.add(cell("F3|best-rq|fleurs/hr|recall", s, 40));
            langs.add(cell("F3|best-rq+masr|dhvani/hi|recall", s, 0)); // other corpus: not counted
            langs.add(cell("F3|best-rq|dhvani/hi|recall", s, 90));
        }
        ClaimResult maj = new ClaimEvaluator(langs, PAPER, 0.95).evaluate(claim("f3-more-languages-improve-than-regress"));
        assertEquals(List.of(1.0, 1.0), maj.perSeed());
        assertEquals(75.0, maj.paperD(), 1e-9, "88 improved - 13 regressed, from the paper's text");

        // Only the overlapped languages (row_b's marker cell is 1): bs and hr gain, sv (not overlapped) is left out.
        for (long s = 0; s < 2; s++) {
            langs.add(cell("F3|best-rq|fleurs/bs|overlapped", s, 1));
            langs.add(cell("F3|best-rq|fleurs/hr|overlapped", s, 1));
            langs.add(cell("F3|best-rq|fleurs/sv|overlapped", s, 0));
        }
        ClaimResult overlapped = new ClaimEvaluator(langs, PAPER, 0.95).evaluate(claim("s64-most-overlapped-improve"));
        assertEquals(List.of(2.0, 2.0), overlapped.perSeed(), "bs and hr win, sv is not overlapped");
        assertEquals(List.of(1.0, 1.0), new ClaimEvaluator(langs, PAPER, 0.95)
                .evaluate(claim("f3-more-languages-improve-than-regress")).perSeed(), "all languages: 2 wins, 1 loss");
    }

    @Test
    void invalidClaimsAreRejectedWithTheirId() {
        String json = "{\"fixed_on\":\"x\",\"confidence\":0.95,\"claims\":[{\"id\":\"c1\",\"source\":\"s\","
                + "\"statement\":\"t\",\"type\":\"greater\",\"a\":\"T1|r|c|m\"}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClaimSet.parse(new StringReader(json), "test.json"));
        assertTrue(e.getMessage().contains("test.json") && e.getMessage().contains("c1"), e.getMessage());
    }

    @Test
    void statementsLoadAndFormulasCompute() {
        List<PaperStatement> all = PaperStatements.load();
        assertTrue(all.size() >= 30);
        PaperStatement rel = all.stream().filter(s -> s.id().equals("s51-rel-acc-masr-bestrq-fleurs")).findFirst().orElseThrow();
        StatementFormula f = StatementFormula.parse(rel.formula());
        // Relative gain on the paper's own Table 1 numbers: 100 (83.7 - 75.4) / 75.4 = 11.0, close to the text's 11.2.
        List<ResultCell> paperAsOurs = List.of(cell("T1|best-rq+masr|fleurs/all|acc", 0, 83.7),
                cell("T1|best-rq|fleurs/all|acc", 0, 75.4));
        assertEquals(11.0, f.evaluate(paperAsOurs).orElseThrow().mean(), 0.05);

        List<ResultCell> langs = new ArrayList<>();
        langs.add(cell("F3|best-rq+masr|fleurs/bs|recall", 0, 60));
        langs.add(cell("F3|best-rq|fleurs/bs|recall", 0, 40));
        langs.add(cell("F3|best-rq|fleurs/bs|overlapped", 0, 0));
        langs.add(cell("F3|best-rq+masr|fleurs/de|recall", 0, 50));
        langs.add(cell("F3|best-rq|fleurs/de|recall", 0, 40));
        langs.add(cell("F3|best-rq|fleurs/de|overlapped", 0, 1));
        assertEquals(50.0, StatementFormula.parse("mean_rel_gain F3|best-rq+masr F3|best-rq fleurs/ recall non-overlapped")
                .evaluate(langs).orElseThrow().mean(), 1e-9);
        assertEquals(25.0, StatementFormula.parse("mean_rel_gain F3|best-rq+masr F3|best-rq fleurs/ recall overlapped")
                .evaluate(langs).orElseThrow().mean(), 1e-9);
        assertEquals(2.0, StatementFormula.parse("count_improved F3|best-rq+masr F3|best-rq fleurs/ recall")
                .evaluate(langs).orElseThrow().mean(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> StatementFormula.parse("ratio A B"));
        // The overlapped count reads the flags of one row: bs is not in pretraining, de is; a dhvani flag is not counted.
        langs.add(cell("F3|best-rq|dhvani/hi|overlapped", 0, 1));
        StatementFormula count = StatementFormula.parse(PaperStatements.load().stream()
                .filter(s -> s.id().equals("s64-overlapped-count")).findFirst().orElseThrow().formula());
        assertEquals(1.0, count.evaluate(langs).orElseThrow().mean(), 0.0);
        langs.add(cell("F3|best-rq|fleurs/bs|overlapped", 1, 1));
        langs.add(cell("F3|best-rq|fleurs/de|overlapped", 1, 1));
        assertEquals(1.5, count.evaluate(langs).orElseThrow().mean(), 0.0, "mean of seed 0 (1) and seed 1 (2)");
        assertTrue(StatementFormula.parse("count_flagged F3|best-rq mls/ overlapped").evaluate(langs).isEmpty(),
                "no column under the prefix: nothing to count, not zero");
        assertThrows(IllegalArgumentException.class, () -> StatementFormula.parse("count_flagged F3|best-rq fleurs/"));
    }

    /** The Table 2 statements' formulas, run on the paper's own Table 2, give the counts its text and caption state. */
    @Test
    void table2StatementsOnThePapersOwnTable2() {
        List<ResultCell> paperAsOurs = org.masrrepro.reports.paper.PaperNumbers.load().cells("T2").stream()
                .map(c -> cell(c.table() + "|" + c.row() + "|" + c.column() + "|" + c.metric(), 0, c.value())).toList();
        Map<String, Double> ours = new java.util.HashMap<>();
        for (PaperStatement s : PaperStatements.load()) {
            if (s.id().startsWith("t2-")) {
                ours.put(s.id(), StatementFormula.parse(s.formula()).evaluate(paperAsOurs).orElseThrow().mean());
            }
        }
        assertEquals(3.0, ours.get("t2-lasr-worse"), 0.0, "mask, esc50-human, esc50-cough");
        assertEquals(3.0, ours.get("t2-caption-masr-above-both"), 0.0, "mask, esc50-human, esc50-cough");
        // The text says 4 of 6; its own Table 2 has MASR above BEST-RQ on 5 (all but VoxForge, 94.0 < 94.6).
        assertEquals(5.0, ours.get("t2-masr-better"), 0.0);
    }

    /** What a claim reads: its cell references, or its rows' columns (a list or a prefix) of its metric. */
    @Test
    void claimsNameTheColumnsTheyRead() {
        assertTrue(claim("t2-geomasr-beats-masr-esc50-human").reads("T2", "esc50-human", "acc"));
        assertTrue(!claim("t2-geomasr-beats-masr-esc50-human").reads("T2", "mask", "acc"));
        assertTrue(claim("t2-masr-beats-bestrq-4-of-6").reads("T2", "esc50-human", "acc"), "a listed column");
        assertTrue(!claim("t2-masr-beats-bestrq-4-of-6").reads("T2", "esc50-human", "uar"), "another metric");
        assertTrue(!claim("t2-masr-beats-bestrq-4-of-6").reads("T1", "esc50-human", "acc"), "another table");
        assertTrue(claim("f2-syntactic-best-family").reads("F2", "fleurs/all", "acc"), "through its others");
        assertTrue(!claim("t1-masr-beats-bestrq-fleurs-acc").reads("T2", "esc50-human", "acc"));
        assertEquals(java.util.Set.of("best-rq+masr", "best-rq"), claim("t2-masr-beats-bestrq-4-of-6").rowsRead("T2"));
        assertEquals(java.util.Set.of("best-rq+geomasr", "best-rq+masr"),
                claim("t2-geomasr-beats-masr-esc50-human").rowsRead("T2"));
        assertEquals(java.util.Set.of(), claim("t2-geomasr-beats-masr-esc50-human").rowsRead("T1"));
    }

    /** best_of: d is the margin over the best of the others; a later claim says when it was added. */
    @Test
    void syntacticMustBeatEveryOtherFamily() {
        Claim c = claim("f2-syntactic-best-family");
        assertTrue(c.added() != null && c.added().contains("seen"), "a late claim says what had been seen");
        assertEquals(null, claim("t1-masr-beats-bestrq-fleurs-acc").added());
        String[] fams = {"geographic", "phonetic", "featural", "genetic", "inventory"};
        List<ResultCell> best = new ArrayList<>();
        List<ResultCell> second = new ArrayList<>();
        for (long s = 0; s < 3; s++) {
            best.add(cell("F2|syntactic/combined|fleurs/all|acc", s, 70 + s));
            second.add(cell("F2|syntactic/combined|fleurs/all|acc", s, 60 + s));
            for (int i = 0; i < fams.length; i++) {
                best.add(cell("F2|" + fams[i] + "/combined|fleurs/all|acc", s, 60 + i + s));
                second.add(cell("F2|" + fams[i] + "/combined|fleurs/all|acc", s, 60 + i + s));
                best.add(cell("F2|" + fams[i] + "/selection|fleurs/all|acc", s, 55 + s));
                second.add(cell("F2|" + fams[i] + "/selection|fleurs/all|acc", s, 55 + s));
            }
        }
        ClaimResult win = new ClaimEvaluator(best, PAPER, 0.95).evaluate(c);
        assertEquals(Verdict.REPRODUCED, win.verdict(), win.note());
        assertEquals(List.of(6.0, 6.0, 6.0), win.perSeed(), "70 - max(60..64)");
        ClaimResult lose = new ClaimEvaluator(second, PAPER, 0.95).evaluate(c);
        assertEquals(Verdict.NOT_REPRODUCED, lose.verdict(), "inventory (64) beats syntactic (60): " + lose.perSeed());
        assertTrue(Double.isNaN(win.paperD()), "Figure 2 has no numbers in the paper");
    }

    @Test
    void closeGroupShareStatementsReadTheShareCells() {
        List<ResultCell> cells = List.of(cell("F4|best-rq|is>nb|share", 0, 40), cell("F4|best-rq+masr|is>nb|share", 0, 15),
                cell("F4|best-rq|is>nb|rate", 0, 0.9));
        PaperStatement isFromNo = PaperStatements.load().stream().filter(s -> s.id().equals("s62-is-from-no"))
                .findFirst().orElseThrow();
        assertEquals(25.0, StatementFormula.parse(isFromNo.formula()).evaluate(cells).orElseThrow().mean(), 1e-9);
    }

    /** A formula's corpora are those of the cells it reads: a row-wise count only the columns both rows have. */
    @Test
    void statementCorporaAreThoseOfTheCellsRead() {
        List<ResultCell> cells = List.of(
                new ResultCell("T2", "best-rq+masr", "mask", "acc", 60, 1, "cpu", "Mask analog", "p"),
                new ResultCell("T2", "best-rq", "mask", "acc", 50, 1, "cpu", "Mask analog", "p"),
                new ResultCell("T2", "best-rq+masr", "voxforge", "acc", 60, 1, "cpu", "VoxForge analog", "p"),
                new ResultCell("T2", "best-rq", "iemocap", "uar", 50, 1, "cpu", "IEMOCAP analog", "p"),
                new ResultCell("T1", "best-rq", "fleurs/all", "acc", 50, 1, "cpu", "FLEURS analog", "p"));
        // voxforge: best-rq has not run there; iemocap: another metric.
        assertEquals(List.of("Mask analog"), StatementFormula.parse("count_improved T2|best-rq+masr T2|best-rq * acc")
                .corpora(cells));
        assertEquals(List.of("FLEURS analog"), StatementFormula.parse("value T1|best-rq|fleurs/all|acc").corpora(cells));
        assertEquals(List.of(), StatementFormula.parse("value T1|best-rq|dhvani/all|acc").corpora(cells));
    }

    /** A count of 0 (as many languages up as down) is a result, not an untestable claim. */
    @Test
    void aRowWiseDOfZeroIsNotCalledUntestable() {
        List<ResultCell> cells = new ArrayList<>();
        for (long s = 0; s < 3; s++) {
            cells.add(cell("F3|best-rq+masr|fleurs/de|recall", s, 60));
            cells.add(cell("F3|best-rq|fleurs/de|recall", s, 50));
            cells.add(cell("F3|best-rq+masr|fleurs/sv|recall", s, 40));
            cells.add(cell("F3|best-rq|fleurs/sv|recall", s, 50));
            cells.add(cell("F3|best-rq|fleurs/de|overlapped", s, 1));
            cells.add(cell("F3|best-rq|fleurs/sv|overlapped", s, 1));
        }
        ClaimResult r = new ClaimEvaluator(cells, PAPER, 0.95).evaluate(claim("s64-most-overlapped-improve"));
        assertEquals(List.of(0.0, 0.0, 0.0), r.perSeed(), r.note());
        assertTrue(!r.note().startsWith("d is 0"), r.note());
    }
}
