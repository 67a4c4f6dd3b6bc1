package org.masrrepro.reports.tables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.results.ResultCell;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our rows beside the paper's: paper rows kept, Δ computed, seeds aggregated, renderings well formed. */
class ComparisonTableTest {

    static final String CAPTION = "ours: FLEURS analog (espeak-ng), profile smoke — NOT the paper's FLEURS";
    static final PaperNumbers PAPER = PaperNumbers.load();

    static ResultCell cell(String table, String row, String col, String metric, double v, long seed) {
        return new ResultCell(table, row, col, metric, v, seed, "smoke", "FLEURS analog", "eval/x/provenance.json");
    }

    static ResultCell cell(String row, String col, String metric, double v, long seed) {
        return cell("T1", row, col, metric, v, seed);
    }

    final List<ResultCell> ours = List.of(cell("best-rq", "fleurs/all", "acc", 70.0, 1),
            cell("best-rq", "fleurs/all", "acc", 72.0, 2), cell("best-rq", "fleurs/O", "acc", 80.0, 1),
            cell("best-rq", "fleurs/O", "acc", 80.0, 2), cell("zz-ablation", "fleurs/all", "acc", 60.0, 1),
            cell("my-ablation", "fleurs/all", "acc", 50.0, 1), cell("best-rq+masr", "fleurs/all", "eer", 1.25, 1),
            cell("T2", "best-rq", "voxforge", "acc", 99.0, 1)); // another table: ignored

    static List<String> cellsOf(String mdLine) {
        String inner = mdLine.substring(1, mdLine.length() - 1); // drop the outer pipes
        List<String> out = new ArrayList<>();
        for (String s : inner.split("(?<!\\\\)\\|", -1)) {
            out.add(s.trim());
        }
        return out;
    }

    @Test
    void oursBesideThePaper() {
        ComparisonTable t = ComparisonTable.of("T1", "Table 1: language ID", CAPTION, ours, PAPER);
        // Keys: all the paper's, in its order, measured or not (a reviewer sees what is missing).
        List<ComparisonTable.Key> papers = PAPER.cells("T1").stream()
                .map(p -> new ComparisonTable.Key(p.column(), p.metric())).distinct().toList();
        assertEquals(papers, t.keys());
        assertTrue(t.keys().contains(new ComparisonTable.Key("dhvani/all", "acc")), "a column we did not measure");
        // Rows: all six paper rows in paper order, then ours-only rows sorted.
        assertEquals(List.of("w2v-bert", "w2v-bert+lasr", "w2v-bert+masr", "best-rq", "best-rq+lasr", "best-rq+masr",
                "my-ablation", "zz-ablation"), t.rows());
        ComparisonTable.Key all = new ComparisonTable.Key("fleurs/all", "acc");
        assertEquals(71.0, t.ours("best-rq", all), 1e-9);
        assertEquals(75.4, t.paper("best-rq", all), 1e-9);
        assertTrue(Double.isNaN(t.ours("w2v-bert", all)));
        assertTrue(Double.isNaN(t.paper("my-ablation", all)));

        Table tab = t.table();
        assertEquals(8, tab.rowCount());
        assertEquals(1 + 3 + 10 * 5, tab.columnCount()); // row, corpus, pretraining_corpus, profile, 5 per key
        assertEquals("FLEURS analog", tab.stringColumn("corpus").get(t.rows().indexOf("best-rq")));
        int r = t.rows().indexOf("best-rq");
        assertEquals(71.0, tab.doubleColumn("fleurs/all acc ours").get(r), 1e-9);
        assertEquals(Math.sqrt(2), tab.doubleColumn("fleurs/all acc ours_std").get(r), 1e-9);
        assertEquals(2, tab.intColumn("fleurs/all acc n").get(r));
        assertEquals(75.4, tab.doubleColumn("fleurs/all acc paper").get(r), 1e-9);
        assertEquals(71.0 - 75.4, tab.doubleColumn("fleurs/all acc delta").get(r), 1e-9);
        int m = t.rows().indexOf("best-rq+masr");
        assertEquals(1.25 - 0.3, tab.doubleColumn("fleurs/all eer delta").get(m), 1e-9);
        assertTrue(tab.doubleColumn("fleurs/all acc delta").isMissing(m)); // paper has it, we do not
        assertTrue(tab.doubleColumn("fleurs/all acc delta").isMissing(t.rows().indexOf("my-ablation")));
    }

