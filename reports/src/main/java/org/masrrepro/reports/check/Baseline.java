package org.masrrepro.reports.check;

import java.util.List;
import java.util.Map;

/**
 * Committed reference numbers for regression checks.
 *
 * @param profile    the profile the numbers come from
 * @param note       why the tolerances are what they are
 * @param tolerances allowed worsening per metric, in the metric's unit (percentage points)
 * @param cells      reference values
 */
public record Baseline(String profile, String note, Map<String, Double> tolerances, List<Cell> cells) {

    /** One reference value. */
    public record Cell(String table, String row, String column, String metric, double value) {
        String key() {
            return table + " | " + row + " | " + column + " | " + metric;
        }
    }
}
