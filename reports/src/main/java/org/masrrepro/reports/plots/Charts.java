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

/** Renders comparison bar charts and confusion heat maps to PNG with XChart (headless AWT). */
public final class Charts {

    private Charts() {}

    /**
     * Grouped bars, ours vs the paper, one category per (row, column) of the table's (column, metric) pairs that
     * match {@code metricColumnFilter}: a pair matches when the filter equals its metric ({@code "acc"}), its column
     * ({@code "fleurs/all"}), its label ({@code "fleurs/all acc"}), or is a prefix of its column ending in '/'
     * ({@code "dhvani/"}). A missing value leaves its bar out rather than drawing a zero.
     */
    public static void comparisonBars(ComparisonTable table, String metricColumnFilter, Path png) throws IOException {
        List<ComparisonTable.Key> keys = table.keys().stream().filter(k -> matches(k, metricColumnFilter)).toList();
        boolean percent = keys.stream().allMatch(k -> PERCENT.contains(k.metric())) && !keys.isEmpty();
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title(table.title() + " — " + metricColumnFilter)
                .xAxisTitle("method / column").yAxisTitle(metricColumnFilter + (percent ? " (%)" : "")).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30);
        List<String> cats = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<Double> paper = new ArrayList<>();
        for (String r : table.rows()) {
            for (ComparisonTable.Key k : keys) {
                double o = table.ours(r, k);
                double p = table.paper(r, k);
                if (Double.isNaN(o) && Double.isNaN(p)) {
                    continue;
                }
                cats.add(keys.size() == 1 ? r : r + " " + k.column());
                ours.add(Double.isNaN(o) ? null : o);
                paper.add(Double.isNaN(p) ? null : p);
            }
        }
        if (cats.isEmpty()) {
            cats.add("(no data)");
            ours.add(0.0);
            paper.add(0.0);
        }
        chart.addSeries("ours", cats, ours);
        chart.addSeries("paper", cats, paper);
        save(chart, png);
    }

    /** Figure 2's grid: families (x groups) by mining variants (series), mean over seeds, null where not run. */
    public record FamilyGrid(List<String> families, List<String> minings, Map<String, List<Double>> values) {}

    /**
     * Lays out rows named {@code <family>/<mining>} (e.g. {@code syntactic/combined}) as Figure 2 of the paper does:
     * families in {@code familyOrder} first (others sorted after them), minings {@code combined} then {@code
     * selection} (others sorted after them); only families and minings with at least one value appear.
     */
    public static FamilyGrid familyGrid(ComparisonTable table, ComparisonTable.Key key, List<String> familyOrder) {
        Set<String> families = new TreeSet<>(ComparisonTable.listedFirst(familyOrder));
        Set<String> minings = new TreeSet<>(ComparisonTable.listedFirst(List.of("combined", "selection")));
        Map<String, Double> at = new HashMap<>();
        for (String r : table.rows()) {
            int slash = r.indexOf('/');
            double v = table.ours(r, key);
            if (slash <= 0 || slash == r.length() - 1 || Double.isNaN(v)) {
                continue;
            }
            families.add(r.substring(0, slash));
            minings.add(r.substring(slash + 1));
            at.put(r, v);
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String m : minings) {
            List<Double> series = new ArrayList<>();
            for (String f : families) {
                series.add(at.get(f + "/" + m));
            }
            values.put(m, series);
        }
        return new FamilyGrid(List.copyOf(families), List.copyOf(minings), values);
    }

    /** Figure 2 re-drawn: one group of bars per lang2vec family, one bar per mining variant (our mean over seeds). */
    public static void familyMiningBars(ComparisonTable table, ComparisonTable.Key key, List<String> familyOrder,
            Path png) throws IOException {
        FamilyGrid grid = familyGrid(table, key, familyOrder);
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title(table.title() + " — " + key.column() + " " + key.metric())
                .xAxisTitle("lang2vec family").yAxisTitle(key.metric() + (PERCENT.contains(key.metric()) ? " (%)" : ""))
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        if (PERCENT.contains(key.metric())) {
            // A fixed 0-100 scale: with one bar XChart would otherwise span exactly 0 to that value.
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(100.0);
            chart.getStyler().setYAxisDecimalPattern("#0");
        }
        if (grid.families().isEmpty()) {
            chart.addSeries("(no data)", List.of("(no data)"), List.of(0.0));
        }
        grid.values().forEach((mining, series) -> chart.addSeries(mining, grid.families(), series));
        save(chart, png);
    }

    /** Row-normalised confusion heat map (true class down, predicted across; each row sums to 1, rounded to .01). */
    public static void confusionHeatmap(List<String> classes, int[][] confusion, String title, Path png)
            throws IOException {
        int k = classes.size();
        if (confusion.length != k || java.util.Arrays.stream(confusion).anyMatch(r -> r.length != k)) {
            throw new IllegalArgumentException("confusion must be " + k + " x " + k);
        }
        int size = Math.max(420, 40 + 24 * k);
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(k <= 20);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(1);
        List<Number[]> data = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            int sum = 0;
            for (int c : confusion[t]) {
                sum += c;
            }
            for (int p = 0; p < k; p++) {
                // HeatMapChart puts x down the columns and y up the rows: predicted on x, true on y (top first).
                double rate = sum == 0 ? 0 : Math.round(100.0 * confusion[t][p] / sum) / 100.0;
                data.add(new Number[] {p, k - 1 - t, rate});
            }
        }
        List<String> yLabels = new ArrayList<>(classes);
        java.util.Collections.reverse(yLabels);
        chart.addSeries("rate", classes, yLabels, data);
        save(chart, png);
    }

    /**
     * Figure 3: relative change (%) of per-language accuracy, one bar per language sorted by change; non-overlapped
     * languages are marked with a star as in the paper. Empty input draws a "(no data)" placeholder.
     */
    public static void relativeChangeBars(java.util.Map<String, Double> changeByLanguage, Set<String> nonOverlapped,
            String title, Path png) throws IOException {
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
        save(chart, png);
    }

    /** Training curves: one line per named series of (step, value) points. */
    public static void curves(java.util.Map<String, double[][]> series, String title, String yTitle, Path png)
            throws IOException {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(900).height(480).title(title)
                .xAxisTitle("step").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(4); // a short (smoke) log has a single point per series
        for (java.util.Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] xy = e.getValue();
            if (xy[0].length > 0) {
                chart.addSeries(e.getKey(), xy[0], xy[1]);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("(no data)", new double[] {0}, new double[] {0});
        }
        save(chart, png);
    }

    /** The confusion heat map restricted to {@code group} (rows renormalised within the group, as in Figure 4). */
    public static void groupConfusionHeatmap(List<String> classes, int[][] confusion, List<String> group, String title,
            Path png) throws IOException {
        int[][] sub = new int[group.size()][group.size()];
        for (int i = 0; i < group.size(); i++) {
            for (int j = 0; j < group.size(); j++) {
                sub[i][j] = confusion[classes.indexOf(group.get(i))][classes.indexOf(group.get(j))];
            }
        }
        confusionHeatmap(group, sub, title, png);
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BitmapEncoder.saveBitmap(chart, stripPng(png), BitmapEncoder.BitmapFormat.PNG);
    }

    private static final Set<String> PERCENT = Set.of("acc", "f1", "eer", "wer", "cer");

    static boolean matches(ComparisonTable.Key k, String filter) {
        return filter.equals(k.metric()) || filter.equals(k.column()) || filter.equals(k.column() + " " + k.metric())
                || (filter.endsWith("/") && k.column().startsWith(filter));
    }

    // XChart appends the extension itself.
    private static String stripPng(Path png) {
        String s = png.toString();
        return s.endsWith(".png") ? s.substring(0, s.length() - 4) : s;
    }
}
