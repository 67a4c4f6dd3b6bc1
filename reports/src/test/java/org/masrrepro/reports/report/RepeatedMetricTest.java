package org.masrrepro.reports.report;

import org.junit.jupiter.api.Test;
import org.masrrepro.reports.results.ResultCell;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepeatedMetricTest {

    private static ResultCell cell(String row, String column, String metric, double v, long seed) {
        return new ResultCell("T2", row, column, metric, v, seed, "cpu", "x", "p");
    }

    /** UAR is left out only where it equals accuracy at every row and seed; a missing twin or one difference keeps it. */
    @Test
    void keepsUarWhereItSaysSomethingAccuracyDoesNot() {
        List<ResultCell> cells = List.of(
                cell("a", "balanced", "acc", 60, 1), cell("a", "balanced", "uar", 60, 1),
                cell("a", "balanced", "acc", 70, 2), cell("a", "balanced", "uar", 70, 2),
                cell("b", "balanced", "acc", 50, 1), cell("b", "balanced", "uar", 50, 1),
                cell("a", "skewed", "acc", 60, 1), cell("a", "skewed", "uar", 60, 1),
                cell("b", "skewed", "acc", 60, 1), cell("b", "skewed", "uar", 41.3, 1),
                cell("a", "no-twin", "uar", 60, 1),
                cell("a", "acc-only", "acc", 60, 1),
                new ResultCell("T1", "a", "balanced", "uar", 1, 1, "cpu", "x", "p"));
        assertEquals(List.of("balanced"), RepeatedMetric.columns(cells, "T2", "uar", "acc"));
        List<ResultCell> kept = RepeatedMetric.without(cells, "T2", "uar", Set.of("balanced"));
        assertEquals(cells.size() - 3, kept.size(), "three T2 UAR cells of the balanced column go; T1's stays");
        assertEquals(List.of(), RepeatedMetric.columns(List.of(), "T2", "uar", "acc"));
    }
}
