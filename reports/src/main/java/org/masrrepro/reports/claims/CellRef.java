package org.masrrepro.reports.claims;

import org.masrrepro.reports.results.ResultCell;

/** Addresses one result cell as {@code TABLE|row|column|metric}, e.g. {@code T1|best-rq|fleurs/all|acc}. */
public record CellRef(String table, String row, String column, String metric) {

    public static CellRef parse(String ref) {
        String[] p = ref.split("\\|", -1);
        if (p.length != 4 || java.util.Arrays.stream(p).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("cell reference \"" + ref + "\" is not TABLE|row|column|metric");
        }
        return new CellRef(p[0], p[1], p[2], p[3]);
    }

    public boolean matches(ResultCell c) {
        return c.table().equals(table) && c.row().equals(row) && c.column().equals(column) && c.metric().equals(metric);
    }

    @Override
    public String toString() {
        return table + "|" + row + "|" + column + "|" + metric;
    }
}