    @Test
    void markdownIsCaptionThenAWellFormedTable() {
        String md = ComparisonTable.of("T1", "Table 1", CAPTION, ours, PAPER).toMarkdown();
        List<String> lines = md.lines().toList();
        assertEquals("**Table 1** — " + CAPTION, lines.get(0));
        assertEquals("", lines.get(1));
        List<String> table = lines.subList(2, lines.size());
        assertEquals(2 + 8, table.size()); // header, separator, 8 rows
        int keys = ComparisonTable.of("T1", "Table 1", CAPTION, ours, PAPER).keys().size();
        assertEquals(10, keys, "FLEURS and Dhvani: O, NO, all, F1, EER");
        for (String l : table) {
            assertTrue(l.startsWith("|") && l.endsWith("|"), l);
            assertEquals(1 + 3 * keys, cellsOf(l).size(), l);
        }
        List<String> header = cellsOf(table.get(0));
        assertEquals(List.of("row", "fleurs/O acc ours", "paper", "Δ", "fleurs/NO acc ours", "paper", "Δ"),
                header.subList(0, 7));
        assertTrue(table.get(1).matches("\\|---\\|(---:\\|){" + 3 * keys + "}"), table.get(1));
        int o = header.indexOf("fleurs/O acc ours");
        int no = header.indexOf("fleurs/NO acc ours");
        int all = header.indexOf("fleurs/all acc ours");
        int eer = header.indexOf("fleurs/all eer ours");
        List<String> bestRq = cellsOf(table.get(2 + 3));
        assertEquals(List.of("best-rq", "80.0 ± 0.0 (n=2)", "85.6", "-5.6"), bestRq.subList(0, 4));
        assertEquals(List.of("71.0 ± 1.4 (n=2)", "75.4", "-4.4"), bestRq.subList(all, all + 3));
        // A row we have other numbers of says which paper numbers it still lacks, without claiming it never ran.
        assertEquals(List.of(ComparisonTable.NOT_MEASURED, "65.2", ""), bestRq.subList(no, no + 3));
        assertEquals(List.of(ComparisonTable.NOT_MEASURED, "0.9", ""), bestRq.subList(eer, eer + 3));
        List<String> w2v = cellsOf(table.get(2));
        assertEquals(List.of("w2v-bert", ComparisonTable.NOT_RUN, "87.7", ""), w2v.subList(0, 4));
        assertEquals(List.of(ComparisonTable.NOT_RUN, "0.5", ""), w2v.subList(eer, eer + 3));
        // 1.25 - 0.3 = 0.95 rounds half up, consistent with the shown 1.3 and 0.3.
        List<String> masr = cellsOf(table.get(2 + 5));
        assertEquals(List.of("1.3 (n=1)", "0.3", "+1.0"), masr.subList(eer, eer + 3));
        assertEquals(List.of(ComparisonTable.NOT_MEASURED, "91.3", ""), masr.subList(o, o + 3));
        List<String> mine = cellsOf(table.get(2 + 6));
        assertEquals(List.of("50.0 (n=1)", "", ""), mine.subList(all, all + 3));
        assertEquals(List.of("", "", ""), mine.subList(o, o + 3), "no paper number: blank");
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<ResultCell> shuffled = new ArrayList<>(ours);
        Collections.reverse(shuffled);
        assertEquals(ComparisonTable.of("T1", "t", CAPTION, ours, PAPER).toMarkdown(),
                ComparisonTable.of("T1", "t", CAPTION, shuffled, PAPER).toMarkdown());
    }

