package org.masrrepro.reports.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.masrrepro.reports.paper.PaperCell;
import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.results.Origins;
import org.masrrepro.reports.results.ResultCell;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes our numbers beside the paper's for one table: per row and (column, metric), ours (mean, sample std and
 * n over seeds), the paper's, and Δ = ours - paper (blank when either is missing).
 *
 * <p>Rows: the paper's rows in the paper's order, then rows only we have, sorted. Columns: all the paper's (column,
 * metric) pairs in the paper's order, measured by us or not (a reviewer sees what is still missing), then pairs only
 * we have in blocks (see {@link #oursOnlyOrder}). The Tablesaw table has, after {@code row}, the text columns {@code corpus},
 * {@code pretraining_corpus} and {@code profile} (where that row's numbers of ours come from, {@code "; "}-joined when
 * they come from several; empty for a row we did not measure), then per pair the numeric columns {@code "<column>
 * <metric> ours"}, {@code "... ours_std"}, {@code "... n"}, {@code "... paper"} and {@code "... delta"}; the Markdown and
 * HTML renderings show {@code ours | paper | Δ} (beside a paper number we have none for, ours {@value #NOT_RUN} in
 * a row we have no number of, {@value #NOT_MEASURED} in one we have others of; blank beside none) with one decimal (two for Figure 4's 0-1 rates, see
 * {@link #decimals}), ours as {@code mean ± std (n=k)} over seeds, each header with its unit where the metric has one
 * the title may not give ({@link #unit}).
 */
public final class ComparisonTable {

    /** One (column, metric) pair of the table. */
    public record Key(String column, String metric) {
        public String label() {
            return column + " " + metric;
        }
    }

    private final String tableId;
    private final String title;
    private final String caption;
    private final List<String> rows;
    private final List<Key> keys;
    private final Map<String, Map<Key, double[]>> ours;   // row -> key -> values over seeds
    private final PaperNumbers paper;
    private final List<ResultCell> cells;                 // this table's cells of ours
    private final Table table;

    /** The text columns after {@code row}: where each row's numbers of ours come from. */
    public static final List<String> ORIGIN_COLUMNS = List.of("corpus", "pretraining_corpus", "profile");

    private ComparisonTable(String tableId, String title, String caption, List<String> rows, List<Key> keys,
            Map<String, Map<Key, double[]>> ours, PaperNumbers paper, List<ResultCell> cells) {
        this.tableId = tableId;
        this.title = title;
        this.caption = caption;
        this.rows = rows;
        this.keys = keys;
        this.ours = ours;
        this.paper = paper;
        this.cells = cells;
        this.table = build();
    }

    public static ComparisonTable of(String tableId, String title, String caption, List<ResultCell> ours,
            PaperNumbers paper) {
        return of(tableId, title, caption, ours, paper, tableId);
    }

    /**
     * As {@link #of(String, String, String, List, PaperNumbers)}, with the columns only we have ordered after the
     * paper's columns of {@code layoutTableId}: Figure 2 has no paper numbers but Table 1's columns (O, NO, all).
     */
    public static ComparisonTable of(String tableId, String title, String caption, List<ResultCell> ours,
            PaperNumbers paper, String layoutTableId) {
        Set<String> rows = new LinkedHashSet<>();
        Set<Key> oursKeys = new TreeSet<>(Comparator.comparing(Key::column).thenComparing(Key::metric));
        Map<String, Map<Key, List<Double>>> values = new TreeMap<>();
        // Seed order fixes the summation order, so mean and std do not depend on the order of the input list.
        List<ResultCell> sorted = new ArrayList<>(ours);
        sorted.sort(Comparator.comparingLong(ResultCell::seed).thenComparingDouble(ResultCell::value));
        List<ResultCell> mine = new ArrayList<>();
        for (ResultCell c : sorted) {
            if (!c.table().equals(tableId)) {
                continue;
            }
            mine.add(c);
            Key k = new Key(c.column(), c.metric());
            oursKeys.add(k);
            values.computeIfAbsent(c.row(), r -> new LinkedHashMap<>()).computeIfAbsent(k, x -> new ArrayList<>())
                    .add(c.value());
        }
        List<Key> keys = new ArrayList<>();
        for (PaperCell p : paper.cells(tableId)) {
            rows.add(p.row());
            Key k = new Key(p.column(), p.metric());
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        List<Key> oursOnly = new ArrayList<>(oursKeys);
        oursOnly.removeAll(keys);
        List<PaperCell> layout = new ArrayList<>(paper.cells(tableId));
        if (!layoutTableId.equals(tableId)) {
            layout.addAll(paper.cells(layoutTableId));
        }
        oursOnly.sort(oursOnlyOrder(layout));
        keys.addAll(oursOnly);
        rows.addAll(values.keySet());
        Map<String, Map<Key, double[]>> arrays = new LinkedHashMap<>();
        values.forEach((r, m) -> {
            Map<Key, double[]> mm = new LinkedHashMap<>();
            m.forEach((k, v) -> mm.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
            arrays.put(r, mm);
        });
        return new ComparisonTable(tableId, title, caption, List.copyOf(rows), keys, arrays, paper, List.copyOf(mine));
    }

    /**
     * Order of the pairs only we have, so that extra columns read as blocks: by dataset prefix (the part of the
     * column before '/'; none first), then metric (the paper's metrics in their order, then others sorted), then the
     * column in the paper's column order (others sorted, averages "avg" and "all" last). Table 3 thus shows the
     * CER of each MLS language in the paper's language order, then the real-speech sets' WER, then their CER.
     */
    private static Comparator<Key> oursOnlyOrder(List<PaperCell> paperCells) {
        List<String> metrics = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (PaperCell p : paperCells) {
            if (!metrics.contains(p.metric())) {
                metrics.add(p.metric());
            }
            if (!columns.contains(p.column())) {
                columns.add(p.column());
            }
        }
        Comparator<String> metricOrder = listedFirst(metrics);
        Comparator<String> columnOrder = Comparator.<String>comparingInt(c -> rankOrLast(columns, c))
                .thenComparingInt(c -> ownPart(c).equals("avg") || ownPart(c).equals("all") ? 1 : 0)
                .thenComparing(Comparator.naturalOrder());
        return Comparator.<Key, String>comparing(k -> prefix(k.column()))
                .thenComparing(Key::metric, metricOrder)
                .thenComparing(Key::column, columnOrder);
    }

    /** Strings in {@code order} first, in that order; the others after them, sorted. */
    public static Comparator<String> listedFirst(List<String> order) {
        return Comparator.<String>comparingInt(s -> rankOrLast(order, s)).thenComparing(Comparator.naturalOrder());
    }

    private static int rankOrLast(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String prefix(String column) {
        int slash = column.indexOf('/');
        return slash < 0 ? "" : column.substring(0, slash);
    }

    private static String ownPart(String column) {
        return column.substring(column.indexOf('/') + 1);
    }

    private Table build() {
        Table t = Table.create(tableId);
        StringColumn rowCol = StringColumn.create("row");
        rows.forEach(rowCol::append);
        t.addColumns(rowCol);
        StringColumn corpus = StringColumn.create(ORIGIN_COLUMNS.get(0));
        StringColumn pretraining = StringColumn.create(ORIGIN_COLUMNS.get(1));
        StringColumn profile = StringColumn.create(ORIGIN_COLUMNS.get(2));
        for (String r : rows) {
            List<String> origin = Origins.fields(cells.stream().filter(c -> c.row().equals(r)).toList());
            corpus.append(origin.get(0));
            pretraining.append(origin.get(1));
            profile.append(origin.get(2));
        }
        t.addColumns(corpus, pretraining, profile);
        for (Key k : keys) {
            DoubleColumn mean = DoubleColumn.create(k.label() + " ours");
            DoubleColumn std = DoubleColumn.create(k.label() + " ours_std");
            IntColumn n = IntColumn.create(k.label() + " n");
            DoubleColumn pap = DoubleColumn.create(k.label() + " paper");
            DoubleColumn delta = DoubleColumn.create(k.label() + " delta");
            for (String r : rows) {
                double[] v = ours.getOrDefault(r, Map.of()).get(k);
                Optional<Double> p = paper.value(tableId, r, k.column(), k.metric());
                if (v == null || v.length == 0) {
                    mean.appendMissing();
                    std.appendMissing();
                    n.append(0);
                } else {
                    double m = mean(v);
                    mean.append(m);
                    if (v.length > 1) {
                        std.append(std(v, m));
                    } else {
                        std.appendMissing();
                    }
                    n.append(v.length);
                }
                if (p.isPresent()) {
                    pap.append(p.get());
                } else {
                    pap.appendMissing();
                }
                if (v != null && v.length > 0 && p.isPresent() && !Double.isNaN(mean(v))) {
                    delta.append(mean(v) - p.get());
                } else {
                    delta.appendMissing();
                }
            }
            t.addColumns(mean, std, n, pap, delta);
        }
        return t;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double std(double[] v, double m) {
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /**
     * Where this table's numbers of ours come from, in one line (corpora, pretraining corpora, profile; see
     * {@link Origins#of}): what a chart of the table says under its title.
     */
    public String origin() {
        return Origins.of(cells);
    }

    /** The Tablesaw table (row; corpus, pretraining_corpus, profile; then per key: ours, ours_std, n, paper, delta). */
    public Table table() {
        return table;
    }

    public List<String> rows() {
        return rows;
    }

    public List<Key> keys() {
        return keys;
    }

    /**
     * The (column, metric) pairs the paper gives numbers for in this table, in the paper's order, whether or not we
     * measured them ({@link #keys} keeps only those we measured once we have any).
     */
    public List<Key> paperKeys() {
        List<Key> out = new ArrayList<>();
        for (PaperCell p : paper.cells(tableId)) {
            Key k = new Key(p.column(), p.metric());
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    public String title() {
        return title;
    }

    public String caption() {
        return caption;
    }

    public String tableId() {
        return tableId;
    }

    /** Our mean for a cell, NaN when we have none. */
    public double ours(String row, Key key) {
        double[] v = ours.getOrDefault(row, Map.of()).get(key);
        return v == null ? Double.NaN : mean(v);
    }

    /** The sample standard deviation of our values for a cell over seeds; NaN with fewer than two. */
    public double oursStd(String row, Key key) {
        double[] v = ours.getOrDefault(row, Map.of()).get(key);
        return v == null || v.length < 2 ? Double.NaN : std(v, mean(v));
    }

    /** The paper's value for a cell, NaN when the paper has none. */
    public double paper(String row, Key key) {
        return paper.value(tableId, row, key.column(), key.metric()).orElse(Double.NaN);
    }

    /** What an ours cell shows where the paper has a number and this row of ours has none at all. */
    public static final String NOT_RUN = "not run yet";

    /**
     * What an ours cell shows where the paper has a number and this row of ours has others but not this one: not run
     * yet on that data, or our corpora lack it (Figure 4's bs/sr/hr).
     */
    public static final String NOT_MEASURED = "not measured";

    private String oursText(String row, Key k) {
        double[] v = ours.getOrDefault(row, Map.of()).get(k);
        if (v == null || v.length == 0) {
            return Double.isNaN(paper(row, k)) ? "" : ours.containsKey(row) ? NOT_MEASURED : NOT_RUN;
        }
        double m = mean(v);
        String metric = k.metric();
        return v.length == 1 ? fmt(m, metric) + " (n=1)"
                : fmt(m, metric) + " ± " + fmt(std(v, m), metric) + " (n=" + v.length + ")";
    }

    /**
     * Decimals a metric is shown with in Markdown and HTML (ours, paper and Δ alike): 2 for Figure 4's confusion rates
     * (0-1, given by the paper to .01: one decimal would print its .22 as 0.2 and .01 as 0.0), 1 for percentages.
     */
    static int decimals(String metric) {
        return metric.equals("rate") ? 2 : 1;
    }

    /** The unit a column header names after its metric, where the table title alone may not: "" for none. */
    static String unit(String metric) {
        return switch (metric) {
            case "rate" -> " (0-1)";
            case "share" -> " (%)";
            default -> "";
        };
    }

    /** A key as the Markdown and HTML headers show it: its label and unit. */
    static String header(Key k) {
        return k.label() + unit(k.metric());
    }

    static String fmt(double x, String metric) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%." + decimals(metric) + "f", x);
    }

    private String deltaText(String row, Key k) {
        double o = ours(row, k);
        double p = paper(row, k);
        return Double.isNaN(o) || Double.isNaN(p) ? ""
                : String.format(Locale.ROOT, "%+." + decimals(k.metric()) + "f", o - p);
    }

    /**
     * Pairs from which the Markdown and HTML renderings go long, one line per (row, pair) with a value: Figure 4's
     * 70-odd pairs made a table of 210 columns. Table 3 with every column we measure (the paper's WER, our CER, the
     * real-speech sets: 24 pairs) stays wide, as the paper's table. The CSV stays wide either way (one record per row).
     */
    public static final int LONG_FROM = 30;

    /** Whether the Markdown and HTML renderings are long: {@value #LONG_FROM} pairs or more. */
    public boolean isLong() {
        return keys.size() >= LONG_FROM;
    }

    /** The (row, pair) lines of the long layout: those with a number of ours or of the paper. */
    private List<Object[]> longLines() {
        List<Object[]> out = new ArrayList<>();
        for (String r : rows) {
            for (Key k : keys) {
                double[] v = ours.getOrDefault(r, Map.of()).get(k);
                if ((v != null && v.length > 0) || !Double.isNaN(paper(r, k))) {
                    out.add(new Object[] {r, k});
                }
            }
        }
        return out;
    }

    /**
     * Caption line ({@code **title** — caption}), a blank line, then a GitHub Markdown table: wide (per pair ours |
     * paper | Δ) or, from {@value #LONG_FROM} pairs, long (row | column | metric | ours | paper | Δ).
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(md(title)).append("** — ").append(md(caption)).append("\n\n");
        if (isLong()) {
            sb.append("| row | column | metric | ours | paper | Δ |\n|---|---|---|---:|---:|---:|\n");
            for (Object[] line : longLines()) {
                String r = (String) line[0];
                Key k = (Key) line[1];
                double p = paper(r, k);
                sb.append("| ").append(md(r)).append(" | ").append(md(k.column())).append(" | ")
                        .append(md(k.metric() + unit(k.metric()))).append(" | ").append(oursText(r, k)).append(" | ")
                        .append(Double.isNaN(p) ? "" : fmt(p, k.metric())).append(" | ").append(deltaText(r, k))
                        .append(" |\n");
            }
            return sb.toString();
        }
        sb.append("| row |");
        for (Key k : keys) {
            sb.append(' ').append(md(header(k))).append(" ours | paper | Δ |");
        }
        sb.append("\n|---|");
        sb.append("---:|---:|---:|".repeat(keys.size()));
        sb.append('\n');
        for (String r : rows) {
            sb.append("| ").append(md(r)).append(" |");
            for (Key k : keys) {
                double p = paper(r, k);
                sb.append(' ').append(oursText(r, k)).append(" | ").append(Double.isNaN(p) ? "" : fmt(p, k.metric()))
                        .append(" | ").append(deltaText(r, k)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public void writeMarkdown(Path file) throws IOException {
        Files.writeString(file, toMarkdown(), StandardCharsets.UTF_8);
    }

    /**
     * The Tablesaw table as CSV: doubles with 4 decimals (Locale.ROOT), missing values empty; each row names its
     * corpora and profile in its own fields (no comment line: pandas' default {@code read_csv} reads it as is).
     */
    public void writeCsv(Path file) throws IOException {
        // Written by hand rather than table.write(): fixed decimals instead of binary noise like 75.39999999999999.
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                        .setHeader(table.columnNames().toArray(String[]::new)).build())) {
            for (int r = 0; r < table.rowCount(); r++) {
                List<String> out = new ArrayList<>();
                for (Column<?> c : table.columns()) {
                    if (c.isMissing(r)) {
                        out.add("");
                    } else if (c instanceof DoubleColumn d) {
                        out.add(String.format(Locale.ROOT, "%.4f", d.getDouble(r)));
                    } else {
                        out.add(String.valueOf(c.get(r)));
                    }
                }
                p.printRecord(out);
            }
        }
    }

    /** Style shared by every HTML page of the report. */
    public static final String CSS = "body{font-family:sans-serif;max-width:1200px;margin:1em auto}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #aaa;padding:2px 6px;text-align:right}"
            + "td:first-child{text-align:left}img{max-width:100%}";

    public void writeHtml(Path file) throws IOException {
        String sb = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
                + CSS + "</style></head><body>\n<h2>" + esc(title) + "</h2>\n<p>" + esc(caption) + "</p>\n"
                + toHtmlTable() + "</body></html>\n";
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    /** The table alone as an HTML fragment: per (column, metric) ours | paper | Δ, or long as {@link #toMarkdown}. */
    public String toHtmlTable() {
        if (isLong()) {
            StringBuilder sb = new StringBuilder("<table>\n<tr><th>row</th><th>column</th><th>metric</th><th>ours</th>"
                    + "<th>paper</th><th>Δ</th></tr>\n");
            for (Object[] line : longLines()) {
                String r = (String) line[0];
                Key k = (Key) line[1];
                double p = paper(r, k);
                sb.append("<tr><td>").append(esc(r)).append("</td><td>").append(esc(k.column())).append("</td><td>")
                        .append(esc(k.metric() + unit(k.metric()))).append("</td><td>").append(esc(oursText(r, k)))
                        .append("</td><td>").append(Double.isNaN(p) ? "" : fmt(p, k.metric())).append("</td><td>")
                        .append(deltaText(r, k)).append("</td></tr>\n");
            }
            return sb.append("</table>\n").toString();
        }
        StringBuilder sb = new StringBuilder("<table>\n<tr><th rowspan=\"2\">row</th>");
        for (Key k : keys) {
            sb.append("<th colspan=\"3\">").append(esc(header(k))).append("</th>");
        }
        sb.append("</tr>\n<tr>").append("<th>ours</th><th>paper</th><th>Δ</th>".repeat(keys.size())).append("</tr>\n");
        for (String r : rows) {
            sb.append("<tr><td>").append(esc(r)).append("</td>");
            for (Key k : keys) {
                double p = paper(r, k);
                sb.append("<td>").append(esc(oursText(r, k))).append("</td><td>")
                        .append(Double.isNaN(p) ? "" : fmt(p, k.metric())).append("</td><td>").append(deltaText(r, k)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    // A pipe would split a Markdown cell; newlines would end the caption line or the row.
    public static String md(String s) {
        return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
