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
}
