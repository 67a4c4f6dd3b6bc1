package org.masrrepro.reports.report;

import org.junit.jupiter.api.Test;
import org.masrrepro.reports.results.ResultCell;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A column where some row's mean accuracy reaches the ceiling is flagged, naming the rows; others are not. */
class SaturationTest {

    static ResultCell acc(String row, String column, double v, long seed) {
        return new ResultCell("T2", row, column, "acc", v, seed, "cpu", "analog", "p");
    }

    @Test
    void flagsOnlyColumnsWithARowAtTheCeiling() {
        List<ResultCell> cells = List.of(
                acc("geo-masr", "esc50-cough", 100.0, 1), acc("geo-masr", "esc50-cough", 95.0, 2), // mean 97.5
                acc("best-rq", "esc50-cough", 87.5, 1),
                acc("best-rq", "mask", 97.0, 1), acc("best-rq", "mask", 97.9, 2), // mean 97.45: under
                new ResultCell("T2", "best-rq", "mask", "uar", 100.0, 1, "cpu", "analog", "p"), // not accuracy
                new ResultCell("T1", "best-rq", "fleurs/all", "acc", 99.0, 1, "cpu", "analog", "p")); // other table
        List<String> w = Saturation.warnings(cells, "T2");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("Saturated: esc50-cough (geo-masr 97.5%)"), w.get(0));
        assertEquals(1, Saturation.warnings(cells, "T1").size());
        assertTrue(Saturation.warnings(List.of(acc("best-rq", "mask", 60, 1)), "T2").isEmpty());
    }

    /** A learned row at or under the floor is flagged with both means; a row above it, or a column without one, not. */
    @Test
    void flagsLearnedRowsAtOrUnderTheFloor() {
        String floor = Saturation.FLOOR_PREFIX + " log-mel stats + logreg";
        List<ResultCell> cells = List.of(acc(floor, "iemocap", 90.0, 0), acc("best-rq", "iemocap", 88.0, 1),
                acc("best-rq", "iemocap", 92.0, 2), // mean 90.0: at the floor
                acc("best-rq+masr", "iemocap", 91.0, 1), acc("w2v-bert", "mask", 10.0, 1)); // above; no floor there
        List<String> w = Saturation.warnings(cells, "T2");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("No better than the floor, accuracy: iemocap (best-rq 90.0%; the non-learned floor has 90.0%)"),
                w.get(0));
        List<ResultCell> twoFloors = new java.util.ArrayList<>(cells);
        twoFloors.add(acc(floor + " [corpus/old]", "iemocap", 50.0, 0));
        assertTrue(Saturation.warnings(twoFloors, "T2").isEmpty(), "two corpus builds' floors: no guess which applies");
    }

    /** A WER at or above 100% is flagged; 99.9% is not; with CER at or above 100% too, as nothing usable. */
    @Test
    void flagsWerAtOrAbove100() {
        List<ResultCell> cells = List.of(new ResultCell("T3", "best-rq", "fillets/nl", "wer", 100.0, 1, "cpu", "a", "p"),
                new ResultCell("T3", "best-rq", "fillets/cs", "wer", 99.9, 1, "cpu", "a", "p"),
                new ResultCell("T3", "best-rq", "fillets/nl", "cer", 100.0, 1, "cpu", "a", "p"),
                new ResultCell("T3", "best-rq", "librivox/en", "wer", 105.6, 1, "cpu", "a", "p"),
                new ResultCell("T3", "best-rq", "librivox/en", "cer", 67.9, 1, "cpu", "a", "p"));
        List<String> w = Saturation.warnings(cells, "T3");
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("Nothing usable transcribed: fillets/nl (best-rq 100.0% WER")),
                w.toString());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("WER at or above 100%: librivox/en (best-rq 105.6%)")),
                w.toString());
    }

    /** EER is lower-is-better: a row at or over the floor's EER is flagged; UAR as accuracy. */
    @Test
    void flagsEerAtOrOverTheFloorAndUarUnderIt() {
        String floor = Saturation.FLOOR_PREFIX + " log-mel stats + logreg";
        List<ResultCell> cells = List.of(new ResultCell("T2", floor, "mask", "eer", 40.0, 0, "cpu", "a", "p"),
                new ResultCell("T2", "best-rq", "mask", "eer", 41.7, 1, "cpu", "a", "p"),
                new ResultCell("T2", "best-rq+masr", "mask", "eer", 30.0, 1, "cpu", "a", "p"),
                new ResultCell("T2", floor, "mask", "uar", 60.0, 0, "cpu", "a", "p"),
                new ResultCell("T2", "best-rq+masr", "mask", "uar", 55.0, 1, "cpu", "a", "p"));
        List<String> w = Saturation.warnings(cells, "T2");
        assertEquals(2, w.size(), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("No better than the floor, EER: mask (best-rq 41.7%; "
                + "the non-learned floor has 40.0%; lower is better)")), w.toString());
        assertTrue(w.stream().anyMatch(x -> x.startsWith("No better than the floor, UAR: mask (best-rq+masr 55.0%;")),
                w.toString());
    }

    /** The untrained encoder at or above a pretrained row is said, naming the rows; the floor is not compared. */
    @Test
    void flagsPretrainedRowsNoBetterThanTheUntrainedEncoder() {
        String untrained = Saturation.UNTRAINED_PREFIX + " (no pretraining)";
        List<ResultCell> cells = List.of(acc(untrained, "iemocap", 80.0, 1), acc(untrained, "iemocap", 82.0, 2),
                acc("best-rq", "iemocap", 81.0, 1), acc("best-rq+masr", "iemocap", 85.0, 1),
                acc(Saturation.FLOOR_PREFIX + " x", "iemocap", 50.0, 0),
                acc(untrained, "mask", 50.0, 1), acc("best-rq", "mask", 60.0, 1));
        List<String> w = Saturation.warnings(cells, "T2");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("Pretraining adds nothing measurable, accuracy: the untrained encoder ("
                + untrained + ") is at or above these pretrained rows in iemocap (untrained 81.0%; best-rq 81.0%). "),
                w.get(0));
    }

    /** Rows at or under the majority-class rate are named with the class; a column without a known rate is not. */
    @Test
    void flagsRowsAtTheMajorityClassRate() {
        List<ResultCell> cells = List.of(acc("best-rq", "esc50-human", 58.0, 1), acc("best-rq", "esc50-human", 63.74,
                2), acc("best-rq+masr", "esc50-human", 65.0, 1), acc("best-rq", "mask", 10.0, 1));
        List<String> w = Saturation.majorityWarnings(cells, "T2",
                java.util.Map.of("esc50-human", new Saturation.Majority("pain", 60.87, false)), true);
        assertEquals(List.of("At the majority-class rate, accuracy: esc50-human (always answering its largest class, "
                + "pain, scores 60.9%; at or under it: best-rq 60.9%). Accuracy says nothing about these rows here; "
                + "UAR (recall averaged over classes, chance = 1 / classes) still ranks them."), w);
        // A balanced test set names no class; a table without UAR does not send the reader to it.
        List<String> balanced = Saturation.majorityWarnings(cells, "T2",
                java.util.Map.of("esc50-human", new Saturation.Majority("a", 60.87, true)), false);
        assertEquals(List.of("At the majority-class rate, accuracy: esc50-human (always answering any one class of "
                + "this balanced test set scores 60.9%; at or under it: best-rq 60.9%). Accuracy says nothing about "
                + "these rows here."), balanced);
    }

    /** A row whose triplet term sat at its margin for most late steps is named; one under half is not. */
    @Test
    void flagsCollapsedAuxiliaryTerms() {
        List<ResultCell> cells = List.of(
                new ResultCell("S51", "best-rq+masr", "pretraining", "aux_at_margin_pct", 100.0, 1, "cpu", "a", "p"),
                new ResultCell("S51", "best-rq+masr", "pretraining", "aux_at_margin_pct", 90.0, 2, "cpu", "a", "p"),
                new ResultCell("S51", "best-rq+lasr", "pretraining", "aux_at_margin_pct", 20.0, 1, "cpu", "a", "p"));
        List<String> w = Saturation.warnings(cells, "S51");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("Triplet term at its margin: best-rq+masr 95% of the late logged steps"), w.get(0));
        // A table comparing those rows' accuracies (Table 2 here) names the row; a row under 50% is not named.
        List<ResultCell> withT1 = new java.util.ArrayList<>(cells);
        withT1.add(acc("best-rq+masr", "fleurs/all", 70, 1));
        withT1.add(acc("best-rq+lasr", "fleurs/all", 70, 1));
        assertTrue(Saturation.collapsedRowsNote(withT1, "T2").orElseThrow().startsWith("Rows best-rq+masr: "));
        assertTrue(Saturation.collapsedRowsNote(withT1, "T1").isEmpty(), "no T1 cell of those rows");
    }
}
