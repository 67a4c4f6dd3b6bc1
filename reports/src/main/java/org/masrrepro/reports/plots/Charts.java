package org.masrrepro.reports.plots;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;
import org.masrrepro.reports.tables.ComparisonTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders comparison bar charts and confusion heat maps to PNG with XChart (headless AWT). Every chart has a subtitle
 * under its title saying where its numbers come from (corpora, pretraining corpora, profile: see
 * {@link org.masrrepro.reports.results.Origins}), since a PNG is often seen alone; the PNG also carries title and
 * subtitle as text ({@code iTXt} chunks {@code Title} and {@code Description}, see {@link #readText}).
 */
public final class Charts {

    private Charts() {}

    /**
     * Two panels of grouped bars, ours above and the paper's below, on one value axis (one panel, ours, where the
     * paper gives no number in these columns): one category per (column,
     * metric) pair of the table that matches {@code metricColumnFilter}, one bar per row, each row in the same colour
     * in both panels. A pair matches when the filter equals its metric ({@code "acc"}), its column ({@code
     * "fleurs/all"}), its label ({@code "fleurs/all acc"}), or is a prefix of its column ending in '/' ({@code
     * "dhvani/"}). Ours are means over seeds with ± 1 sd whiskers where there are two or more; a missing value leaves
     * its bar out rather than drawing a zero. Subtitle: the table's {@link ComparisonTable#origin()}.
     */
    public static void comparisonBars(ComparisonTable table, String metricColumnFilter, Path png) throws IOException {
        save(comparisonPanels(table, metricColumnFilter), table.title() + " — " + metricColumnFilter, table.origin(),
                png);
    }

    /** The panels {@link #comparisonBars} draws: ours, then the paper's unless it would be empty. */
    static List<CategoryChart> comparisonPanels(ComparisonTable table, String metricColumnFilter) {
        List<ComparisonTable.Key> keys = table.keys().stream().filter(k -> matches(k, metricColumnFilter)).toList();
        boolean percent = keys.stream().allMatch(k -> PERCENT.contains(k.metric())) && !keys.isEmpty();
        boolean oneMetric = keys.stream().map(ComparisonTable.Key::metric).distinct().count() == 1;
        List<String> cats = keys.stream().map(k -> oneMetric ? k.column() : k.label()).toList();
        String yTitle = metricColumnFilter + (percent ? " (%)" : "");
        java.awt.Font tick = new CategoryChartBuilder().build().getStyler().getAxisTickLabelsFont();
        int width = 1100;
        while (!cats.isEmpty() && !labelsFit(cats, tick, width - 300)) {
            width += 100;
        }
        double top = 0;
        for (String r : table.rows()) {
            for (ComparisonTable.Key k : keys) {
                double o = table.ours(r, k);
                double sd = table.oursStd(r, k);
                top = Math.max(top, Double.isNaN(o) ? 0 : o + (Double.isNaN(sd) ? 0 : sd));
                top = Math.max(top, Double.isNaN(table.paper(r, k)) ? 0 : table.paper(r, k));
            }
        }
        List<String> drawn = table.rows().stream().filter(r -> keys.stream().anyMatch(k ->
                !Double.isNaN(table.ours(r, k)) || !Double.isNaN(table.paper(r, k)))).toList();
        List<CategoryChart> panels = new ArrayList<>();
        Map<String, java.awt.Color> colours = rowColours(table.rows());
        // The legend lists every row on the right: a panel grows with it so no entry is cut off.
        int height = Math.max(420, 120 + 26 * drawn.size());
        double max = top <= 0 ? 1.0 : top > 1 ? Math.ceil(top * 1.05) : top * 1.05;
        boolean paperNone = drawn.stream().noneMatch(r -> keys.stream().anyMatch(k ->
                !Double.isNaN(table.paper(r, k))));
        // A paper panel with no bar at all is left out; the ours panel's title says the paper has none here.
        boolean[] which = paperNone && !keys.isEmpty() && !drawn.isEmpty() ? new boolean[] {true}
                : new boolean[] {true, false};
        // Bars under 5% of the shared axis (the paper's FLEURS EERs under 1% beside ours near 10%) are too short to
        // read: such a panel prints every bar's value on it, and both panels then tick the axis with one decimal
        // (XChart formats labels and ticks alike), so their plot areas stay the same width.
        boolean[] tiny = new boolean[which.length];
        for (int i = 0; i < which.length; i++) {
            boolean mine = which[i];
            tiny[i] = drawn.stream().anyMatch(r -> keys.stream().anyMatch(k -> {
                double v = mine ? table.ours(r, k) : table.paper(r, k);
                return v > 0 && v < 0.05 * max;
            }));
        }
        boolean anyTiny = tiny[0] || (tiny.length > 1 && tiny[1]);
        for (int i = 0; i < which.length; i++) {
            boolean mine = which[i];
            boolean none = drawn.stream().noneMatch(r -> keys.stream().anyMatch(k ->
                    !Double.isNaN(mine ? table.ours(r, k) : table.paper(r, k))));
            // A row kept for alignment but with no bar in this panel is named in the panel's title: renaming it in
            // the legend would widen one legend and shift that panel's bars.
            List<String> bare = drawn.stream().filter(r -> keys.stream().allMatch(k ->
                    Double.isNaN(mine ? table.ours(r, k) : table.paper(r, k)))).toList();
            String title = mine ? (none ? "ours: nothing measured in these columns yet"
                    : "ours (mean over seeds; whiskers ± 1 sd where 2+ seeds)"
                    + (which.length == 1 ? "; " + NO_PAPER_PANEL : "")
                    + bareRows(bare, NOT_OURS))
                    : none ? "paper: no numbers in these columns" : "paper" + bareRows(bare, NOT_PAPERS);
            CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                    .title(title).xAxisTitle("column").yAxisTitle(yTitle).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setXAxisLabelRotation(0);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(max);
            chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
            if (anyTiny) {
                chart.getStyler().setYAxisDecimalPattern("0.0");
            }
            if (tiny[i]) {
                chart.getStyler().setLabelsVisible(true);
                chart.getStyler().setLabelsRotation(90);
                chart.getStyler().setLabelsPosition(1.0);
                chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
                chart.getStyler().setLabelsFontColor(java.awt.Color.BLACK);
            }
            for (String r : drawn) {
                List<Double> values = new ArrayList<>();
                List<Double> errors = new ArrayList<>();
                boolean spread = false;
                for (ComparisonTable.Key k : keys) {
                    double v = mine ? table.ours(r, k) : table.paper(r, k);
                    double sd = mine ? table.oursStd(r, k) : Double.NaN;
                    values.add(v);
                    errors.add(Double.isNaN(v) || Double.isNaN(sd) ? 0.0 : sd);
                    spread |= !Double.isNaN(v) && !Double.isNaN(sd);
                }
                // Every row in both panels, in one colour, so a row's bars sit at the same place in each. A missing
                // value is NaN with whiskers (XChart's whiskers throw on null; NaN draws nothing on the fixed axis),
                // null without them.
                java.awt.Color hue = colours.get(r);
                if (spread) {
                    chart.addSeries(r, cats, values, errors).setFillColor(hue);
                } else {
                    chart.addSeries(r, cats, values.stream().map(v -> Double.isNaN(v) ? null : v).toList())
                            .setFillColor(hue);
                }
            }
            if (drawn.isEmpty()) {
                chart.addSeries("(no data)",
                        cats.isEmpty() ? List.of("(no data)") : cats,
                        java.util.Collections.nCopies(Math.max(1, cats.size()), 0.0));
            }
            panels.add(chart);
        }
        return panels;
    }

    /** How an ours panel of {@link #comparisonBars} names the legend's rows it has no bar of. */
    static final String NOT_OURS = "not measured";

    /** How a paper panel of {@link #comparisonBars} names the legend's rows it has no bar of. */
    static final String NOT_PAPERS = "not in the paper";

    /** The rows a panel has no bar of, for its title: all by name up to three, else how many. */
    static String bareRows(List<String> rows, String why) {
        if (rows.isEmpty()) {
            return "";
        }
        return " — " + why + ": " + (rows.size() <= 3 ? String.join(", ", rows) : rows.size() + " rows (see table)");
    }

    /** Ours panel title's end when {@link #comparisonBars} leaves out an empty paper panel. */
    static final String NO_PAPER_PANEL = "the paper gives no numbers in these columns";

    /**
     * The rows that keep one colour in every chart of the report (best-rq is the same purple in Table 1, Table 2 and
     * Figure 4): the paper's methods, the section 7 variants, then the floor and the untrained encoder (by prefix).
     */
    static final List<String> ROW_COLOURS = List.of("w2v-bert", "w2v-bert+lasr", "w2v-bert+masr", "best-rq",
            "best-rq+lasr", "best-rq+masr", "best-rq+geomasr", "floor:", "random init", "best-rq+textmasr");

    /**
     * The colour of a row of {@link #comparisonBars} and {@link #paperCellBars}, the same in every chart: a hand-picked
     * hue for each of {@link #ROW_COLOURS}, a golden-angle hue from its name for any other row.
     */
    static java.awt.Color rowColour(String row) {
        int known = knownIndex(row);
        return rowColour(known >= 0 ? known : ROW_COLOURS.size() + Math.floorMod(row.hashCode(), 997));
    }

    /** Index of a row in {@link #ROW_COLOURS} (the floor and the untrained encoder by prefix), or -1. */
    private static int knownIndex(String row) {
        for (int i = 0; i < ROW_COLOURS.size(); i++) {
            String known = ROW_COLOURS.get(i);
            if (row.equals(known) || (known.endsWith(":") || known.equals("random init")) && row.startsWith(known)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The colours of one chart's rows: {@link #ROW_COLOURS} rows keep theirs in every chart; the others (Figure 2's
     * family/mining rows in the Section 5.1 chart) take the next distinct hues in the chart's row order, so no two
     * rows of a chart share a near-identical hue (hashing their names did: genetic/selection and syntactic/combined
     * came 13 degrees apart).
     */
    static Map<String, java.awt.Color> rowColours(List<String> rows) {
        Map<String, java.awt.Color> out = new LinkedHashMap<>();
        int next = ROW_COLOURS.size();
        for (String r : rows) {
            int known = knownIndex(r);
            out.put(r, rowColour(known >= 0 ? known : next++));
        }
        return out;
    }

    /** Colour {@code i}: ten hand-picked hues, then hues spread by golden angle. */
    static java.awt.Color rowColour(int i) {
        if (i < PALETTE.length) {
            return PALETTE[i];
        }
        float hue = (float) ((i * 0.618033988749895) % 1.0);
        return java.awt.Color.getHSBColor(hue, i % 2 == 0 ? 0.75f : 0.5f, i % 3 == 0 ? 0.6f : 0.85f);
    }

    /** The first row colours of {@link #comparisonBars}: ten distinct hues (Table 1 has ten rows at cpu scale). */
    private static final java.awt.Color[] PALETTE = {new java.awt.Color(31, 90, 180), new java.awt.Color(214, 110, 0),
        new java.awt.Color(30, 140, 60), new java.awt.Color(120, 60, 160), new java.awt.Color(190, 40, 40),
        new java.awt.Color(140, 90, 60), new java.awt.Color(220, 100, 170), new java.awt.Color(110, 110, 110),
        new java.awt.Color(170, 170, 30), new java.awt.Color(20, 170, 190)};

    /**
     * The cells the paper reports beside ours, and only those: one category per column of {@code metric} where the
     * paper gives a number (whether or not we measured it) (e.g. Figure 4's {@code bs>hr}), two bars per row the paper gives ({@code "<row> ours"},
     * our mean over seeds, and {@code "<row> paper"}), each row in its own colour, ours dark and the paper's light. A
     * missing value of ours leaves its bar out. The chart is made wide enough for its category labels to sit side by
     * side without overlapping ({@link #labelsFit}). Subtitle: the table's {@link ComparisonTable#origin()}.
     */
    public static void paperCellBars(ComparisonTable table, String metric, String title, Path png) throws IOException {
        save(paperCellsChart(table, metric, title), table.origin(), png);
    }

    /** The chart {@link #paperCellBars} draws. */
    static CategoryChart paperCellsChart(ComparisonTable table, String metric, String title) {
        List<ComparisonTable.Key> keys = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (ComparisonTable.Key k : table.paperKeys()) {
            for (String r : table.rows()) {
                if (k.metric().equals(metric) && !Double.isNaN(table.paper(r, k))) {
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                    if (!rows.contains(r)) {
                        rows.add(r);
                    }
                }
            }
        }
        rows.sort(java.util.Comparator.comparingInt(table.rows()::indexOf));
        List<String> cats = keys.stream().map(ComparisonTable.Key::column).toList();
        java.awt.Font tick = new CategoryChartBuilder().build().getStyler().getAxisTickLabelsFont();
        int width = 1000;
        while (!cats.isEmpty() && !labelsFit(cats, tick, width)) {
            width += 100;
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(560).title(title)
                .xAxisTitle(cats.stream().allMatch(c -> c.contains(">")) ? "true > predicted" : "column")
                .yAxisTitle(metric + (PERCENT.contains(metric) ? " (%)" : metric.equals("rate") ? " (0-1)" : ""))
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(0);
        if (metric.equals("rate")) {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
        }
        if (cats.isEmpty()) {
            chart.addSeries("(no paper numbers)", List.of("(no data)"), List.of(0.0));
            return chart;
        }
        for (int i = 0; i < rows.size(); i++) {
            String r = rows.get(i);
            List<Double> ours = new ArrayList<>();
            List<Double> paper = new ArrayList<>();
            for (ComparisonTable.Key k : keys) {
                double o = table.ours(r, k);
                double p = table.paper(r, k);
                ours.add(Double.isNaN(o) ? null : o);
                paper.add(Double.isNaN(p) ? null : p);
            }
            java.awt.Color hue = rowColours(rows).get(r);
            chart.addSeries(r + " ours", cats, ours).setFillColor(hue);
            chart.addSeries(r + " paper", cats, paper).setFillColor(lighter(hue));
        }
        return chart;
    }

    private static java.awt.Color lighter(java.awt.Color c) {
        return new java.awt.Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }

    /**
     * Whether category labels drawn level in {@code font} sit side by side on a chart {@code width} pixels wide without
     * overlapping: each gets an equal share of the plot, taken as 70% of the width (the y axis and an outside legend
     * take the rest), and needs its text width plus 8 pixels of gap.
     */
    static boolean labelsFit(List<String> labels, java.awt.Font font, int width) {
        java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = probe.createGraphics();
        try {
            java.awt.FontMetrics fm = g.getFontMetrics(font);
            double slot = 0.7 * width / Math.max(1, labels.size());
            return labels.stream().allMatch(l -> fm.stringWidth(l) + 8 <= slot);
        } finally {
            g.dispose();
        }
    }

    /**
     * Figure 2's grid: families (x groups) by mining variants (series), mean over seeds and its sample sd (NaN with
     * fewer than two seeds), null where not run.
     */
    public record FamilyGrid(List<String> families, List<String> minings, Map<String, List<Double>> values,
            Map<String, List<Double>> sds) {

        /** The {@code family/mining} cells with no value of ours, in grid order. */
        public List<String> notRun() {
            List<String> out = new ArrayList<>();
            for (int f = 0; f < families.size(); f++) {
                for (String m : minings) {
                    if (values.get(m).get(f) == null) {
                        out.add(families.get(f) + "/" + m);
                    }
                }
            }
            return out;
        }
    }

    /** The mining variants of Figure 2, in its order. */
    public static final List<String> MININGS = List.of("combined", "selection");

    /**
     * Lays out rows named {@code <family>/<mining>} (e.g. {@code syntactic/combined}) as Figure 2 of the paper does:
     * every family of {@code familyOrder} (others with a value sorted after them) by both {@link #MININGS} (others with
     * a value sorted after them), so a cell not run yet shows as an empty slot rather than vanishing.
     */
    public static FamilyGrid familyGrid(ComparisonTable table, ComparisonTable.Key key, List<String> familyOrder) {
        Set<String> families = new TreeSet<>(ComparisonTable.listedFirst(familyOrder));
        families.addAll(familyOrder);
        Set<String> minings = new TreeSet<>(ComparisonTable.listedFirst(MININGS));
        minings.addAll(MININGS);
        Map<String, Double> at = new HashMap<>();
        Map<String, Double> sd = new HashMap<>();
        for (String r : table.rows()) {
            int slash = r.indexOf('/');
            double v = table.ours(r, key);
            if (slash <= 0 || slash == r.length() - 1 || Double.isNaN(v)) {
                continue;
            }
            families.add(r.substring(0, slash));
            minings.add(r.substring(slash + 1));
            at.put(r, v);
            sd.put(r, table.oursStd(r, key));
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, List<Double>> sds = new LinkedHashMap<>();
        for (String m : minings) {
            List<Double> series = new ArrayList<>();
            List<Double> spread = new ArrayList<>();
            for (String f : families) {
                series.add(at.get(f + "/" + m));
                spread.add(sd.getOrDefault(f + "/" + m, Double.NaN));
            }
            values.put(m, series);
            sds.put(m, spread);
        }
        return new FamilyGrid(List.copyOf(families), List.copyOf(minings), values, sds);
    }

    /**
     * Figure 2 re-drawn: one group of bars per lang2vec family, one bar per mining variant (our mean over seeds, ± 1
     * sd whiskers where two or more seeds), an empty slot where a cell is not run yet (the title counts them).
     * Subtitle: the table's {@link ComparisonTable#origin()}.
     */
    public static void familyMiningBars(ComparisonTable table, ComparisonTable.Key key, List<String> familyOrder,
            Path png) throws IOException {
        FamilyGrid grid = familyGrid(table, key, familyOrder);
        int cells = grid.families().size() * grid.minings().size();
        List<String> notRun = grid.notRun();
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title(table.title() + " — " + key.column() + " " + key.metric() + (notRun.isEmpty() ? ""
                        : " — not run yet: " + notRun.size() + " of " + cells + " cells (empty slots)"))
                .xAxisTitle("lang2vec family").yAxisTitle(key.metric() + (PERCENT.contains(key.metric()) ? " (%)" : ""))
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        if (PERCENT.contains(key.metric())) {
            // A fixed 0-100 scale: with one bar XChart would otherwise span exactly 0 to that value.
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(100.0);
            chart.getStyler().setYAxisDecimalPattern("#0");
        }
        if (grid.families().isEmpty()) {
            chart.addSeries("(no data)", List.of("(no data)"), List.of(0.0));
            save(chart, table.origin(), png);
            return;
        }
        grid.values().forEach((mining, series) -> {
            List<Double> sds = grid.sds().get(mining);
            boolean spread = sds.stream().anyMatch(v -> !Double.isNaN(v));
            if (spread) {
                // XChart's whiskers throw on null: a missing bar is NaN (nothing drawn on the fixed axis), its sd 0.
                chart.addSeries(mining, grid.families(), series.stream().map(v -> v == null ? Double.NaN : v).toList(),
                        sds.stream().map(v -> Double.isNaN(v) ? 0.0 : v).toList());
            } else {
                chart.addSeries(mining, grid.families(), series);
            }
        });
        save(chart, table.origin(), png);
    }

    /**
     * Heat map of rates (0-1; true class down, predicted across), each shown rounded to .01; a NaN cell (no data) is
     * left blank. {@code subtitle}: where the numbers come from.
     */
    public static void rateHeatmap(List<String> classes, double[][] rates, String title, String subtitle, Path png)
            throws IOException {
        int k = classes.size();
        if (rates.length != k || java.util.Arrays.stream(rates).anyMatch(r -> r.length != k)) {
            throw new IllegalArgumentException("rates must be " + k + " x " + k);
        }
        int size = Math.max(420, 40 + 24 * k);
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(k <= 20);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        // White to dark blue from 0 to 1, so that 0, .04 and .13 read apart (the default scale starts saturated), with
        // two decimals everywhere and dark labels (white on the darkest cells would need per-cell colours).
        chart.getStyler().setRangeColors(new java.awt.Color[] {java.awt.Color.WHITE, new java.awt.Color(158, 202, 225),
                new java.awt.Color(49, 130, 189)});
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setValueFontColor(java.awt.Color.BLACK);
        List<Number[]> data = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                if (Double.isNaN(rates[t][p])) {
                    continue;
                }
                // HeatMapChart puts x down the columns and y up the rows: predicted on x, true on y (top first).
                data.add(new Number[] {p, k - 1 - t, Math.round(100.0 * rates[t][p]) / 100.0});
            }
        }
        List<String> yLabels = new ArrayList<>(classes);
        java.util.Collections.reverse(yLabels);
        chart.addSeries("rate", classes, yLabels, data);
        save(chart, subtitle, png);
    }

    /**
     * The rates (0-1) inside {@code group} of a confusion matrix over {@code classes}: [i][j] is the share of true
     * group[i]'s predictions inside the group that went to group[j] (rows renormalised within the group, as the
     * paper's Figure 4 and the F4 rate cells); a row none of whose predictions fall inside the group is NaN.
     */
    public static double[][] groupRates(List<String> classes, int[][] confusion, List<String> group) {
        int n = group.size();
        double[][] rates = new double[n][n];
        for (int i = 0; i < n; i++) {
            int[] row = confusion[classes.indexOf(group.get(i))];
            double total = 0;
            for (String b : group) {
                total += row[classes.indexOf(b)];
            }
            for (int j = 0; j < n; j++) {
                rates[i][j] = total == 0 ? Double.NaN : row[classes.indexOf(group.get(j))] / total;
            }
        }
        return rates;
    }

    /** Cell by cell, the mean of the non-NaN values of equally shaped matrices; NaN where all are NaN. */
    public static double[][] meanRates(List<double[][]> matrices) {
        int n = matrices.get(0).length;
        double[][] mean = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                int count = 0;
                for (double[][] m : matrices) {
                    if (!Double.isNaN(m[i][j])) {
                        sum += m[i][j];
                        count++;
                    }
                }
                mean[i][j] = count == 0 ? Double.NaN : sum / count;
            }
        }
        return mean;
    }

    /**
     * Figure 3: relative change (%) of per-language accuracy, one bar per language sorted by change; non-overlapped
     * languages are marked with a star as in the paper. Empty input draws a "(no data)" placeholder; {@code subtitle}:
     * where the numbers come from.
     */
    public static void relativeChangeBars(java.util.Map<String, Double> changeByLanguage, Set<String> nonOverlapped,
            String title, String subtitle, Path png) throws IOException {
        List<java.util.Map.Entry<String, Double>> sorted = new ArrayList<>(changeByLanguage.entrySet());
        sorted.sort(java.util.Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey()));
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(700, 60 + 22 * sorted.size())).height(480)
                .title(title).xAxisTitle("language (* = non-overlapped)").yAxisTitle("relative change in accuracy (%)")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        List<String> cats = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (java.util.Map.Entry<String, Double> e : sorted) {
            cats.add(e.getKey() + (nonOverlapped.contains(e.getKey()) ? "*" : ""));
            vals.add(e.getValue());
        }
        if (cats.isEmpty()) {
            cats.add("(no data)");
            vals.add(0.0);
        }
        chart.addSeries("relative change", cats, vals);
        save(chart, subtitle, png);
    }

    /**
     * Training curves, one panel per stage, stacked under one title: pretraining, continued pretraining and
     * fine-tuning have their own step ranges and loss scales (a continuation's 400 steps on a 2,000-step axis, or a
     * CTC loss beside an SSL loss, would hide each other's shape). A curve named {@code "<stage> loss_<term>"} is drawn
     * in the panel of {@code "<stage> loss"} beside the total (the SSL and metadata terms of a MASR continuation),
     * with a legend; a panel of one curve has none, its title names it.
     */
    public static void curves(java.util.Map<String, double[][]> series, String title, String subtitle, String yTitle,
            Path png) throws IOException {
        save(curvePanels(series, yTitle), title, subtitle, png);
    }

    /** Same steps, and values equal to 1e-4 relative (a log writes a term and the total rounded apart). */
    static boolean sameCurve(double[][] a, double[][] b) {
        if (!java.util.Arrays.equals(a[0], b[0]) || a[1].length != b[1].length) {
            return false;
        }
        for (int i = 0; i < a[1].length; i++) {
            if (Math.abs(a[1][i] - b[1][i]) > 1e-4 * Math.max(1.0, Math.abs(b[1][i]))) {
                return false;
            }
        }
        return true;
    }

    /** The panels {@link #curves} draws: one per stage, a placeholder when there is no point at all. */
    static List<org.knowm.xchart.XYChart> curvePanels(java.util.Map<String, double[][]> series, String yTitle) {
        java.util.Map<String, java.util.Map<String, double[][]>> byPanel = new LinkedHashMap<>();
        for (java.util.Map.Entry<String, double[][]> e : series.entrySet()) {
            if (e.getValue()[0].length == 0) {
                continue;
            }
            int term = e.getKey().lastIndexOf(" loss_");
            String panel = term < 0 ? e.getKey() : e.getKey().substring(0, term) + " loss";
            String line = term < 0 ? "total" : e.getKey().substring(term + " loss_".length());
            byPanel.computeIfAbsent(panel, k -> new LinkedHashMap<>()).put(line, e.getValue());
        }
        // A term equal to the total at every step (BEST-RQ's only term, its SSL loss) adds nothing: left out.
        byPanel.values().forEach(lines -> {
            double[][] total = lines.get("total");
            if (total != null) {
                lines.entrySet().removeIf(l -> !l.getKey().equals("total") && sameCurve(l.getValue(), total));
            }
        });
        List<org.knowm.xchart.XYChart> panels = new ArrayList<>();
        for (java.util.Map.Entry<String, java.util.Map<String, double[][]>> e : byPanel.entrySet()) {
            boolean terms = e.getValue().size() > 1;
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(900).height(300)
                    .title(e.getKey() + (terms ? ": total and its terms" : "")).xAxisTitle("step").yAxisTitle(yTitle)
                    .build();
            chart.getStyler().setLegendVisible(terms);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setMarkerSize(4); // a short (smoke) log has a single point per series
            e.getValue().forEach((line, xy) -> chart.addSeries(line, xy[0], xy[1]));
            panels.add(chart);
        }
        if (panels.isEmpty()) {
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(900).height(300)
                    .title("no training log").xAxisTitle("step").yAxisTitle(yTitle).build();
            chart.addSeries("(no data)", new double[] {0}, new double[] {0});
            panels.add(chart);
        }
        return panels;
    }

    /** Margin left and right of the title lines, and the gap between title, subtitle and chart. */
    private static final int MARGIN = 12;

    /**
     * Draws the chart under its title and {@code subtitle} (both wrapped to the chart's width; XChart draws one title
     * line only) and writes it as PNG with both as text chunks.
     */
    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String subtitle, Path png)
            throws IOException {
        String title = chart.getTitle() == null ? "" : chart.getTitle();
        Styler styler = chart.getStyler();
        boolean visible = styler.isChartTitleVisible();
        styler.setChartTitleVisible(false); // drawn in the header, wrapped, above the subtitle
        java.awt.image.BufferedImage body;
        try {
            body = BitmapEncoder.getBufferedImage(chart);
        } finally {
            styler.setChartTitleVisible(visible);
        }
        save(List.of(body), styler, title, subtitle, png);
    }

    /** Panels stacked under one header: each chart keeps its own title, as the panel's name. */
    private static void save(List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> panels, String title,
            String subtitle, Path png) throws IOException {
        List<java.awt.image.BufferedImage> bodies = new ArrayList<>();
        for (org.knowm.xchart.internal.chartpart.Chart<?, ?> p : panels) {
            bodies.add(BitmapEncoder.getBufferedImage(p));
        }
        save(bodies, panels.get(0).getStyler(), title, subtitle, png);
    }

    private static void save(List<java.awt.image.BufferedImage> bodies, Styler styler, String title, String subtitle,
            Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String sub = subtitle == null ? "" : subtitle;
        java.awt.Font titleFont = styler.getChartTitleFont();
        java.awt.Font subFont = titleFont.deriveFont(java.awt.Font.PLAIN, Math.max(10f, titleFont.getSize2D() - 2f));
        int width = bodies.stream().mapToInt(java.awt.image.BufferedImage::getWidth).max().orElse(400);
        int height = bodies.stream().mapToInt(java.awt.image.BufferedImage::getHeight).sum();
        java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D pg = probe.createGraphics();
        java.awt.FontMetrics tm = pg.getFontMetrics(titleFont);
        java.awt.FontMetrics sm = pg.getFontMetrics(subFont);
        List<String> titleLines = wrap(title, tm, width - 2 * MARGIN);
        List<String> subLines = wrap(sub, sm, width - 2 * MARGIN);
        pg.dispose();
        int header = MARGIN + titleLines.size() * tm.getHeight() + (subLines.isEmpty() ? 0 : 4)
                + subLines.size() * sm.getHeight();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, header + height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(styler.getChartBackgroundColor());
            g.fillRect(0, 0, width, header + height);
            g.setColor(styler.getChartFontColor());
            int y = MARGIN;
            g.setFont(titleFont);
            for (String line : titleLines) {
                g.drawString(line, (width - tm.stringWidth(line)) / 2, y + tm.getAscent());
                y += tm.getHeight();
            }
            y += subLines.isEmpty() ? 0 : 4;
            g.setFont(subFont);
            for (String line : subLines) {
                g.drawString(line, (width - sm.stringWidth(line)) / 2, y + sm.getAscent());
                y += sm.getHeight();
            }
            int at = header;
            for (java.awt.image.BufferedImage body : bodies) {
                g.drawImage(body, 0, at, null);
                at += body.getHeight();
            }
        } finally {
            g.dispose();
        }
        writePng(img, Map.of("Title", title, "Description", sub), png);
    }

    /** Greedy word wrap to {@code max} pixels (a word longer than a line gets a line of its own). */
    static List<String> wrap(String text, java.awt.FontMetrics fm, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && fm.stringWidth(candidate) > max) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    /** Writes {@code img} as PNG with each entry of {@code text} as an uncompressed UTF-8 {@code iTXt} chunk. */
    private static void writePng(java.awt.image.BufferedImage img, Map<String, String> text, Path png)
            throws IOException {
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("png").next();
        try (java.io.OutputStream os = Files.newOutputStream(png);
                javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(os)) {
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata meta = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(img), param);
            javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode(PNG_FORMAT);
            javax.imageio.metadata.IIOMetadataNode itxt = new javax.imageio.metadata.IIOMetadataNode("iTXt");
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(text).entrySet()) {
                javax.imageio.metadata.IIOMetadataNode entry = new javax.imageio.metadata.IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", e.getKey());
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", e.getValue());
                itxt.appendChild(entry);
            }
            root.appendChild(itxt);
            meta.mergeTree(PNG_FORMAT, root);
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The text chunks of a PNG (tEXt, iTXt) by keyword: for a chart written here, {@code Title} and
     * {@code Description} (the subtitle: corpora and profile).
     */
    public static Map<String, String> readText(Path png) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(png.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(png + " is not an image");
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree(PNG_FORMAT);
                for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (!n.getNodeName().equals("iTXt") && !n.getNodeName().equals("tEXt")) {
                        continue;
                    }
                    for (org.w3c.dom.Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        org.w3c.dom.NamedNodeMap a = e.getAttributes();
                        String value = a.getNamedItem("text") != null ? a.getNamedItem("text").getNodeValue()
                                : a.getNamedItem("value").getNodeValue();
                        out.put(a.getNamedItem("keyword").getNodeValue(), value);
                    }
                }
            } finally {
                reader.dispose();
            }
        }
        return out;
    }

    private static final Set<String> PERCENT = Set.of("acc", "f1", "eer", "wer", "cer", "uar", "recall",
            "negatives_changed_pct", "share", "aux_at_margin_pct");

    static boolean matches(ComparisonTable.Key k, String filter) {
        return filter.equals(k.metric()) || filter.equals(k.column()) || filter.equals(k.column() + " " + k.metric())
                || (filter.endsWith("/") && k.column().startsWith(filter));
    }
}