    @Test
    void columnsOnlyWeHaveComeInBlocks() {
        List<ResultCell> t3 = new ArrayList<>();
        for (String col : List.of("avg", "nl", "de", "fillets/avg", "fillets/nl", "fillets/cs")) {
            for (String metric : List.of("cer", "wer")) {
                t3.add(cell("T3", "best-rq", col, metric, 50.0, 1));
            }
        }
        List<String> labels = ComparisonTable.of("T3", "Table 3", CAPTION, t3, PAPER).keys().stream()
                .map(k -> k.column() + " " + k.metric()).toList();
        // The paper's pairs in its order (measured or not); then our CER in the paper's language order, average last; then the
        // real-speech block: WER (the paper's metric) before CER, languages sorted, average last.
        assertEquals(List.of("de wer", "en wer", "es wer", "fr wer", "it wer", "nl wer", "avg wer", "de cer", "nl cer", "avg cer", "fillets/cs wer",
                "fillets/nl wer", "fillets/avg wer", "fillets/cs cer", "fillets/nl cer", "fillets/avg cer"), labels);
    }

    @Test
    void aTableWithoutPaperNumbersBorrowsAnotherTablesColumnOrder() {
        List<ResultCell> f2 = new ArrayList<>();
        for (String col : List.of("fleurs/all", "fleurs/NO", "fleurs/O")) {
            f2.add(cell("F2", "syntactic/combined", col, "acc", 50.0, 1));
        }
        f2.add(cell("F2", "syntactic/combined", "fleurs/all", "eer", 5.0, 1));
        List<String> alone = ComparisonTable.of("F2", "Figure 2", CAPTION, f2, PAPER).keys().stream()
                .map(k -> k.column() + " " + k.metric()).toList();
        assertEquals(List.of("fleurs/NO acc", "fleurs/O acc", "fleurs/all acc", "fleurs/all eer"), alone);
        List<String> likeT1 = ComparisonTable.of("F2", "Figure 2", CAPTION, f2, PAPER, "T1").keys().stream()
                .map(k -> k.column() + " " + k.metric()).toList();
        assertEquals(List.of("fleurs/O acc", "fleurs/NO acc", "fleurs/all acc", "fleurs/all eer"), likeT1);
    }

    @Test
    void noOursShowsEveryPaperColumn() {
        ComparisonTable t = ComparisonTable.of("T3", "Table 3", "none yet", List.of(), PAPER);
        assertEquals(7, t.keys().size());
        assertEquals(List.of("best-rq", "best-rq+lasr", "best-rq+masr"), t.rows());
        assertTrue(t.toMarkdown().contains("| best-rq | not run yet | 5.1 |  |"), t.toMarkdown());
        assertTrue(t.toHtmlTable().contains("<tr><td>best-rq</td><td>not run yet</td><td>5.1</td><td></td>"),
                t.toHtmlTable());
    }

    /** Each CSV row says which corpora and profile its numbers came from, so a row read alone is still honest. */
    @Test
    void everyMeasuredCsvRowNamesItsCorporaAndProfile(@TempDir Path tmp) throws IOException {
        List<ResultCell> cells = List.of(
                new ResultCell("T2", "best-rq", "mask", "acc", 60, 1, "smoke", "Mask analog", "MAIN analog", "p"),
                new ResultCell("T2", "best-rq", "voxforge", "acc", 70, 1, "smoke", "VoxForge analog", "MAIN analog", "p"),
                new ResultCell("T2", "best-rq", "voxforge", "acc", 72, 2, "smoke", "VoxForge analog", "MAIN analog", "p"),
                new ResultCell("T2", "random-init", "mask", "acc", 50, 1, "smoke", "Mask analog", null, "p"));
        ComparisonTable t = ComparisonTable.of("T2", "Table 2", CAPTION, cells, PAPER);
        t.writeCsv(tmp.resolve("t2.csv"));
        try (java.io.Reader r = Files.newBufferedReader(tmp.resolve("t2.csv"))) {
            var recs = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(r).getRecords();
            var byRow = new java.util.HashMap<String, org.apache.commons.csv.CSVRecord>();
            recs.forEach(rec -> byRow.put(rec.get("row"), rec));
            assertEquals("Mask analog; VoxForge analog", byRow.get("best-rq").get("corpus"));
            assertEquals("MAIN analog", byRow.get("best-rq").get("pretraining_corpus"));
            assertEquals("smoke", byRow.get("best-rq").get("profile"));
            assertEquals("Mask analog", byRow.get("random-init").get("corpus"));
            assertEquals("", byRow.get("random-init").get("pretraining_corpus"));
            assertEquals("", byRow.get("best-rq+masr").get("corpus"), "paper only");
        }
        assertEquals("ours on: Mask analog; VoxForge analog — pretrained on: MAIN analog — profile smoke", t.origin());
        assertEquals("no results of ours", ComparisonTable.of("T2", "Table 2", CAPTION, List.of(), PAPER).origin());
    }

