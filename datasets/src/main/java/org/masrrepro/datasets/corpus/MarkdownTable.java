package org.masrrepro.datasets.corpus;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table for corpus cards that leaves out columns empty in every row (say, a sound corpus's pitch). */
final class MarkdownTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; {@code null} or blank cells are empty. */
    MarkdownTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns " + headers);
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString().strip());
        }
        rows.add(r);
        return this;
    }

    /** The table with a trailing newline; a column is kept if any row has a value in it (all kept when no rows). */
    String render() {
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            final int col = c;
            if (rows.isEmpty() || rows.stream().anyMatch(r -> !r.get(col).isEmpty())) {
                keep.add(c);
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, keep.stream().map(headers::get).toList());
        line(sb, keep.stream().map(c -> "---").toList());
        for (List<String> r : rows) {
            line(sb, keep.stream().map(r::get).toList());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
