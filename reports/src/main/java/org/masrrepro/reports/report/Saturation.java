package org.masrrepro.reports.report;

import org.masrrepro.reports.results.ResultCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds accuracy columns where some row sits at or near 100% (mean over seeds): a corpus that easy cannot tell
 * methods apart, so the report says so under the table instead of letting a ceiling pass for a result.
 */
public final class Saturation {

    /** Mean accuracy (%) from which a column counts as saturated. */
    public static final double THRESHOLD = 97.5;

    private Saturation() {}

    /** One warning per saturated column of {@code table}, naming the rows at the ceiling. */
    public static List<String> warnings(List<ResultCell> cells, String table) {
        Map<String, Map<String, double[]>> byColumn = new TreeMap<>();
        for (ResultCell c : cells) {
            if (c.table().equals(table) && c.metric().equals("acc")) {
                double[] s = byColumn.computeIfAbsent(c.column(), k -> new TreeMap<>())
                        .computeIfAbsent(c.row(), k -> new double[2]);
                s[0] += c.value();
                s[1]++;
            }
        }
        List<String> out = new ArrayList<>();
        byColumn.forEach((column, rows) -> {
            List<String> high = new ArrayList<>();
            rows.forEach((row, s) -> {
                if (s[0] / s[1] >= THRESHOLD) {
                    high.add(String.format(Locale.ROOT, "%s %.1f%%", row, s[0] / s[1]));
                }
            });
            if (!high.isEmpty()) {
                out.add("Saturated: " + column + " (" + String.join(", ", high) + "). At or near 100% the corpus is "
                        + "too easy to tell methods apart; differences in this column say little until it is made "
                        + "harder.");
            }
        });
        return out;
    }
}