    @Test
    void filesAreWrittenAndHtmlEscaped(@TempDir Path tmp) throws IOException {
        ComparisonTable t = ComparisonTable.of("T1", "Table 1 <LID>", "a & b | c", ours, PAPER);
        t.writeCsv(tmp.resolve("t.csv"));
        t.writeHtml(tmp.resolve("t.html"));
        t.writeMarkdown(tmp.resolve("t.md"));
        List<String> csv = Files.readAllLines(tmp.resolve("t.csv"));
        assertTrue(csv.get(0).startsWith("row,corpus,pretraining_corpus,profile,fleurs/O acc ours,"), csv.get(0));
        assertEquals(1 + 8, csv.size());
        assertTrue(csv.get(1 + 3).startsWith("best-rq,FLEURS analog,,smoke,80.0000,0.0000,2,85.6000,-5.6000,,,0,65.2000,,"
                + "71.0000,1.4142,2,75.4000,-4.4000,"), csv.get(1 + 3));
        assertTrue(csv.get(1).startsWith("w2v-bert,,,,,,0,87.7000,,"), "a paper-only row names no corpus: " + csv.get(1));
        String html = Files.readString(tmp.resolve("t.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h2>Table 1 &lt;LID&gt;</h2>") && html.contains("<p>a &amp; b | c</p>"), html);
        assertFalse(html.contains("<LID>"));
        assertTrue(html.contains("<td>71.0 ± 1.4 (n=2)</td><td>75.4</td><td>-4.4</td>"), html);
        assertTrue(Files.readString(tmp.resolve("t.md")).startsWith("**Table 1 <LID>** — a & b \\| c\n"));
    }

    /**
     * Figure 4's rates (0-1) are shown to .01 as the paper gives them, ours and paper alike, and the header names the
     * unit: with one decimal the paper's .22 read 0.2 and its .01 read 0.0.
     */
    @Test
    void figure4RatesKeepThePapersPrecisionAndSayTheirUnit() {
        List<ResultCell> f4 = List.of(cell("F4", "best-rq", "bs>bs", "rate", 0.27, 1),
                cell("F4", "best-rq", "bs>bs", "rate", 0.25, 2), cell("F4", "best-rq+masr", "bs>sr", "rate", 0.034, 1),
                cell("F4", "best-rq", "bs>sr", "share", 12.34, 1));
        ComparisonTable t = ComparisonTable.of("F4", "Figure 4", CAPTION, f4, PAPER);
        String md = t.toMarkdown();
        String header = md.lines().filter(l -> l.startsWith("| row |")).findFirst().orElseThrow();
        assertTrue(header.contains("| bs>bs rate (0-1) ours | paper | Δ |"), header);
        assertTrue(header.contains("| bs>sr share (%) ours | paper | Δ |"), header);
        List<String> bestRq = cellsOf(md.lines().filter(l -> l.startsWith("| best-rq |")).findFirst().orElseThrow());
        List<String> masr = cellsOf(md.lines().filter(l -> l.startsWith("| best-rq+masr |")).findFirst().orElseThrow());
        int bsbs = t.keys().indexOf(new ComparisonTable.Key("bs>bs", "rate"));
        int bssr = t.keys().indexOf(new ComparisonTable.Key("bs>sr", "rate"));
        int share = t.keys().indexOf(new ComparisonTable.Key("bs>sr", "share"));
        assertEquals(List.of("0.26 ± 0.01 (n=2)", "0.22", "+0.04"), bestRq.subList(1 + 3 * bsbs, 4 + 3 * bsbs));
        assertEquals(List.of("0.03 (n=1)", "0.01", "+0.02"), masr.subList(1 + 3 * bssr, 4 + 3 * bssr));
        assertEquals(List.of(ComparisonTable.NOT_MEASURED, "0.00", ""), bestRq.subList(1 + 3 * bssr, 4 + 3 * bssr));
        assertEquals("12.3 (n=1)", bestRq.get(1 + 3 * share), "a share is a percentage: one decimal");
        String html = t.toHtmlTable();
        assertTrue(html.contains("<th colspan=\"3\">bs&gt;bs rate (0-1)</th>"), html);
        assertTrue(html.contains("<td>0.26 ± 0.01 (n=2)</td><td>0.22</td><td>+0.04</td>"), html);
    }

