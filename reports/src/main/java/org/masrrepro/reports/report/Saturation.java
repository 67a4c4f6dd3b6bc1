package org.masrrepro.reports.report;

import org.masrrepro.reports.results.ResultCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds columns whose numbers cannot rank methods (means over seeds), so the report says so under the table instead of
 * letting them pass for a result: accuracy at or near 100% (a corpus too easy), learned rows at or under the
 * non-learned floor, WER at or above 100%.
 */
public final class Saturation {

    /** Mean accuracy (%) from which a column counts as saturated. */
    public static final double THRESHOLD = 97.5;

    private Saturation() {}

    /** How the non-learned floor's row begins (the harness names it {@code "floor: <method>"}). */
    public static final String FLOOR_PREFIX = "floor:";

    /** Mean WER (%) from which a model counts as transcribing nothing useful. */
    public static final double WER_DEGENERATE = 100.0;

    /**
     * The warnings under a table: saturated accuracy columns, learned rows at or under the non-learned floor, WERs at
     * or above 100%.
     */
    public static List<String> warnings(List<ResultCell> cells, String table) {
        List<String> out = new ArrayList<>(saturated(means(cells, table, "acc")));
        out.addAll(underTheFloor(means(cells, table, "acc")));
        out.addAll(degenerateWer(means(cells, table, "wer")));
        return out;
    }

    /** Column -> row -> {sum, n} of one metric's cells of a table. */
    private static Map<String, Map<String, double[]>> means(List<ResultCell> cells, String table, String metric) {
        Map<String, Map<String, double[]>> byColumn = new TreeMap<>();
        for (ResultCell c : cells) {
            if (c.table().equals(table) && c.metric().equals(metric) && Double.isFinite(c.value())) {
                double[] s = byColumn.computeIfAbsent(c.column(), k -> new TreeMap<>())
                        .computeIfAbsent(c.row(), k -> new double[2]);
                s[0] += c.value();
                s[1]++;
            }
        }
        return byColumn;
    }

    /** Learned rows whose mean accuracy is at or under the floor's in the same column. */
    private static List<String> underTheFloor(Map<String, Map<String, double[]>> byColumn) {
        List<String> out = new ArrayList<>();
        byColumn.forEach((column, rows) -> {
            List<Map.Entry<String, double[]>> floors = rows.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(FLOOR_PREFIX)).toList();
            if (floors.size() != 1) {
                return; // none, or one per corpus build: which floor a row faces is not known here
            }
            Map.Entry<String, double[]> floor = floors.get(0);
            double f = floor.getValue()[0] / floor.getValue()[1];
            List<String> under = new ArrayList<>();
            rows.forEach((row, s) -> {
                if (!row.startsWith(FLOOR_PREFIX) && s[0] / s[1] <= f) {
                    under.add(String.format(Locale.ROOT, "%s %.1f%%", row, s[0] / s[1]));
                }
            });
            if (!under.isEmpty()) {
                out.add(String.format(Locale.ROOT, "At or under the floor: %s (%s; the non-learned floor has %.1f%%). These "
                        + "encoders (pretrained or random) do no better than log-mel statistics with logistic "
                        + "regression here: at this scale what they learned did not help, so their rank against each "
                        + "other says little about the method.", column, String.join(", ", under), f));
            }
        });
        return out;
    }

    /** Rows whose mean WER is at or above 100%: every word wrong, so WER no longer ranks them (CER still may). */
    private static List<String> degenerateWer(Map<String, Map<String, double[]>> byColumn) {
        List<String> out = new ArrayList<>();
        byColumn.forEach((column, rows) -> {
            List<String> bad = new ArrayList<>();
            rows.forEach((row, s) -> {
                if (s[0] / s[1] >= WER_DEGENERATE) {
                    bad.add(String.format(Locale.ROOT, "%s %.1f%%", row, s[0] / s[1]));
                }
            });
            if (!bad.isEmpty()) {
                out.add("WER at or above 100%: " + column + " (" + String.join(", ", bad) + "). No word is right (or "
                        + "insertions outnumber the words), so WER cannot rank these models; see the CER beside it.");
            }
        });
        return out;
    }

    private static List<String> saturated(Map<String, Map<String, double[]>> byColumn) {
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
