package org.masrrepro.reports.plots;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.results.ResultCell;
import org.masrrepro.reports.tables.ComparisonTable;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both charts render headless to real PNG files. */
class ChartsTest {

    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static void assertPng(Path f) throws IOException {
        assertTrue(Files.size(f) > 0, f + " is empty");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(f), 8), f + " lacks the PNG signature");
        BufferedImage img = ImageIO.read(f.toFile());
        assertTrue(img != null && img.getWidth() >= 400 && img.getHeight() >= 400, f + " does not decode");
    }

    @Test
    void comparisonBarsAndHeatmap(@TempDir Path tmp) throws IOException {
        List<ResultCell> ours = List.of(
                new ResultCell("T1", "best-rq", "fleurs/all", "acc", 52.0, 1, "smoke", "FLEURS analog", "p.json"),
                new ResultCell("T1", "best-rq", "fleurs/all", "eer", 20.0, 1, "smoke", "FLEURS analog", "p.json"));
        ComparisonTable t = ComparisonTable.of("T1", "Table 1", "ours: analog", ours, PaperNumbers.load());
        for (String filter : List.of("acc", "fleurs/all", "fleurs/", "nothing-matches")) {
            Path png = tmp.resolve("bars-" + filter.replace('/', '_') + ".png");
            Charts.comparisonBars(t, filter, png);
            assertPng(png);
        }
        Path heat = tmp.resolve("deep/dir/heat.png");
        Charts.rateHeatmap(List.of("bs", "sr", "hr"), new double[][] {{0.2, 0, 0.8}, {0.7, 0.1, 0.2}, {0, 0, 1}},
                "bs/sr/hr", "ours on: FLEURS analog — profile smoke", heat);
        assertPng(heat);
        assertEquals("ours on: FLEURS analog — profile smoke", Charts.readText(heat).get("Description"));
        assertFalse(Files.exists(tmp.resolve("deep/dir/heat.png.png")));
        // Inside a group: rows renormalised within it; a row with no prediction inside the group has no rate.
        double[][] rates = Charts.groupRates(List.of("bs", "sr", "hr", "de"),
                new int[][] {{2, 0, 6, 2}, {0, 0, 0, 5}, {1, 1, 2, 0}, {0, 0, 0, 1}}, List.of("bs", "sr", "hr"));
        assertArrayEquals(new double[] {0.25, 0, 0.75}, rates[0], 1e-12);
        assertTrue(Arrays.stream(rates[1]).allMatch(Double::isNaN), Arrays.toString(rates[1]));
        assertArrayEquals(new double[] {0.5, 0.25, 0.5}, Charts.meanRates(List.of(rates,
                new double[][] {{0.75, 0.5, 0.25}, {0, 1, 0}, {0, 0, 1}}))[0], 1e-12);
        Path blank = tmp.resolve("blank.png");
        Charts.rateHeatmap(List.of("bs", "sr", "hr"), rates, "bs/sr/hr, mean of 2 seeds", "ours", blank);
        assertPng(blank);
    }

    /** A table chart groups by column, one bar per row in the same colour in both panels, ours with ± sd. */
    @Test
    void comparisonPanelsGroupByColumnWithOneBarPerRow(@TempDir Path tmp) throws IOException {
        List<ResultCell> ours = List.of(
                new ResultCell("T1", "best-rq", "fleurs/all", "acc", 70.0, 1, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "best-rq", "fleurs/all", "acc", 74.0, 2, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "best-rq", "fleurs/O", "acc", 80.0, 1, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "best-rq+masr", "fleurs/all", "acc", 69.0, 1, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "best-rq+masr", "fleurs/O", "acc", 71.0, 1, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "best-rq+lasr", "fleurs/all", "acc", 68.0, 1, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "random-init", "fleurs/all", "acc", 60.0, 1, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "random-init", "fleurs/all", "acc", 64.0, 2, "cpu", "FLEURS analog", "p"),
                new ResultCell("T1", "best-rq", "fleurs/all", "eer", 4.0, 1, "cpu", "FLEURS analog", "p"));
        ComparisonTable t = ComparisonTable.of("T1", "Table 1", "ours", ours, PaperNumbers.load());
        List<org.knowm.xchart.CategoryChart> panels = Charts.comparisonPanels(t, "acc");
        assertEquals(2, panels.size());
        var mine = panels.get(0).getSeriesMap();
        var paper = panels.get(1).getSeriesMap();
        assertEquals(new ArrayList<>(paper.keySet()), new ArrayList<>(mine.keySet()), "the same bars in both panels");
        assertTrue(mine.keySet().containsAll(List.of("best-rq", "best-rq+lasr", "best-rq+masr", "w2v-bert")),
                mine.keySet().toString());
        assertTrue(new ArrayList<>(mine.get("w2v-bert").getYData()).stream().allMatch(java.util.Objects::isNull),
                "a row only the paper has: no bar of ours");
        // The legend lists such rows in both panels; each panel's title names those it has no bar of.
        assertTrue(panels.get(0).getTitle().endsWith(" — " + Charts.NOT_OURS + ": w2v-bert, w2v-bert+lasr, "
                + "w2v-bert+masr"), panels.get(0).getTitle());
        assertEquals("paper — " + Charts.NOT_PAPERS + ": random-init", panels.get(1).getTitle());
        assertEquals(List.of(false, false), panels.stream().map(p -> p.getStyler().isLabelsVisible()).toList(),
                "every bar is tall enough to read: no value labels");
        List<?> cats = new ArrayList<>(mine.get("best-rq").getXData());
        assertTrue(cats.contains("fleurs/all") && cats.contains("fleurs/O") && !cats.contains("fleurs/all eer"),
                cats.toString());
        int all = cats.indexOf("fleurs/all");
        assertEquals(72.0, ((Number) new ArrayList<>(mine.get("best-rq").getYData()).get(all)).doubleValue(), 1e-9);
        assertEquals(Math.sqrt(8), ((Number) new ArrayList<>(mine.get("best-rq").getExtraValues()).get(all))
                .doubleValue(), 1e-9, "sample sd of 70 and 74");
        assertNull(new ArrayList<>(mine.get("best-rq+lasr").getYData()).get(cats.indexOf("fleurs/O")),
                "not measured: no bar, not a zero");
        assertEquals(mine.get("best-rq").getFillColor(), paper.get("best-rq").getFillColor(), "one colour per row");
        // ... and per row name across charts, whatever the table's row order: Table 2 starts with best-rq.
        assertEquals(Charts.rowColour("best-rq"), mine.get("best-rq").getFillColor());
        assertEquals(Charts.rowColour("random init (no pretraining)"), Charts.rowColour("random init (x)"));
        assertTrue(!Charts.rowColour("best-rq").equals(Charts.rowColour("best-rq+masr"))
                && !Charts.rowColour("floor: a").equals(Charts.rowColour("best-rq+masr")));
        // A row with a spread but a column missing keeps its whiskers; the missing bar is NaN, drawn as nothing.
        List<?> random = new ArrayList<>(mine.get("random-init").getYData());
        assertTrue(Double.isNaN(((Number) random.get(cats.indexOf("fleurs/O"))).doubleValue()), random.toString());
        assertEquals(Math.sqrt(8), ((Number) new ArrayList<>(mine.get("random-init").getExtraValues()).get(all))
                .doubleValue(), 1e-9);
        assertEquals(96.0, panels.get(0).getStyler().getYAxisMax(), 1e-9, "the paper's largest, 91.3 (fleurs/O), "
                + "x 1.05, rounded up");
        assertEquals(96.0, panels.get(1).getStyler().getYAxisMax(), 1e-9, "one value axis for both panels");
        Path png = tmp.resolve("t1.png");
        Charts.comparisonBars(t, "acc", png);
        assertPng(png);
        // The S51 chart's rows: the paper's methods and Figure 2's twelve family/mining rows each get their own hue.
        List<String> s51 = new ArrayList<>(List.of("best-rq+geomasr", "best-rq+lasr", "best-rq+masr", "w2v-bert+masr"));
        for (String f : List.of("syntactic", "geographic", "phonetic", "featural", "genetic", "inventory")) {
            s51.add(f + "/combined");
            s51.add(f + "/selection");
        }
        java.util.Map<String, java.awt.Color> byRow = Charts.rowColours(s51);
        assertEquals(s51.size(), new java.util.HashSet<>(byRow.values()).size(), "a colour of its own per row");
        assertEquals(Charts.rowColour("best-rq+masr"), byRow.get("best-rq+masr"), "a known row keeps its colour");
        float[] a = java.awt.Color.RGBtoHSB(byRow.get("genetic/selection").getRed(),
                byRow.get("genetic/selection").getGreen(), byRow.get("genetic/selection").getBlue(), null);
        float[] b = java.awt.Color.RGBtoHSB(byRow.get("syntactic/combined").getRed(),
                byRow.get("syntactic/combined").getGreen(), byRow.get("syntactic/combined").getBlue(), null);
        assertTrue(Math.abs(a[0] - b[0]) > 0.05 || Math.abs(a[1] - b[1]) > 0.2 || Math.abs(a[2] - b[2]) > 0.2,
                "the pair hashing put 13 degrees apart");
        // The paper gives no CER: its panel says so rather than drawing nothing.
        List<ResultCell> real = List.of(new ResultCell("T3", "best-rq", "fillets/cs", "cer", 80.0, 1, "cpu", "x", "p"));
        List<org.knowm.xchart.CategoryChart> cer = Charts.comparisonPanels(ComparisonTable.of("T3", "Table 3",
                "ours", real, PaperNumbers.load()), "cer");
        assertEquals(1, cer.size(), "no empty paper panel");
        assertTrue(cer.get(0).getTitle().endsWith(Charts.NO_PAPER_PANEL), cer.get(0).getTitle());
        // Its WER columns are drawn although we measured none of them (the MLS rows not run yet).
        List<org.knowm.xchart.CategoryChart> wer = Charts.comparisonPanels(ComparisonTable.of("T3", "Table 3", "ours", real,
                PaperNumbers.load()), "wer");
        assertEquals("paper", wer.get(1).getTitle());
        assertEquals("ours: nothing measured in these columns yet", wer.get(0).getTitle());
        // The paper's FLEURS EERs (under 1%) beside ours near 10% would be invisible slivers: their panel prints values.
        List<org.knowm.xchart.CategoryChart> eer = Charts.comparisonPanels(ComparisonTable.of("T1", "Table 1", "ours",
                List.of(new ResultCell("T1", "best-rq", "fleurs/all", "eer", 12.0, 1, "cpu", "x", "p")),
                PaperNumbers.load()), "fleurs/all eer");
        assertEquals(List.of(false, true), eer.stream().map(p -> p.getStyler().isLabelsVisible()).toList());
        Charts.comparisonBars(ComparisonTable.of("T1", "Table 1", "ours",
                List.of(new ResultCell("T1", "best-rq", "fleurs/all", "eer", 12.0, 1, "cpu", "x", "p")),
                PaperNumbers.load()), "fleurs/all eer", tmp.resolve("eer.png"));
        assertPng(tmp.resolve("eer.png"));
    }

    @Test
    void figure2GroupsFamiliesAndMinings(@TempDir Path tmp) throws IOException {
        List<ResultCell> ours = List.of(
                new ResultCell("F2", "genetic/selection", "fleurs/all", "acc", 40.0, 1, "smoke", "a", "p.json"),
                new ResultCell("F2", "syntactic/combined", "fleurs/all", "acc", 60.0, 1, "smoke", "a", "p.json"),
                new ResultCell("F2", "syntactic/combined", "fleurs/all", "acc", 64.0, 2, "smoke", "a", "p.json"),
                new ResultCell("F2", "zeta/combined", "fleurs/all", "acc", 10.0, 1, "smoke", "a", "p.json"),
                new ResultCell("F2", "geographic/combined", "fleurs/all", "eer", 9.0, 1, "smoke", "a", "p.json"),
                new ResultCell("F2", "no-slash", "fleurs/all", "acc", 99.0, 1, "smoke", "a", "p.json"));
        ComparisonTable t = ComparisonTable.of("F2", "Figure 2", "ours", ours, PaperNumbers.load());
        ComparisonTable.Key acc = new ComparisonTable.Key("fleurs/all", "acc");
        Charts.FamilyGrid g = Charts.familyGrid(t, acc, List.of("syntactic", "geographic", "genetic"));
        // Every family of the order shows (geographic has only an EER, so an empty slot); zeta, not in the order,
        // comes last.
        assertEquals(List.of("syntactic", "geographic", "genetic", "zeta"), g.families());
        assertEquals(List.of("combined", "selection"), g.minings());
        assertEquals(Arrays.asList(62.0, null, null, 10.0), g.values().get("combined"));
        assertEquals(Arrays.asList(null, null, 40.0, null), g.values().get("selection"));
        assertEquals(Math.sqrt(8), g.sds().get("combined").get(0), 1e-9, "sd of 60 and 64");
        assertTrue(Double.isNaN(g.sds().get("combined").get(3)), "one seed: no sd");
        assertEquals(List.of("syntactic/selection", "geographic/combined", "geographic/selection", "genetic/combined",
                "zeta/selection"), g.notRun());
        Path png = tmp.resolve("figure2.png");
        Charts.familyMiningBars(t, acc, List.of("syntactic"), png);
        assertPng(png);
        Path empty = tmp.resolve("empty.png");
        Charts.familyMiningBars(ComparisonTable.of("F2", "Figure 2", "ours", List.of(), PaperNumbers.load()), acc,
                List.of(), empty);
        assertPng(empty);
    }

    /**
     * A PNG is often seen alone: every chart says under its title which corpora and profile its numbers come from,
     * and carries title and subtitle as PNG text; a subtitle longer than the chart is wide wraps instead of being cut.
     */
    @Test
    void everyChartNamesItsCorporaAndProfile(@TempDir Path tmp) throws IOException {
        List<ResultCell> ours = List.of(
                new ResultCell("T3", "best-rq", "de", "wer", 90.0, 1, "smoke", "MLS analog (espeak-ng)",
                        "FLEURS analog (espeak-ng)", "p.json"),
                new ResultCell("T3", "best-rq", "avg", "wer", 91.0, 1, "smoke", "MLS analog (espeak-ng)",
                        "FLEURS analog (espeak-ng)", "p.json"));
        ComparisonTable t = ComparisonTable.of("T3", "Table 3", "ours", ours, PaperNumbers.load());
        Path bars = tmp.resolve("t3.png");
        Charts.comparisonBars(t, "wer", bars);
        java.util.Map<String, String> text = Charts.readText(bars);
        assertEquals("Table 3 — wer", text.get("Title"));
        assertEquals("ours on: MLS analog (espeak-ng) — pretrained on: FLEURS analog (espeak-ng) — profile smoke",
                text.get("Description"));
        Path fig2 = tmp.resolve("f2.png");
        Charts.familyMiningBars(ComparisonTable.of("F2", "Figure 2", "ours", List.of(new ResultCell("F2",
                "genetic/combined", "fleurs/all", "acc", 40.0, 1, "cpu", "FLEURS analog", "p")), PaperNumbers.load()),
                new ComparisonTable.Key("fleurs/all", "acc"), List.of(), fig2);
        assertEquals("ours on: FLEURS analog — profile cpu", Charts.readText(fig2).get("Description"));
        Path change = tmp.resolve("f3.png");
        Charts.relativeChangeBars(java.util.Map.of("de", 5.0), java.util.Set.of(), "Figure 3", "ours on: X analog", change);
        assertEquals("ours on: X analog", Charts.readText(change).get("Description"));
        Path curves = tmp.resolve("c.png");
        Charts.curves(java.util.Map.of("loss", new double[][] {{1, 2}, {3, 2}}), "curves", "ours on: Y analog", "loss",
                curves);
        assertEquals("ours on: Y analog", Charts.readText(curves).get("Description"));
        // One panel per curve: a second curve (its own steps and scale) adds a panel below, not a line in the first.
        Path two = tmp.resolve("c2.png");
        java.util.Map<String, double[][]> both = new java.util.LinkedHashMap<>();
        both.put("pretraining loss", new double[][] {{1, 2, 3}, {9, 8, 7}});
        both.put("fine-tuning loss", new double[][] {{1, 2000}, {3, 0.5}});
        Charts.curves(both, "curves", "ours on: Y analog", "loss", two);
        int one = ImageIO.read(curves.toFile()).getHeight();
        int stacked = ImageIO.read(two.toFile()).getHeight();
        assertTrue(stacked >= 2 * one - 120, one + " vs " + stacked);
        // A stage's loss terms join its total in its panel; a term equal to the total is left out.
        java.util.Map<String, double[][]> terms = new java.util.LinkedHashMap<>();
        terms.put("pretraining loss", new double[][] {{1, 2}, {9, 8}});
        terms.put("pretraining loss_ssl", new double[][] {{1, 2}, {9.00001, 8}}); // rounded apart in the log
        terms.put("continued pretraining loss", new double[][] {{1, 2}, {7, 6.9}});
        terms.put("continued pretraining loss_ssl", new double[][] {{1, 2}, {3.5, 3.6}});
        terms.put("continued pretraining loss_masr0", new double[][] {{1, 2}, {3.5, 3.3}});
        List<org.knowm.xchart.XYChart> panels = Charts.curvePanels(terms, "loss");
        assertEquals(List.of("pretraining loss", "continued pretraining loss: total and its terms"),
                panels.stream().map(org.knowm.xchart.XYChart::getTitle).toList());
        assertEquals(List.of("total"), List.copyOf(panels.get(0).getSeriesMap().keySet()));
        assertEquals(List.of("total", "ssl", "masr0"), List.copyOf(panels.get(1).getSeriesMap().keySet()));
        assertTrue(panels.get(1).getStyler().isLegendVisible() && !panels.get(0).getStyler().isLegendVisible());

        Path shortSub = tmp.resolve("short.png");
        Path longSub = tmp.resolve("long.png");
        Charts.relativeChangeBars(java.util.Map.of("de", 5.0), java.util.Set.of(), "Figure 3", "one line", shortSub);
        Charts.relativeChangeBars(java.util.Map.of("de", 5.0), java.util.Set.of(), "Figure 3",
                "a corpus label far too long for one line ".repeat(8), longSub);
        assertPng(longSub);
        BufferedImage a = ImageIO.read(shortSub.toFile());
        BufferedImage b = ImageIO.read(longSub.toFile());
        assertEquals(a.getWidth(), b.getWidth(), "a long subtitle wraps; the chart keeps its width");
        assertTrue(b.getHeight() > a.getHeight(), "the wrapped lines make the header taller");
    }

    @Test
    void filterSemantics() {
        ComparisonTable.Key k = new ComparisonTable.Key("dhvani/all", "f1");
        assertTrue(Charts.matches(k, "f1"));
        assertTrue(Charts.matches(k, "dhvani/all"));
        assertTrue(Charts.matches(k, "dhvani/all f1"));
        assertTrue(Charts.matches(k, "dhvani/"));
        assertFalse(Charts.matches(k, "dhvani"));
        assertFalse(Charts.matches(k, "acc"));
    }

    @Test
    void heatmapRejectsNonSquareRates(@TempDir Path tmp) {
        assertThrows(IllegalArgumentException.class,
                () -> Charts.rateHeatmap(List.of("a", "b"), new double[][] {{1, 0}}, "x", "y", tmp.resolve("x.png")));
    }

    /**
     * Figure 4's overview draws the paper's 18 rates beside ours and nothing else (our other groups' 100+ rates made
     * it unreadable): 9 categories (bs/sr/hr), a paper and an ours series per paper row, labels that fit side by side.
     */
    @Test
    void figure4OverviewDrawsOnlyThePapersCellsWithLabelsThatFit(@TempDir Path tmp) throws IOException {
        List<ResultCell> ours = new java.util.ArrayList<>();
        String[] langs = {"bs", "sr", "hr", "cs", "sk", "ru", "uk", "ca", "es", "pt", "sv", "nb", "da"};
        for (String row : List.of("best-rq", "best-rq+masr", "w2v-bert")) {
            for (String a : langs) {
                for (String b : langs) {
                    for (long seed = 1; seed <= 2; seed++) {
                        ours.add(new ResultCell("F4", row, a + ">" + b, "rate", seed / 4.0, seed, "cpu", "FLEURS analog",
                                "p.json"));
                    }
                }
            }
        }
        PaperNumbers paper = PaperNumbers.load();
        ComparisonTable t = ComparisonTable.of("F4", "Figure 4", "ours", ours, paper);
        assertTrue(t.keys().size() > 100, "the table keeps every rate of ours");
        org.knowm.xchart.CategoryChart chart = Charts.paperCellsChart(t, "rate", "Figure 4");
        List<String> columns = paper.cells("F4").stream().map(c -> c.column()).distinct().toList();
        assertEquals(List.of("bs>bs", "bs>sr", "bs>hr", "sr>bs", "sr>sr", "sr>hr", "hr>bs", "hr>sr", "hr>hr"), columns);
        assertEquals(List.of("best-rq ours", "best-rq paper", "best-rq+masr ours", "best-rq+masr paper"),
                List.copyOf(chart.getSeriesMap().keySet()), "no series for a row the paper does not give");
        for (org.knowm.xchart.CategorySeries s : chart.getSeriesMap().values()) {
            assertEquals(columns, List.copyOf(s.getXData()), s.getName());
        }
        List<?> bestRqPaper = List.copyOf(chart.getSeriesMap().get("best-rq paper").getYData());
        assertEquals(0.22, ((Number) bestRqPaper.get(0)).doubleValue(), 1e-9);
        assertEquals(0.375, ((Number) chart.getSeriesMap().get("best-rq+masr ours").getYData().iterator().next())
                .doubleValue(), 1e-9, "ours: the mean over seeds");
        assertTrue(Charts.labelsFit(columns, chart.getStyler().getAxisTickLabelsFont(), chart.getWidth()));
        assertEquals(0, chart.getStyler().getXAxisLabelRotation());
        // The old overview's labels ("<row> <column>", one per row and rate of ours) could not fit at any usual size.
        List<String> everyCell = new java.util.ArrayList<>();
        t.rows().forEach(r -> t.keys().forEach(k -> everyCell.add(r + " " + k.column())));
        assertFalse(Charts.labelsFit(everyCell, chart.getStyler().getAxisTickLabelsFont(), 1000));
        Path png = tmp.resolve("figure4.png");
        Charts.paperCellBars(t, "rate", "Figure 4", png);
        assertPng(png);
        assertEquals(chart.getWidth(), ImageIO.read(png.toFile()).getWidth());

        // A corpus without bs/sr/hr (smoke's: sv/nb only) still gets the paper's 18 bars, and none of ours.
        ComparisonTable svNb = ComparisonTable.of("F4", "Figure 4", "ours", List.of(new ResultCell("F4", "best-rq",
                "sv>nb", "rate", 0.5, 1, "smoke", "FLEURS analog", "p.json")), paper);
        org.knowm.xchart.CategoryChart paperOnly = Charts.paperCellsChart(svNb, "rate", "Figure 4");
        assertEquals(List.copyOf(chart.getSeriesMap().keySet()), List.copyOf(paperOnly.getSeriesMap().keySet()));
        assertEquals(columns, List.copyOf(paperOnly.getSeriesMap().get("best-rq paper").getXData()));
        assertTrue(paperOnly.getSeriesMap().get("best-rq ours").getYData().stream().allMatch(java.util.Objects::isNull));
    }
}
