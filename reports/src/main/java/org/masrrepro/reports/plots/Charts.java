package org.masrrepro.reports.plots;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.masrrepro.reports.tables.ComparisonTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Charts rendered headless to PNG with XChart. */
public final class Charts {

    private Charts() {}

    /** Grouped bars, ours vs the paper, for every row and the table's keys whose metric is {@code metric}. */
    public static void comparisonBars(ComparisonTable table, String metric, Path png) throws IOException {
        List<ComparisonTable.Key> keys = table.keys().stream().filter(k -> k.metric().equals(metric)).toList();
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520).title(table.title())
                .xAxisTitle("row / column").yAxisTitle(metric + " (%)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
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
                cats.add(r + " " + k.column());
                ours.add(Double.isNaN(o) ? 0 : o);
                paper.add(Double.isNaN(p) ? 0 : p);
            }
        }
        if (cats.isEmpty()) {
            cats.add("(no data)");
            ours.add(0.0);
            paper.add(0.0);
        }
        chart.addSeries("ours", cats, ours);
        chart.addSeries("paper", cats, paper);
        BitmapEncoder.saveBitmap(chart, stripPng(png), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Row-normalised confusion heat map (true language down, predicted across). */
    public static void confusionHeatmap(List<String> classes, int[][] confusion, String title, Path png)
            throws IOException {
        int k = classes.size();
        int size = Math.max(420, 40 + 24 * k);
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size).title(title).build();
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
        BitmapEncoder.saveBitmap(chart, stripPng(png), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String stripPng(Path png) {
        String s = png.toString();
        return s.endsWith(".png") ? s.substring(0, s.length() - 4) : s;
    }
}
