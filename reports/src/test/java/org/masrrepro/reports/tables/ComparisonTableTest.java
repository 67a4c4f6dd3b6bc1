package org.masrrepro.reports.tables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.plots.Charts;
import org.masrrepro.reports.results.ResultCell;
import org.masrrepro.reports.results.ResultStore;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our row beside the paper's, the delta, seeds aggregated; charts render headless. */
class ComparisonTableTest {

    static ResultCell cell(String row, String col, String metric, double v, long seed) {
        return new ResultCell("T1", row, col, metric, v, seed, "smoke", "FLEURS analog", "eval/x/provenance.json");
    }

    @Test
    void oursBesideThePaper(@TempDir Path tmp) throws IOException {
        List<ResultCell> ours = List.of(cell("best-rq", "fleurs/all", "acc", 70.0, 1), cell("best-rq", "fleurs/all", "acc", 72.0, 2),
                cell("best-rq", "fleurs/O", "acc", 80.0, 1), cell("best-rq", "fleurs/O", "acc", 80.0, 2),
                cell("my-ablation", "fleurs/all", "acc", 60.0, 1));
        ComparisonTable t = ComparisonTable.of("T1", "Table 1", "ours: analog", ours, PaperNumbers.load());
        assertEquals(List.of("fleurs/O", "fleurs/all"), t.keys().stream().map(ComparisonTable.Key::column).toList());
        assertTrue(t.rows().containsAll(List.of("w2v-bert", "best-rq+masr", "my-ablation")));
        assertEquals(71.0, t.ours("best-rq", new ComparisonTable.Key("fleurs/all", "acc")), 1e-9);
        String md = t.toMarkdown();
        assertTrue(md.contains("| best-rq | 80.0 ± 0.0 (n=2) | 85.6 | -5.6 | 71.0 ± 1.4 (n=2) | 75.4 | -4.4 |"), md);
        String header = md.lines().filter(l -> l.startsWith("| row")).findFirst().orElseThrow();
        String sep = md.lines().filter(l -> l.startsWith("|---")).findFirst().orElseThrow();
        assertEquals(header.chars().filter(c -> c == '|').count(), sep.chars().filter(c -> c == '|').count());
        t.writeCsv(tmp.resolve("t.csv"));
        t.writeHtml(tmp.resolve("t.html"));
        assertTrue(Files.readString(tmp.resolve("t.csv")).startsWith("row,"));
        assertTrue(Files.readString(tmp.resolve("t.html")).contains("<table>"));
        ResultStore.write(tmp.resolve("r.json"), ours);
        assertEquals(5, ResultStore.read(tmp.resolve("r.json")).size());

        Charts.comparisonBars(t, "acc", tmp.resolve("bars.png"));
        Charts.confusionHeatmap(List.of("bs", "sr", "hr"), new int[][] {{2, 0, 7}, {7, 1, 2}, {3, 3, 4}}, "bs/sr/hr",
                tmp.resolve("heat.png"));
        for (String f : List.of("bars.png", "heat.png")) {
            BufferedImage img = ImageIO.read(tmp.resolve(f).toFile());
            assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, f);
        }
    }
}