    /** From {@value ComparisonTable#LONG_FROM} pairs the page's renderings go long (row | column | metric); the CSV stays wide. */
    @Test
    void manyPairsRenderLong(@TempDir Path tmp) throws IOException {
        List<ResultCell> f4 = new ArrayList<>(List.of(cell("F4", "best-rq", "bs>bs", "rate", 0.27, 1),
                cell("F4", "best-rq", "bs>bs", "rate", 0.25, 2)));
        String[] langs = {"da", "nb", "sv", "is", "fo", "nn"};
        for (String a : langs) {
            for (String b : langs) {
                if (!a.equals(b)) {
                    f4.add(cell("F4", "best-rq", a + ">" + b, "share", 5.0, 1));
                }
            }
        }
        ComparisonTable t = ComparisonTable.of("F4", "Figure 4", CAPTION, f4, PAPER);
        assertTrue(t.keys().size() >= ComparisonTable.LONG_FROM && t.isLong(), t.keys().toString());
        String md = t.toMarkdown();
        List<String> lines = md.lines().toList();
        assertEquals("| row | column | metric | ours | paper | Δ |", lines.get(2));
        assertTrue(md.contains("| best-rq | bs>bs | rate (0-1) | 0.26 ± 0.01 (n=2) | 0.22 | +0.04 |"), md);
        assertTrue(md.contains("| best-rq | bs>sr | rate (0-1) | not measured | 0.00 |  |"), md);
        assertTrue(md.contains("| best-rq | da>nb | share (%) | 5.0 (n=1) |  |  |"), md);
        assertTrue(md.contains("| best-rq+masr | bs>bs | rate (0-1) | not run yet | 0.73 |  |"), md);
        // One line per (row, pair) with a number: 18 of the paper, 30 of ours beside none of the paper's.
        assertEquals(4 + 18 + 30, lines.size(), md);
        assertTrue(lines.stream().allMatch(l -> l.length() < 200), "no line runs thousands of characters wide");
        assertTrue(t.toHtmlTable().contains("<tr><td>best-rq</td><td>bs&gt;bs</td><td>rate (0-1)</td>"
                + "<td>0.26 ± 0.01 (n=2)</td><td>0.22</td><td>+0.04</td></tr>"), t.toHtmlTable());
        t.writeCsv(tmp.resolve("f4.csv"));
        assertEquals(t.rows().size() + 1, Files.readAllLines(tmp.resolve("f4.csv")).size(), "the CSV stays wide");
        assertFalse(ComparisonTable.of("T1", "t", CAPTION, ours, PAPER).isLong(), "Table 1's ten pairs stay wide");
        // Table 3 with all we measure at cpu scale (the paper's WER, our CER, two real-speech sets) stays wide.
        List<ResultCell> t3 = new ArrayList<>();
        for (String col : List.of("de", "en", "es", "fr", "it", "nl", "avg", "fillets/cs", "fillets/nl", "fillets/avg",
                "librivox/en", "librivox/avg")) {
            for (String metric : List.of("wer", "cer")) {
                t3.add(cell("T3", "best-rq", col, metric, 90.0, 1));
            }
        }
        ComparisonTable table3 = ComparisonTable.of("T3", "Table 3", CAPTION, t3, PAPER);
        assertEquals(24, table3.keys().size());
        assertFalse(table3.isLong(), "the paper's ASR table keeps its shape");
    }
}
