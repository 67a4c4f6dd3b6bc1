package org.masrrepro.reports.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.reports.claims.ClaimResult;
import org.masrrepro.reports.claims.Verdict;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperReportTest {

    @TempDir
    Path out;

    private static ResultCell cell(String table, String row, String column, String metric, double v, long seed) {
        return new ResultCell(table, row, column, metric, v, seed, "smoke", "FLEURS analog (espeak-ng)", "p/provenance.json");
    }

    /** Three seeds where MASR clearly beats BEST-RQ, per-language cells, a close group and curves. */
    private static List<ResultCell> cells() {
        List<ResultCell> cells = new ArrayList<>();
        String[] langs = {"bs", "sr", "hr", "de", "sv"};
        for (long s = 0; s < 3; s++) {
            cells.add(cell("T1", "best-rq", "fleurs/all", "acc", 50 + s, s));
            cells.add(cell("T1", "best-rq+masr", "fleurs/all", "acc", 60 + s, s));
            cells.add(cell("T1", "best-rq+masr", "fleurs/NO", "acc", 58 + s, s));
            cells.add(cell("T3", "best-rq", "avg", "wer", 40 + s, s));
            cells.add(cell("F4", "best-rq", "bs>hr", "rate", 0.5, s));
            cells.add(cell("S51", "best-rq+masr", "pretraining", "negatives_changed_pct", 85, s));
            for (int i = 0; i < langs.length; i++) {
                cells.add(cell("F3", "best-rq", "fleurs/" + langs[i], "recall", 40 + i, s));
                cells.add(cell("F3", "best-rq+masr", "fleurs/" + langs[i], "recall", 45 + 2 * i, s));
                cells.add(cell("F3", "best-rq", "fleurs/" + langs[i], "overlapped", i % 2, s));
            }
        }
        return cells;
    }

    /** Figure 3's "best MASR" is a BEST-RQ + MASR row (Table 1 or a Figure 2 family), never w2v-BERT's or Geo-MASR. */
    @Test
    void bestMasrRowIsBestRqBasedAndIncludesFigure2() {
        List<ResultCell> cells = new ArrayList<>();
        cells.add(cell("T1", "best-rq+masr", "fleurs/all", "acc", 60, 0));
        cells.add(cell("T1", "w2v-bert+masr", "fleurs/all", "acc", 90, 0));
        cells.add(cell("T1", "best-rq+geomasr", "fleurs/all", "acc", 80, 0));
        cells.add(cell("F2", "genetic/combined", "fleurs/all", "acc", 70, 0));
        cells.add(cell("F2", "syntactic/selection", "fleurs/all", "acc", 75, 0));
        java.util.Set<String> all = java.util.Set.of("best-rq+masr", "w2v-bert+masr", "best-rq+geomasr",
                "genetic/combined", "syntactic/selection");
        assertEquals("syntactic/selection", PaperReport.bestMasrRow(cells, "fleurs", all).orElseThrow());
        assertEquals("genetic/combined", PaperReport.bestMasrRow(cells, "fleurs",
                java.util.Set.of("best-rq+masr", "w2v-bert+masr", "genetic/combined")).orElseThrow(),
                "a row without per-language recall cannot be drawn");
        assertEquals("best-rq+masr", PaperReport.bestMasrRow(cells, "fleurs",
                java.util.Set.of("best-rq+masr", "w2v-bert+masr", "best-rq+geomasr")).orElseThrow());
    }

    private static RunSummary run(String row, long seed) {
        List<String> classes = List.of("bs", "sr", "hr", "de", "sv");
        int[][] conf = new int[5][5];
        for (int i = 0; i < 5; i++) {
            conf[i][i] = 3;
            conf[i][(i + 1) % 5] = 1;
        }
        ClassificationReport m = new ClassificationReport(20, 60, 60, 60, 60, 10, classes, conf, Map.of());
        return new RunSummary("table1/" + row, seed, "test", "T1", row, "fleurs", "FLEURS analog (espeak-ng)",
                "cards/c.md", "../../x/provenance.json", m,
                Map.of("pretrain loss", new double[][] {{1, 2, 3}, {5, 4, 3}}));
    }

    private static RunSummary run(String row, long seed, int[][] conf) {
        RunSummary r = run(row, seed);
        ClassificationReport m = r.metrics();
        return new RunSummary(r.spec(), seed, r.describes(), r.table(), r.row(), r.dataset(), r.corpus(), r.cardLink(),
                r.provenance(), new ClassificationReport(m.n(), m.accuracy(), m.accuracyOverlapped(),
                        m.accuracyNonOverlapped(), m.macroF1(), m.eer(), m.classes(), conf, m.recallPerClass()),
                r.curves());
    }

    /** A heat map's title says how much of each language falls inside the group, and when a row lacks a run. */
    @Test
    void heatMapsSayHowMuchOfEachLanguageFallsInsideTheGroup() {
        // classes bs, sr, hr, de, sv; run 0: every row 3 right, 1 to the next class; run 1: sr all predicted as de
        int[][] conf = new int[5][5];
        for (int i = 0; i < 5; i++) {
            conf[i][i] = 3;
            conf[i][(i + 1) % 5] = 1;
        }
        int[][] srOut = new int[5][5];
        for (int i = 0; i < 5; i++) {
            srOut[i] = conf[i].clone();
        }
        srOut[1] = new int[] {0, 0, 0, 4, 0};
        assertEquals("predicted inside the group: bs 100%, sr 100%, hr 75%", PaperReport.insideShares(
                List.of(run("best-rq", 0, conf)), List.of("bs", "sr", "hr")));
        assertEquals("predicted inside the group: bs 100%, sr 50% (rates from 1 of 2 runs), hr 75%",
                PaperReport.insideShares(List.of(run("best-rq", 0, conf), run("best-rq", 1, srOut)),
                        List.of("bs", "sr", "hr")));
    }

    /** A Geo-MASR row pretrained on an analog is said to carry synthetic locations; one on real corpora is not. */
    @Test
    void geoMasrOnAnAnalogSaysItsLocationsAreSynthetic() {
        RunSummary.Corpus analog = new RunSummary.Corpus("FLEURS analog", List.of(RunSummary.PRETRAINING), null);
        RunSummary.Corpus real = new RunSummary.Corpus("FLEURS", List.of(RunSummary.PRETRAINING), null, "corpus/r",
                true, 0);
        RunSummary geo = new RunSummary("section7/geo", 0, "x", "T1", "best-rq+geomasr", "fleurs", "c", null, "p",
                null, Map.of(), List.of(analog));
        RunSummary geoReal = new RunSummary("section7/geo", 0, "x", "T1", "best-rq+geomasr", "fleurs", "c", null, "p",
                null, Map.of(), List.of(real));
        RunSummary masr = new RunSummary("table1/m", 0, "x", "T1", "best-rq+masr", "fleurs", "c", null, "p", null,
                Map.of(), List.of(analog));
        assertTrue(PaperReport.geoOnAnalogs(List.of(geo, masr)).orElseThrow().startsWith("Row best-rq+geomasr was "
                + "pretrained on an offline analog"));
        assertTrue(PaperReport.geoOnAnalogs(List.of(geoReal, masr)).isEmpty());
    }

    /** Figure 3's text counts the changes it draws and names the paper's overlapped examples that are not ours. */
    @Test
    void figure3SaysWhatItDrawsAndWhereOverlappedDiffers() {
        Map<String, Double> change = new java.util.TreeMap<>(Map.of("de", 10.0, "or", -20.0, "kk", 0.0, "xx", -4.0));
        assertEquals("Of these means: 1 language improves, 2 regress, 1 unchanged; mean relative change +5.00% over 2 "
                + "overlapped and -12.00% over 2 non-overlapped languages.",
                PaperReport.changeSummary(change, Set.of("or", "xx")));
        assertEquals("Overlapped means in our pretraining corpus here (2 of these 4 languages), not the paper's 75 "
                + "pretraining languages. Of the languages section 6.4 names as overlapped, or is non-overlapped here, "
                + "so the statements about it test a language our pretraining never heard.",
                PaperReport.paperOverlappedNote(change.keySet(), Set.of("or", "xx")).orElseThrow());
        assertTrue(PaperReport.paperOverlappedNote(change.keySet(), Set.of("xx")).isEmpty());
    }

    /** A table names its test-set sizes per dataset and what one utterance is worth; an analysis (F4) does not. */
    @Test
    void testSizesPerDataset() {
        RunSummary fleurs = run("best-rq", 0);
        RunSummary other = run("best-rq+masr", 1);
        RunSummary dhvani = new RunSummary("table1/x", 0, "x", "T1", "best-rq", "dhvani", "Dhvani analog", null, "p",
                new ClassificationReport(400, 60, 60, 60, 60, 10, List.of("a"), new int[1][1], Map.of()), Map.of());
        RunSummary asr = new RunSummary("table3/x", 0, "x", "T3", "best-rq", "mls", "MLS analog", null, "p", null,
                Map.of());
        assertEquals("Test utterances scored per run (and the share of the largest class: the accuracy of always "
                + "answering it): dhvani 400 (one utterance: 0.25 points); fleurs 20 (one utterance: 5.00 points; "
                + "balanced, every class 20.0%).", PaperReport.testSizes(List.of(fleurs, other, dhvani, asr), "T1")
                .orElseThrow());
        assertTrue(PaperReport.testSizes(List.of(fleurs, asr), "F4").isEmpty(), "F4's runs are Table 1's");
        assertTrue(PaperReport.testSizes(List.of(asr), "T3").isEmpty(), "ASR runs score no classification");
    }

    /**
     * Each Figure 4 heat map is the mean over its spec's seeds of each seed's rates (as the table's cells are), one
     * per spec and group, and its title says over how many seeds; it was the first seed's alone.
     */
    @Test
    void figure4HeatMapsAreTheMeanOverSeeds() throws IOException {
        // classes bs, sr, hr, de, sv; seed 0: bs -> 3 bs 1 hr; seed 1: bs -> 1 bs 1 sr 2 hr, sr -> only de (outside)
        int[][] a = {{3, 0, 1, 0, 0}, {0, 2, 2, 0, 0}, {1, 1, 2, 0, 0}, {0, 0, 0, 4, 0}, {0, 0, 0, 0, 4}};
        int[][] b = {{1, 1, 2, 0, 0}, {0, 0, 0, 4, 0}, {0, 0, 4, 0, 0}, {0, 0, 0, 4, 0}, {0, 0, 0, 0, 4}};
        List<RunSummary> runs = List.of(run("best-rq", 1, b), run("best-rq", 0, a));
        List<String> group = List.of("bs", "sr", "hr");
        double[][] mean = PaperReport.meanGroupRates(runs, group);
        assertArrayEquals(new double[] {(0.75 + 0.25) / 2, 0.25 / 2, (0.25 + 0.5) / 2}, mean[0], 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5}, mean[1], 1e-12, "seed 1 has no sr prediction inside the group");
        assertArrayEquals(new double[] {0.125, 0.125, 0.75}, mean[2], 1e-12);

        PaperReport.write(out, "smoke", cells(), runs);
        List<String> maps;
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            maps = s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("figure4_")).sorted().toList();
        }
        assertEquals(List.of("figure4_table1_best-rq_bs-sr-hr.png"), maps, "one heat map per spec and group");
        String title = org.masrrepro.reports.plots.Charts.readText(out.resolve(maps.get(0))).get("Title");
        assertEquals("best-rq bs/sr/hr (table1/best-rq, mean of 2 seeds); predicted inside the group: bs 100%, sr "
                + "50% (rates from 1 of 2 runs), hr 100%", title, "seed 1's sr went outside the group (to de)");
        assertTrue(Files.readString(out.resolve("README.md")).contains("mean over its seeds of each seed's rates"));
    }

    @Test
    void writesEveryTableFigureAndTheClaimsChecklist() throws IOException {
        List<ClaimResult> claims = PaperReport.write(out, "smoke", cells(),
                List.of(run("best-rq", 0), run("best-rq+masr", 0)));
        String html = Files.readString(out.resolve("index.html"));
        String md = Files.readString(out.resolve("README.md"));
        for (String section : List.of("Table 1", "Table 3", "Figure 4", "Section 5.1", "Figure 3", "Claims checklist",
                "quantitative statements", "Training curves", "Runs, corpus cards")) {
            assertTrue(html.contains(section), section + " missing from index.html");
            assertTrue(md.contains(section), section + " missing from README.md");
        }
        // Every image the page shows exists and is a PNG (rendered headless).
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int images = 0;
        while (img.find()) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve(img.group(1))), 4);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, img.group(1));
            images++;
        }
        // 4 table charts + Figure 3 + 2 runs x 1 group (bs/sr/hr) + 1 curve chart, which both runs' identical
        // histories share
        assertEquals(8, images, html);
        assertTrue(md.contains("Shared by table1/best-rq (seed 0), table1/best-rq+masr (seed 0):"), md);
        assertTrue(Files.isRegularFile(out.resolve("results.csv")) && Files.isRegularFile(out.resolve("claims.json")));
        assertEquals("Figure 4 (bs/sr/hr): the paper's 18 confusion rates beside ours (mean over seeds)",
                org.masrrepro.reports.plots.Charts.readText(out.resolve("figure4.png")).get("Title"),
                "figure4.png draws the paper's cells only");

        ClaimResult win = claims.stream().filter(c -> c.claim().id().equals("t1-masr-beats-bestrq-fleurs-acc"))
                .findFirst().orElseThrow();
        assertEquals(Verdict.REPRODUCED, win.verdict());
        assertTrue(html.contains("t1-masr-beats-bestrq-fleurs-acc"));
        // Claims and statements name the corpora ours came from beside the paper's dataset names.
        String claimsSection = md.substring(md.indexOf("## Claims checklist"), md.indexOf("## The paper's quantitative"));
        assertTrue(claimsSection.contains("| ours measured on |") && claimsSection.contains(
                "| FLEURS analog (espeak-ng) |"), claimsSection);
        String statementsSection = md.substring(md.indexOf("## The paper's quantitative"), md.indexOf("## Training"));
        assertTrue(statementsSection.contains("| s51-rel-acc-masr-bestrq-fleurs |") && statementsSection.contains(
                "| FLEURS analog (espeak-ng) |"), statementsSection);
        // The tally reads as text ("3 reproduced, 31 not run."), not as a Java map.
        // It is split into the claims fixed before results and those added later (the claim set has both).
        String tally = "\\d+ [a-z ]+(, \\d+ [a-z ]+)*";
        assertTrue(Pattern.compile("Verdicts: " + tally + "; of the claims fixed before results: " + tally
                + "; of those added later: " + tally + "\\.\n").matcher(md).find(), md);
        long later = org.masrrepro.reports.claims.ClaimSet.load().claims().stream().filter(c -> c.added() != null)
                .count();
        assertTrue(later > 0 && md.contains("(" + later + " of " + org.masrrepro.reports.claims.ClaimSet.load()
                .claims().size() + " were added later"), md);
        assertFalse(md.contains("Verdicts: {"), md);
        // The statements table computes ours where it can: relative gain 100 * 10 / 51 on average.
        assertTrue(md.contains("| s51-rel-acc-masr-bestrq-fleurs |"), md);
        // Each table says where its rows came from, per spec and seed.
        String t1 = md.substring(md.indexOf("### Table 1"), md.indexOf("### Table 2"));
        assertTrue(t1.contains("| best-rq+masr | table1/best-rq+masr | [0](../../x/provenance.json) |"), t1);
        // Figure 4's cells are analyses of the LID runs of their rows: best-rq only here.
        String f4 = md.substring(md.indexOf("### Figure 4: confusion rates"), md.indexOf("### Section 5.1/6.1"));
        assertTrue(f4.contains("| best-rq | table1/best-rq | [0](../../x/provenance.json) |"), f4);
        assertFalse(f4.contains("table1/best-rq+masr"), f4);
    }

    /**
     * The statements' values and Figure 3's per-language changes, shown in the page, are exported as CSV and JSON
     * beside results.csv, with the same numbers unrounded.
     */
    @Test
    void statementsAndFigure3AreExportedAsCsvAndJson() throws IOException {
        PaperReport.write(out, "smoke", cells(), List.of(run("best-rq", 0), run("best-rq+masr", 0)));
        List<org.apache.commons.csv.CSVRecord> statements = csv(out.resolve("statements.csv"),
                PaperReport.STATEMENT_COLUMNS);
        org.apache.commons.csv.CSVRecord gain = statements.stream()
                .filter(r -> r.get("id").equals("s51-rel-acc-masr-bestrq-fleurs")).findFirst().orElseThrow();
        double meanGain = (100.0 * 10 / 50 + 100.0 * 10 / 51 + 100.0 * 10 / 52) / 3; // per seed, then the mean
        assertEquals(meanGain, Double.parseDouble(gain.get("ours_mean")), 1e-9);
        assertEquals("smoke", gain.get("profile"));
        assertEquals("3", gain.get("ours_seeds"));
        assertFalse(gain.get("paper_value").isEmpty() || gain.get("formula").isEmpty(), gain.toString());
        assertTrue(statements.stream().anyMatch(r -> r.get("ours_mean").isEmpty()), "a statement not computed is empty");
        // The same formula on the paper's own tables: 100 (83.7 - 75.4) / 75.4 = 11.0 beside the text's 11.2; the
        // text's 8.3% Dhvani EER gain is 6.5% in its own Table 1, and the note says so.
        assertEquals(11.0, Double.parseDouble(gain.get("paper_tables_value")), 0.05);
        org.apache.commons.csv.CSVRecord eer = statements.stream()
                .filter(r -> r.get("id").equals("s51-rel-eer-masr-bestrq-dhvani")).findFirst().orElseThrow();
        assertEquals(6.5, Double.parseDouble(eer.get("paper_tables_value")), 0.05);
        assertTrue(eer.get("note").contains("6.5%"), eer.toString());
        // A qualitative statement is listed with no number and says why ours is not computed.
        org.apache.commons.csv.CSVRecord ks = statements.stream().filter(r -> r.get("id").equals("s63-ks-largest-gain"))
                .findFirst().orElseThrow();
        assertTrue(ks.get("paper_value").isEmpty() && ks.get("note").contains("Kashmiri"), ks.toString());
        assertEquals(org.masrrepro.reports.paper.PaperStatements.load().size(), statements.size());
        List<Map<String, Object>> json = json(out.resolve("statements.json"));
        assertEquals(statements.size(), json.size());
        Map<String, Object> gainJson = json.stream().filter(o -> o.get("id").equals("s51-rel-acc-masr-bestrq-fleurs"))
                .findFirst().orElseThrow();
        assertEquals(meanGain, ((Number) gainJson.get("ours_mean")).doubleValue(), 1e-9);
        assertTrue(json.stream().anyMatch(o -> o.containsKey("ours_mean") && o.get("ours_mean") == null),
                "missing is null, and the key is there");

        List<org.apache.commons.csv.CSVRecord> f3 = csv(out.resolve("figure3_changes.csv"), PaperReport.FIGURE3_COLUMNS);
        assertEquals(List.of("bs", "de", "hr", "sr", "sv"), f3.stream().map(r -> r.get("language")).sorted().toList());
        org.apache.commons.csv.CSVRecord bs = f3.stream().filter(r -> r.get("language").equals("bs")).findFirst()
                .orElseThrow();
        assertEquals(List.of("fleurs", "best-rq+masr", "false"), List.of(bs.get("dataset"), bs.get("masr_row"),
                bs.get("overlapped")));
        assertEquals(40.0, Double.parseDouble(bs.get("bestrq_recall_pct")), 1e-9);
        assertEquals(45.0, Double.parseDouble(bs.get("masr_recall_pct")), 1e-9);
        assertEquals(12.5, Double.parseDouble(bs.get("relative_change_pct")), 1e-9);
        assertEquals(List.of("FLEURS analog (espeak-ng)", "smoke"), List.of(bs.get("corpus"), bs.get("profile")),
                "read alone, a row names its corpus and profile");
        List<Map<String, Object>> f3json = json(out.resolve("figure3_changes.json"));
        assertEquals(5, f3json.size());
        Map<String, Object> sr = f3json.stream().filter(o -> o.get("language").equals("sr")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, sr.get("overlapped"));
        assertEquals(100.0 * (47 - 41) / 41, ((Number) sr.get("relative_change_pct")).doubleValue(), 1e-9);

        // With no results both files are still there, with their header and no rows.
        Path empty = Files.createDirectories(out.resolve("empty"));
        PaperReport.write(empty, "smoke", List.of(), List.of());
        assertEquals(0, csv(empty.resolve("figure3_changes.csv"), PaperReport.FIGURE3_COLUMNS).size());
        assertEquals(List.of(), json(empty.resolve("figure3_changes.json")));
        assertTrue(json(empty.resolve("statements.json")).stream().allMatch(o -> o.get("ours_mean") == null));
    }

    private static List<org.apache.commons.csv.CSVRecord> csv(Path file, List<String> header) throws IOException {
        try (java.io.Reader r = Files.newBufferedReader(file)) {
            org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                    .setSkipHeaderRecord(true).build().parse(r);
            assertEquals(header, p.getHeaderNames(), file.toString());
            return p.getRecords();
        }
    }

    private static List<Map<String, Object>> json(Path file) throws IOException {
        return new com.google.gson.Gson().fromJson(Files.readString(file),
                new com.google.gson.reflect.TypeToken<List<Map<String, Object>>>() {}.getType());
    }

    /**
     * Read alone, every exported table CSV and every chart still says which corpora and profile produced it: a CSV
     * row with numbers of ours names its corpus, pretraining corpus and profile in its own fields, and every PNG's
     * subtitle (kept as its Description text) names them. Fails for any new table or chart that forgets to.
     */
    @Test
    void everyTableCsvAndEveryChartNamesItsCorporaAndProfile() throws IOException {
        String corpus = "FLEURS analog (espeak-ng)";
        String pretraining = "Pretraining analog (espeak-ng)";
        List<ResultCell> cells = cells().stream().map(c -> c.withPretrainingCorpus(pretraining)).toList();
        PaperReport.write(out, "smoke", cells,
                List.of(run("best-rq", 0), run("best-rq+masr", 0)));
        List<Path> csvs;
        List<Path> pngs;
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            List<Path> all = s.sorted().toList();
            csvs = all.stream().filter(p -> p.getFileName().toString().matches("(table|figure|section)\\d+\\.csv"))
                    .toList();
            pngs = all.stream().filter(p -> p.toString().endsWith(".png")).toList();
        }
        assertEquals(List.of("figure2.csv", "figure4.csv", "section51.csv", "table1.csv", "table2.csv", "table3.csv"),
                csvs.stream().map(p -> p.getFileName().toString()).toList(), "every table, run or not");
        List<String> notRun = List.of("figure2.csv", "table2.csv");
        for (Path csv : csvs) {
            try (java.io.Reader r = Files.newBufferedReader(csv)) {
                org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                        .setSkipHeaderRecord(true).build().parse(r);
                assertEquals(List.of("row", "corpus", "pretraining_corpus", "profile"), p.getHeaderNames().subList(0, 4),
                        csv + ": the origin columns follow row");
                int measured = 0;
                for (org.apache.commons.csv.CSVRecord rec : p) {
                    boolean ours = p.getHeaderNames().stream().anyMatch(h -> h.endsWith(" ours") && !rec.get(h).isEmpty());
                    if (ours) {
                        measured++;
                        assertEquals(corpus, rec.get("corpus"), csv + " row " + rec.get("row"));
                        assertEquals(pretraining, rec.get("pretraining_corpus"), csv + " row " + rec.get("row"));
                        assertEquals("smoke", rec.get("profile"), csv + " row " + rec.get("row"));
                    }
                }
                if (notRun.contains(csv.getFileName().toString())) {
                    assertEquals(0, measured, csv + " has no rows of ours");
                } else {
                    assertTrue(measured > 0, csv + " has rows of ours");
                }
            }
        }
        // 4 table charts + Figure 3 + 2 Figure 4 heat maps + 1 curve chart (both runs' identical histories share it)
        assertEquals(8, pngs.size(), pngs.toString());
        for (Path png : pngs) {
            Map<String, String> text = org.masrrepro.reports.plots.Charts.readText(png);
            String sub = text.getOrDefault("Description", "");
            assertTrue(sub.contains(corpus) && sub.contains("analog"), png + ": subtitle lacks the corpus: " + sub);
            assertTrue(sub.endsWith("profile smoke"), png + ": subtitle lacks the profile: " + sub);
            assertFalse(text.getOrDefault("Title", "").isEmpty(), png + " has no title");
        }
        Path fig3 = pngs.stream().filter(p -> p.getFileName().toString().startsWith("figure3_")).findFirst().orElseThrow();
        String fig3Sub = org.masrrepro.reports.plots.Charts.readText(fig3).get("Description");
        assertTrue(fig3Sub.contains("pretrained on: " + pretraining), fig3Sub);
        String results = Files.readString(out.resolve("results.csv"));
        assertTrue(results.startsWith("table,row,column,metric,value,seed,profile,corpus,pretraining_corpus,provenance"),
                results);
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"pretraining_corpus\": \"" + pretraining),
                "the JSON export names the pretraining corpus as the CSVs do");
    }

    static final String ANALOG = "offline analog, not the paper's dataset";

    /**
     * A table lists the card of every corpus its runs used: the pretraining corpora as well as the downstream one, each
     * said to be an analog or real (with the files a real one left out); its caption names those corpora only.
     */
    @Test
    void eachTableListsTheCardsOfItsPretrainingAndDownstreamCorpora() throws IOException {
        RunSummary probe = new RunSummary("table2/mask/bestrq", 0, "probe", "T2", "best-rq", "mask", "Mask recordings",
                "cards/mask.md", "../../p/provenance.json", null, Map.of(), List.of(
                        new RunSummary.Corpus("FLEURS analog", List.of(RunSummary.PRETRAINING), "cards/fleurs.md"),
                        new RunSummary.Corpus("Other analog", List.of(RunSummary.CONTINUED_PRETRAINING),
                                "cards/other.md"),
                        new RunSummary.Corpus("Mask recordings", List.of(RunSummary.DOWNSTREAM), "cards/mask.md",
                                "corpus/mask", true, 2)));
        RunSummary lid = new RunSummary("table1/bestrq", 0, "lid", "T1", "best-rq", "fleurs", "FLEURS analog",
                "cards/fleurs.md", "../../q/provenance.json", null, Map.of(), List.of(new RunSummary.Corpus(
                        "FLEURS analog", List.of(RunSummary.PRETRAINING, RunSummary.DOWNSTREAM), "cards/fleurs.md")));
        List<ResultCell> cells = List.of(
                new ResultCell("T2", "best-rq", "mask", "acc", 60, 0, "smoke", "Mask recordings", "FLEURS analog", "p"),
                new ResultCell("T1", "best-rq", "fleurs/all", "acc", 50, 0, "smoke", "FLEURS analog", "FLEURS analog",
                        "q"));
        PaperReport.write(out, "smoke", cells, List.of(probe, lid));
        String md = Files.readString(out.resolve("README.md"));
        String t2 = md.substring(md.indexOf("### Table 2"), md.indexOf("## Figure 3"));
        assertTrue(t2.contains("| FLEURS analog | pretraining | [card](cards/fleurs.md) | " + ANALOG + " |"), t2);
        assertTrue(t2.contains("| Other analog | continued pretraining | [card](cards/other.md) | " + ANALOG + " |"), t2);
        assertTrue(t2.contains("| Mask recordings | downstream | [card](cards/mask.md) | real corpus read from disk; 2 "
                + "missing or unreadable audio files left out (skip_bad_files), listed in its card |"), t2);
        String t1 = md.substring(md.indexOf("### Table 1"), md.indexOf("### Table 2"));
        assertTrue(t1.contains("| FLEURS analog | pretraining, downstream | [card](cards/fleurs.md) | " + ANALOG + " |"),
                t1);
        assertFalse(t1.contains("Mask recordings"), "a table lists only its own runs' corpora");
        // Each table's caption names the corpora of its own runs; the page's names them all.
        String caption1 = Files.readString(out.resolve("table1.md")).lines().findFirst().orElseThrow();
        assertTrue(caption1.contains("Ours: FLEURS analog (pretraining, downstream); profile smoke; 1 run(s), seeds [0]. "
                + "These corpora are offline analogs"), caption1);
        String caption2 = Files.readString(out.resolve("table2.md")).lines().findFirst().orElseThrow();
        assertTrue(caption2.contains("Ours: FLEURS analog (pretraining); Other analog (continued pretraining); Mask "
                + "recordings (downstream); profile smoke; 1 run(s), seeds [0]. FLEURS analog; Other analog are offline "
                + "analogs"), caption2);
        assertTrue(caption2.contains("Mask recordings is a real corpus read from disk"), caption2);
        assertTrue(md.contains("Ours: FLEURS analog (pretraining, downstream); Other analog (continued pretraining); "
                + "Mask recordings (downstream); profile smoke; 2 run(s), seeds [0]."), md);
        // The runs section links every card of a run, each named by its role; the HTML renders each as a link.
        assertTrue(md.contains("| FLEURS analog; Other analog | [pretraining](cards/fleurs.md) "
                + "[continued pretraining](cards/other.md) [downstream](cards/mask.md) |"), md);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<a href=\"cards/other.md\">continued pretraining</a> "
                + "<a href=\"cards/mask.md\">downstream</a>"), html);
    }

    /**
     * Every id of index.html is unique and every in-page link ({@code href="#x"}) has a target, with all results and
     * with none: the contents links land on their sections.
     */
    @Test
    void everyIdIsUniqueAndEveryInPageLinkHasATarget() throws IOException {
        for (List<ResultCell> cells : List.of(cells(), List.<ResultCell>of())) {
            Path dir = Files.createDirectories(out.resolve("r" + cells.size()));
            PaperReport.write(dir, "smoke", cells, cells.isEmpty() ? List.of()
                    : List.of(run("best-rq", 0), run("best-rq+masr", 0)));
            String html = Files.readString(dir.resolve("index.html"));
            List<String> ids = new ArrayList<>();
            Matcher id = Pattern.compile("\\sid=\"([^\"]*)\"").matcher(html);
            while (id.find()) {
                ids.add(id.group(1));
            }
            assertFalse(ids.isEmpty(), html);
            List<String> repeated = ids.stream().filter(i -> ids.indexOf(i) != ids.lastIndexOf(i)).distinct().toList();
            assertEquals(List.of(), repeated, "ids used more than once in index.html");
            Matcher href = Pattern.compile("href=\"#([^\"]*)\"").matcher(html);
            int links = 0;
            while (href.find()) {
                assertTrue(ids.contains(href.group(1)), "#" + href.group(1) + " has no target in index.html");
                links++;
            }
            assertTrue(links >= 7, "the contents link the page's sections: " + links);
            // Every file the page links beside it exists (results, claims, statements, Figure 3, table CSVs).
            Matcher file = Pattern.compile("href=\"([^\"#/]+)\"").matcher(html);
            List<String> files = new ArrayList<>();
            while (file.find()) {
                files.add(file.group(1));
                assertTrue(Files.isRegularFile(dir.resolve(file.group(1))), file.group(1) + " is linked but missing");
            }
            assertTrue(files.containsAll(List.of("results.csv", "results.json", "claims.json", "statements.csv",
                    "statements.json", "figure3_changes.csv", "figure3_changes.json", "table1.csv")), files.toString());
            // The contents' Figure 4 entry is the heat map section, not Figure 4's table.
            assertTrue(html.contains("<h2 id=\"figure4-heatmaps\">Figure 4"), html);
            // The Markdown twin's in-page links find their anchors too (renderers derive heading ids from the text).
            String md = Files.readString(dir.resolve("README.md"));
            Matcher mdHref = Pattern.compile("]\\(#([^)]*)\\)").matcher(md);
            int mdLinks = 0;
            while (mdHref.find()) {
                assertTrue(md.contains("<a id=\"" + mdHref.group(1) + "\"></a>"), "#" + mdHref.group(1)
                        + " has no target in README.md");
                mdLinks++;
            }
            assertEquals(links, mdLinks, "the twins link the same sections");
            // The JSON exports are standard JSON (no NaN): a strict reader, as JavaScript's, takes them.
            for (String json : List.of("claims.json", "results.json", "statements.json", "figure3_changes.json")) {
                try (com.google.gson.stream.JsonReader r = new com.google.gson.stream.JsonReader(
                        Files.newBufferedReader(dir.resolve(json)))) {
                    r.setStrictness(com.google.gson.Strictness.STRICT);
                    assertTrue(new com.google.gson.Gson().getAdapter(com.google.gson.JsonElement.class).read(r)
                            .isJsonArray(), json);
                }
            }
        }
    }

    @Test
    void emptyResultsStillGiveAPageThatSaysWhatIsMissing() throws IOException {
        PaperReport.write(out, "smoke", List.of(), List.of());
        String md = Files.readString(out.resolve("README.md"));
        assertTrue(md.contains("Not drawn"), md);
        assertTrue(md.contains("not run"), md);
        assertTrue(md.contains("Ours: no results yet at profile smoke."), md);
        assertFalse(md.contains("0 run(s)"), md);
        assertEveryTableAndFigureAppears(out, PaperReport.TABLES.keySet());
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".png")).toList(),
                    "nothing of ours to draw");
        }
    }

    /**
     * Every table and figure of the paper is in the page, its contents and its files, run or not: one none of whose
     * specs has run shows the paper's numbers with ours "not run yet", leaves its chart out and says why.
     */
    private static void assertEveryTableAndFigureAppears(Path out, java.util.Collection<String> notRun)
            throws IOException {
        String md = Files.readString(out.resolve("README.md"));
        String html = Files.readString(out.resolve("index.html"));
        List<String> ids = List.copyOf(PaperReport.TABLES.keySet());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            PaperReport.TableView view = PaperReport.TABLES.get(id);
            String base = PaperReport.fileName(id);
            for (String ext : List.of(".md", ".csv", ".html")) {
                assertTrue(Files.isRegularFile(out.resolve(base + ext)), base + ext);
            }
            assertTrue(html.contains("<h3 id=\"" + base + "\">"), base + " has no section");
            assertTrue(html.contains("<li><a href=\"#" + base + "\">" + org.masrrepro.reports.tables.ComparisonTable.esc(view.shortTitle())
                    + "</a></li>"), base + " is not in the contents");
            int from = md.indexOf("### " + view.title());
            int to = i + 1 < ids.size() ? md.indexOf("### " + PaperReport.TABLES.get(ids.get(i + 1)).title())
                    : md.indexOf("## Figure 3");
            assertTrue(from >= 0 && to > from, id);
            String section = md.substring(from, to);
            if (notRun.contains(id)) {
                assertTrue(section.contains("Ours: not run yet at profile smoke (its numbers come from "
                        + view.runBy() + ")") && section.contains("no chart is drawn"), section);
                assertFalse(section.contains("![") || Files.exists(out.resolve(base + ".png")), section);
                assertEquals(!id.equals("F2") && !id.equals("S51"), section.contains("| not run yet |"),
                        "ours beside the paper's numbers, where the paper gives some: " + section);
            } else {
                assertTrue(section.contains("![") && Files.exists(out.resolve(base + ".png")), section);
            }
        }
    }

    /** Tables 2 and 3 and Figure 2 appear, with the paper's numbers, when only Table 1 has run. */
    @Test
    void tablesNotRunYetStillAppearWithThePapersNumbers() throws IOException {
        List<ResultCell> t1 = cells().stream().filter(c -> c.table().equals("T1")).toList();
        PaperReport.write(out, "smoke", t1, List.of(run("best-rq", 0)));
        assertEveryTableAndFigureAppears(out, List.of("T2", "T3", "F2", "F4", "S51"));
        String t3 = Files.readString(out.resolve("table3.md"));
        assertTrue(t3.lines().anyMatch(l -> l.startsWith("| best-rq | not run yet | 5.1 |")), t3);
        assertTrue(t3.startsWith("**Table 3: ASR word error rate") && t3.contains("— Ours: no results yet at profile "
                + "smoke."), "the caption of a table not run names no runs: " + t3);
        // Table 1's rows not run say so too, beside the paper's numbers.
        String t1md = Files.readString(out.resolve("table1.md"));
        assertTrue(t1md.lines().anyMatch(l -> l.startsWith("| w2v-bert | not run yet |")), t1md);
    }

    /** S51 is a statistic of the pretraining: a Dhvani run pretrained on the FLEURS analog is behind its cell. */
    @Test
    void runsBehindSection51AreThoseThatPretrainedOnItsCorpus() {
        RunSummary.Corpus fleurs = new RunSummary.Corpus("FLEURS analog", List.of(RunSummary.PRETRAINING,
                RunSummary.CONTINUED_PRETRAINING), null, "corpus/f", false, 0);
        RunSummary.Corpus dhvani = new RunSummary.Corpus("Dhvani analog", List.of(RunSummary.DOWNSTREAM), null,
                "corpus/d", false, 0);
        RunSummary r = run("best-rq+masr", 0);
        RunSummary onDhvani = new RunSummary("table1/bestrq-masr-dhvani", 0, "x", "T1", "best-rq+masr", "dhvani",
                "Dhvani analog", null, "p", r.metrics(), Map.of(), List.of(fleurs, dhvani));
        RunSummary lasr = new RunSummary("table1/bestrq-lasr-dhvani", 0, "x", "T1", "best-rq+lasr", "dhvani",
                "Dhvani analog", null, "p", r.metrics(), Map.of(), List.of(fleurs, dhvani));
        List<ResultCell> cells = List.of(new ResultCell("S51", "best-rq+masr", "pretraining", "negatives_changed_pct",
                70, 0, "cpu", "FLEURS analog", "p"));
        assertEquals(List.of(onDhvani), PaperReport.runsBehind(List.of(onDhvani, lasr), cells, "S51"));
        assertEquals(List.of(), PaperReport.runsBehind(List.of(onDhvani), cells.stream().map(c -> new ResultCell("F4",
                c.row(), "bs>hr", "rate", 0.1, 0, "cpu", "FLEURS analog", "p")).toList(), "F4"),
                "Figure 4's cells are read from the runs measured on their corpus");
    }

    /** Each metric we measured beyond a table's main one gets its own chart, linked from the page. */
    @Test
    void otherMeasuredMetricsGetTheirOwnCharts() throws IOException {
        List<ResultCell> cells = new ArrayList<>(cells());
        for (long s = 0; s < 3; s++) {
            cells.add(cell("T1", "best-rq", "fleurs/all", "eer", 10 + s, s));
            cells.add(cell("T3", "best-rq", "avg", "cer", 30 + s, s));
        }
        PaperReport.write(out, "smoke", cells, List.of(run("best-rq", 0)));
        String html = Files.readString(out.resolve("index.html"));
        for (String png : List.of("table1_eer.png", "table3_cer.png")) {
            assertTrue(Files.isRegularFile(out.resolve(png)) && html.contains("<img src=\"" + png + "\""), png);
        }
        assertFalse(Files.exists(out.resolve("table1_f1.png")), "F1 was not measured: no empty chart");
    }

    /** A row that is another spec's very runs (same provenance at every seed) is said to be so, once. */
    @Test
    void rowsThatAreTheSameRunsAreNamed() {
        RunSummary masr = run("best-rq+masr", 0);
        RunSummary f2 = new RunSummary("figure2/masr-syntactic-combined", 0, "x", "F2", "syntactic/combined", "fleurs",
                masr.corpus(), null, masr.provenance(), masr.metrics(), Map.of(), List.of());
        RunSummary base = new RunSummary("table1/bestrq-fleurs", 0, "x", "T1", "best-rq", "fleurs", masr.corpus(), null,
                "../../other/provenance.json", masr.metrics(), Map.of(), List.of());
        List<String> notes = PaperReport.sameRuns(List.of(f2), List.of(masr, f2, base));
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("Row syntactic/combined (figure2/masr-syntactic-combined) is the very runs of "
                + "table1's row best-rq+masr (table1/best-rq+masr)"), notes.get(0));
        assertEquals(List.of(), PaperReport.sameRuns(List.of(base), List.of(masr, f2, base)));
    }
}
