package org.masrrepro.reports.report;

import org.masrrepro.reports.results.ResultCell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the columns of a table where one metric repeats another in every run: UAR equals accuracy on a test set with
 * as many utterances of every class, so a table that showed both would print the same numbers twice.
 */
final class RepeatedMetric {

    private RepeatedMetric() {}

    /**
     * Columns of {@code table} where every {@code metric} cell equals the {@code sameAs} cell of its row, column and
     * seed (to 1e-9), in column order; a column with a {@code metric} cell lacking its twin is not one of them.
     */
    static List<String> columns(List<ResultCell> cells, String table, String metric, String sameAs) {
        Map<String, Double> twin = new HashMap<>();
        for (ResultCell c : cells) {
            if (c.table().equals(table) && c.metric().equals(sameAs)) {
                twin.put(key(c), c.value());
            }
        }
        Map<String, Boolean> repeated = new TreeMap<>();
        for (ResultCell c : cells) {
            if (c.table().equals(table) && c.metric().equals(metric)) {
                Double t = twin.get(key(c));
                boolean same = t != null && Math.abs(t - c.value()) <= 1e-9;
                repeated.merge(c.column(), same, Boolean::logicalAnd);
            }
        }
        List<String> out = new ArrayList<>();
        repeated.forEach((column, same) -> {
            if (same) {
                out.add(column);
            }
        });
        return out;
    }

    /** {@code cells} without the {@code metric} cells of {@code table} in {@code columns}. */
    static List<ResultCell> without(List<ResultCell> cells, String table, String metric, Set<String> columns) {
        return cells.stream().filter(c -> !(c.table().equals(table) && c.metric().equals(metric)
                && columns.contains(c.column()))).toList();
    }

    private static String key(ResultCell c) {
        return c.row() + "\u0000" + c.column() + "\u0000" + c.seed();
    }
}
