package org.masrrepro.reports.report;

import org.masrrepro.reports.claims.ClaimEvaluator;
import org.masrrepro.reports.claims.ClaimResult;
import org.masrrepro.reports.claims.ClaimSet;
import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.paper.PaperStatement;
import org.masrrepro.reports.paper.PaperStatements;
import org.masrrepro.reports.paper.StatementFormula;
import org.masrrepro.reports.plots.Charts;
import org.masrrepro.reports.results.Origins;
import org.masrrepro.reports.results.ResultCell;
import org.masrrepro.reports.results.ResultStore;
import org.masrrepro.reports.tables.ComparisonTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes the whole report of one profile: an index page ({@code index.html} and its Markdown twin
 * {@code README.md}) with every table (ours | paper | Δ), every figure re-drawn from our results, the claims
 * checklist, the text's quantitative statements beside ours, the runs with links to their provenance and corpus
 * cards; plus per-table Markdown/CSV/HTML/PNG files, and as JSON and CSV: all result cells, the claims (JSON only), the
 * quantitative statements' values beside ours ({@code statements}) and Figure 3's per-language changes
 * ({@value #FIGURE3_EXPORT}).
 */
public final class PaperReport {

    /**
     * How one table is shown: its title, the metric its bar chart draws, the table whose paper columns order the
     * columns only we have (its own id, or another's when the paper gives this one no numbers), and the runs that give
     * it numbers (what the page names while it has none).
     */
    record TableView(String title, String chartMetric, String layoutTable, String runBy) {

        /** The title up to its parenthesised units: what the contents list. */
        String shortTitle() {
            int paren = title.indexOf(" (");
            return paren < 0 ? title : title.substring(0, paren);
        }
    }

    /** What the paper says about a table beyond its numbers, shown under the table (by table id). */
    static final Map<String, String> PAPER_NOTES = new LinkedHashMap<>();

    /** Table ids in the order the paper presents them. */
    static final Map<String, TableView> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("T1", new TableView("Table 1: language identification (accuracy %, macro-F1 %, EER %)", "acc", "T1",
                "the specs table1/*"));
        TABLES.put("T2", new TableView("Table 2: NOSS linear probes on frozen embeddings (test accuracy %; UAR %, EER % "
                + "where measured)", "acc", "T2", "the specs table2/*"));
        TABLES.put("T3", new TableView("Table 3: ASR word error rate (%; character error rate %, not in the paper, "
                + "beside it)", "wer", "T3", "the specs table3/*"));
        // Figure 2 has no paper numbers but Table 1's columns (O, NO, all).
        TABLES.put("F2", new TableView("Figure 2: lang2vec families x combined/selection mining (LID accuracy %; "
                + "the paper gives no numbers)", "acc", "T1", "the specs figure2/*"));
        TABLES.put("F4", new TableView("Figure 4: confusion rates inside close language groups (true>predicted; "
                + "rate 0-1, rows normalised within the group; share: % of all the true language's test utterances)",
                "rate", "F4", "the BEST-RQ and MASR runs of Table 1 (specs table1/*) on a corpus holding a close "
                + "group"));
        TABLES.put("S51", new TableView("Section 5.1/6.1: anchors whose hard negative MASR changed vs LASR (%; "
                + "aux_at_margin_pct: late logged steps with the language-stream triplet term at its margin)",
                "negatives_changed_pct", "S51", "the LASR and MASR language-ID runs (Table 1, Figure 2, section 7), "
                + "from their pretraining logs"));
        // Section 5.1 gives a bound in its text, not a number in a table: said under the table, checked as a claim.
        PAPER_NOTES.put("S51", "The paper gives no number here but a bound in its text (Section 5.1, fourth point): "
                + "MASR changes the hardest negative of more than 80% of a batch (\"nearly 12 out of 16\", which is 75%) "
                + "for best-rq+masr. The claim s51-masr-changes-most-negatives checks ours against it.");
    }

    /** The lang2vec families in the order section 6.1 names them (Figure 2's groups). */
    static final List<String> LANG2VEC_FAMILIES = List.of("syntactic", "geographic", "phonetic", "featural", "genetic",
            "inventory");

    /**
     * Anchor of the Figure 4 heat map section: {@code figure4} is the anchor of Figure 4's table (every table's is its
     * file stem), and an id must be unique in the page.
     */
    static final String FIGURE4_HEATMAPS = "figure4-heatmaps";

    private PaperReport() {}

    /** The page's contents: every table and figure of the paper, then the other sections, then the exports. */
    static List<String[]> contents() {
        List<String[]> links = new ArrayList<>();
        links.add(new String[] {"Tables", "#tables"});
        TABLES.forEach((id, view) -> links.add(new String[] {view.shortTitle(), "#" + fileName(id)}));
        links.add(new String[] {"Figure 3: per-language change", "#figure3"});
        links.add(new String[] {"Figure 4: close-group confusion heat maps", "#" + FIGURE4_HEATMAPS});
        links.add(new String[] {"Claims checklist", "#claims"});
        links.add(new String[] {"The paper's quantitative statements", "#statements"});
        links.add(new String[] {"Training curves", "#curves"});
        links.add(new String[] {"Runs, corpus cards and provenance", "#runs"});
        links.add(new String[] {"All result cells (JSON)", "results.json"});
        links.add(new String[] {"All result cells (CSV)", "results.csv"});
        links.add(new String[] {"Claims (JSON)", "claims.json"});
        links.add(new String[] {"The paper's quantitative statements beside ours (CSV)", "statements.csv"});
        links.add(new String[] {"The paper's quantitative statements beside ours (JSON)", "statements.json"});
        links.add(new String[] {"Figure 3: per-language relative change (CSV)", FIGURE3_EXPORT + ".csv"});
        links.add(new String[] {"Figure 3: per-language relative change (JSON)", FIGURE3_EXPORT + ".json"});
        return links;
    }

    /** Output file stem of a table id: T1 -> table1, F2 -> figure2, S51 -> section51. */
    public static String fileName(String tableId) {
        return switch (tableId.charAt(0)) {
            case 'F' -> "figure";
            case 'S' -> "section";
            default -> "table";
        } + tableId.substring(1);
    }

    /**
     * Writes the report into {@code out}; returns the evaluated claims. The report is headed by the caption of all
     * runs, each table by the caption of the runs behind its cells ({@link ReportCaption}).
     */
    public static List<ClaimResult> write(Path out, String profile, List<ResultCell> cells, List<RunSummary> runs)
            throws IOException {
        String caption = ReportCaption.of(runs, profile);
        PaperNumbers paper = PaperNumbers.load();
        ReportDocument doc = new ReportDocument("masr-repro report, profile " + profile);
        doc.paragraph(caption);
        doc.links(contents());

        doc.heading(2, "Tables", "tables");
        for (Map.Entry<String, TableView> t : TABLES.entrySet()) {
            table(out, doc, t.getKey(), t.getValue(), profile, caption, cells, runs, paper);
        }

        figure3(out, doc, cells);
        figure4(out, doc, runs, profile);
        // Claims that read an accuracy column where rows sit at the majority-class rate say so.
        Map<String, Map<String, List<String>>> atMajority = new TreeMap<>();
        for (String id : TABLES.keySet()) {
            atMajority.put(id, Saturation.atMajority(cells, id, majorities(runsBehind(runs, cells, id), id)));
        }
        List<ClaimResult> claims = claims(doc, cells, paper, atMajority);
        statements(out, doc, cells, profile);
        curves(out, doc, runs, profile);
        runsSection(doc, runs);

        ResultStore.write(out.resolve("results.json"), cells);
        ResultStore.writeCsv(out.resolve("results.csv"), cells);
        ClaimsJson.write(out.resolve("claims.json"), claims);
        doc.write(out, "README.md", "index.html");
        return claims;
    }

    /**
     * One table of the paper, whether or not anything of ours is in it: its Markdown, CSV and HTML files, its section
     * with the paper's numbers, ours where we have them ({@value ComparisonTable#NOT_RUN} otherwise), its chart, and
     * the provenance and corpora of the runs behind it. With nothing of ours the chart is left out, and the section
     * says so and which runs would fill it.
     */
    private static void table(Path out, ReportDocument doc, String id, TableView view, String profile, String caption,
            List<ResultCell> cells, List<RunSummary> runs, PaperNumbers paper) throws IOException {
        String base = fileName(id);
        boolean ran = cells.stream().anyMatch(c -> c.table().equals(id));
        List<RunSummary> behind = runsBehind(runs, cells, id);
        String tableCaption = !behind.isEmpty() ? ReportCaption.of(behind, profile)
                : ran ? caption : ReportCaption.of(List.of(), profile);
        // UAR that repeats accuracy in every run (a class-balanced test set) is shown once, as accuracy.
        List<String> uarAsAcc = RepeatedMetric.columns(cells, id, "uar", "acc");
        List<ResultCell> shown = RepeatedMetric.without(cells, id, "uar", Set.copyOf(uarAsAcc));
        ComparisonTable table = ComparisonTable.of(id, view.title(), tableCaption, shown, paper, view.layoutTable());
        table.writeMarkdown(out.resolve(base + ".md"));
        table.writeCsv(out.resolve(base + ".csv"));
        table.writeHtml(out.resolve(base + ".html"));
        doc.heading(3, view.title(), base);
        if (!ran) {
            doc.paragraph("Ours: " + ComparisonTable.NOT_RUN + " at profile " + profile + " (its numbers come from "
                    + view.runBy() + "). "
                    + (table.rows().isEmpty() ? "The paper gives no numbers for it either (bars only), so there is "
                    + "no table yet, and" : "The table shows the paper's numbers alone;")
                    + " no chart is drawn until there is something of ours to draw.");
            if (!table.rows().isEmpty()) {
                doc.comparison(table);
            }
            doc.links(List.<String[]>of(new String[] {base + ".csv", base + ".csv"}));
            return;
        }
        // Figure 2 and Figure 4 draw one chart of their own; the other tables one per metric we measured.
        List<String> extraMetrics = id.equals("F2") || id.equals("F4") ? List.of()
                : otherMetrics(table, view.chartMetric());
        // The paper's Figure 2 is overall FLEURS accuracy; another corpus's overall accuracy otherwise.
        ComparisonTable.Key overall = table.keys().stream()
                .filter(k -> k.metric().equals("acc") && k.column().endsWith("/all"))
                .min(java.util.Comparator.comparing(k -> !k.column().equals("fleurs/all")))
                .orElse(new ComparisonTable.Key("fleurs/all", "acc"));
        if (id.equals("F2")) {
            Charts.familyMiningBars(table, overall, LANG2VEC_FAMILIES, out.resolve(base + ".png"));
        } else if (id.equals("F4")) {
            Charts.paperCellBars(table, view.chartMetric(), figure4ChartTitle(paper), out.resolve(base + ".png"));
        } else {
            Charts.comparisonBars(table, view.chartMetric(), out.resolve(base + ".png"));
            for (String metric : extraMetrics) {
                Charts.comparisonBars(table, metric, out.resolve(base + "_" + metric + ".png"));
            }
        }
        doc.comparison(table);
        if (id.equals("F2")) {
            Charts.FamilyGrid grid = Charts.familyGrid(table, overall, LANG2VEC_FAMILIES);
            List<String> notRun = grid.notRun();
            if (!notRun.isEmpty()) {
                doc.paragraph("Not run yet at profile " + profile + ": " + notRun.size() + " of "
                        + grid.families().size() * grid.minings().size() + " family x mining cells ("
                        + String.join(", ", notRun) + "); they come from " + view.runBy() + ".");
            }
        }
        testSizes(behind, id).ifPresent(doc::paragraph);
        geoOnAnalogs(behind).ifPresent(doc::paragraph);
        if (PAPER_NOTES.containsKey(id)) {
            doc.paragraph(PAPER_NOTES.get(id));
        }
        List<String> lowerBetter = table.keys().stream().map(ComparisonTable.Key::metric).distinct()
                .filter(LOWER_IS_BETTER::contains).toList();
        if (!lowerBetter.isEmpty()) {
            doc.paragraph("Lower is better for " + String.join(", ", lowerBetter) + ": there a positive Δ (ours - "
                    + "paper) means ours is worse.");
        }
        if (!uarAsAcc.isEmpty()) {
            doc.paragraph("UAR equals accuracy in every run on " + String.join(", ", uarAsAcc) + " (as on a test set "
                    + "with as many utterances of every class), so the table and charts show it once, as accuracy; "
                    + "results.csv keeps both.");
        }
        Saturation.warnings(shown, id).forEach(doc::paragraph);
        Saturation.majorityWarnings(shown, id, majorities(behind, id),
                shown.stream().anyMatch(c -> c.table().equals(id) && c.metric().equals("uar")))
                .forEach(doc::paragraph);
        Saturation.collapsedRowsNote(cells, id).ifPresent(doc::paragraph);
        if (id.equals("F4")) {
            boolean oursThere = paper.cells("F4").stream().anyMatch(p -> table.rows().contains(p.row())
                    && !Double.isNaN(table.ours(p.row(), new ComparisonTable.Key(p.column(), p.metric()))));
            doc.paragraph("The chart draws the " + paper.cells("F4").size() + " rates the paper's Figure 4 gives "
                    + (oursThere ? "beside ours (mean over seeds)" : "with no bar of ours: our corpus lacks "
                    + String.join("/", figure4Languages(paper)) + " or those rows did not run")
                    + "; our other groups' rates are in the table above and in the heat maps below.");
        }
        doc.image(base + ".png", view.title());
        for (String metric : extraMetrics) {
            doc.image(base + "_" + metric + ".png", view.shortTitle() + ", " + metric);
        }
        doc.links(List.<String[]>of(new String[] {base + ".csv", base + ".csv"}));
        sameRuns(behind, runs).forEach(doc::paragraph);
        provenanceOf(doc, behind);
        corporaOf(doc, behind);
    }

    /**
     * The metrics of a table other than its main chart's that we measured, in column order (Table 1's F1 and EER,
     * Table 2's UAR and EER, Table 3's CER): each gets a chart of its own.
     */
    static List<String> otherMetrics(ComparisonTable table, String chartMetric) {
        return table.keys().stream().filter(k -> !k.metric().equals(chartMetric)
                && table.rows().stream().anyMatch(r -> !Double.isNaN(table.ours(r, k))))
                .map(ComparisonTable.Key::metric).distinct().toList();
    }

    /**
     * Notes for rows of a table that are the very runs of another row (same provenance at every seed): Figure 2's
     * syntactic/combined is Table 1's BEST-RQ + MASR, one set of steps serving two specs, so the two agree by
     * construction and are not two results.
     */
    static List<String> sameRuns(List<RunSummary> behind, List<RunSummary> all) {
        Map<String, Set<String>> byRow = new TreeMap<>();
        Map<String, String> specOf = new TreeMap<>();
        for (RunSummary r : all) {
            String key = r.table() + "\u0000" + r.row() + "\u0000" + r.corpus();
            byRow.computeIfAbsent(key, k -> new TreeSet<>()).add(r.provenance());
            specOf.putIfAbsent(key, r.spec());
        }
        Set<String> mine = new TreeSet<>();
        behind.forEach(r -> mine.add(r.table() + "\u0000" + r.row() + "\u0000" + r.corpus()));
        List<String> out = new ArrayList<>();
        Set<String> said = new TreeSet<>();
        for (String a : mine) {
            for (String b : byRow.keySet()) {
                String[] x = a.split("\u0000");
                String[] y = b.split("\u0000");
                // Across tables only (Figure 2 against Table 1): within a table, rows are distinct specs' runs.
                if (!x[0].equals(y[0]) && byRow.get(a).equals(byRow.get(b))
                        && said.add(a.compareTo(b) < 0 ? a + b : b + a)) {
                    out.add("Row " + x[1] + " (" + specOf.get(a) + ") is the very runs of " + fileName(y[0]) + "'s row "
                            + y[1] + " (" + specOf.get(b) + "): one set of "
                            + "steps serves both specs, so their numbers agree by construction and count as one "
                            + "result.");
                }
            }
        }
        return out;
    }

    /** Metrics where lower is better (the paper marks them with a down arrow). */
    static final Set<String> LOWER_IS_BETTER = Set.of("eer", "wer", "cer");

    /** Title of figure4.png: the languages of the paper's Figure 4 and how many numbers it gives. */
    static String figure4ChartTitle(PaperNumbers paper) {
        return "Figure 4 (" + String.join("/", figure4Languages(paper)) + "): the paper's " + paper.cells("F4").size()
                + " confusion rates beside ours (mean over seeds)";
    }

    /** The languages of the paper's Figure 4, in its order (bs, sr, hr). */
    static Set<String> figure4Languages(PaperNumbers paper) {
        Set<String> langs = new java.util.LinkedHashSet<>();
        paper.cells("F4").forEach(c -> langs.addAll(List.of(c.column().split(">"))));
        return langs;
    }

    /** Mean over seeds of the F3 recall cells: row -> column -> mean. */
    private static Map<String, Map<String, Double>> meanRecall(List<ResultCell> cells, String metric) {
        Map<String, Map<String, double[]>> acc = new TreeMap<>();
        for (ResultCell c : cells) {
            if (c.table().equals("F3") && c.metric().equals(metric)) {
                double[] s = acc.computeIfAbsent(c.row(), r -> new TreeMap<>()).computeIfAbsent(c.column(), k -> new double[2]);
                s[0] += c.value();
                s[1]++;
            }
        }
        Map<String, Map<String, Double>> out = new TreeMap<>();
        acc.forEach((row, m) -> m.forEach((col, s) -> out.computeIfAbsent(row, r -> new TreeMap<>()).put(col, s[0] / s[1])));
        return out;
    }

    /**
     * The best BEST-RQ + MASR row of a dataset by mean overall accuracy (the paper's "best MASR", Figure 3): Table 1's
     * {@code best-rq+masr} rows and every Figure 2 lang2vec row; w2v-BERT, Geo- and Text-MASR rows are other
     * comparisons and never stand in for it.
     */
    static Optional<String> bestMasrRow(List<ResultCell> cells, String dataset, Set<String> rowsWithRecall) {
        Map<String, double[]> acc = new TreeMap<>();
        for (ResultCell c : cells) {
            boolean candidate = c.table().equals("F2") || c.table().equals("T1") && c.row().startsWith("best-rq+masr");
            if (candidate && c.column().equals(dataset + "/all") && c.metric().equals("acc")
                    && rowsWithRecall.contains(c.row())) {
                double[] s = acc.computeIfAbsent(c.row(), r -> new double[2]);
                s[0] += c.value();
                s[1]++;
            }
        }
        return acc.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingDouble(s -> s[0] / s[1]))).map(Map.Entry::getKey);
    }

    /** Header of the Figure 3 export: per dataset and language, both recalls, the relative change and their origin. */
    static final List<String> FIGURE3_COLUMNS = List.of("dataset", "masr_row", "language", "overlapped",
            "bestrq_recall_pct", "masr_recall_pct", "relative_change_pct", "corpus", "pretraining_corpus", "profile");

    /** Stem of the files Figure 3's numbers are exported to (not a comparison table: no paper numbers). */
    static final String FIGURE3_EXPORT = "figure3_changes";

    private static void figure3(Path out, ReportDocument doc, List<ResultCell> cells) throws IOException {
        doc.heading(2, "Figure 3: relative change in per-language accuracy, best MASR over BEST-RQ", "figure3");
        List<List<Object>> export = new ArrayList<>();
        Map<String, Map<String, Double>> recall = meanRecall(cells, "recall");
        Map<String, Map<String, Double>> overlapped = meanRecall(cells, "overlapped");
        Set<String> datasets = new TreeSet<>();
        recall.values().forEach(m -> m.keySet().forEach(col -> datasets.add(col.substring(0, col.indexOf('/')))));
        boolean any = false;
        for (String ds : datasets) {
            Optional<String> best = bestMasrRow(cells, ds, recall.keySet());
            Map<String, Double> base = recall.get("best-rq");
            if (best.isEmpty() || base == null) {
                continue;
            }
            Map<String, Double> masr = recall.get(best.get());
            String bestRow = best.get();
            List<ResultCell> drawn = cells.stream().filter(c -> c.table().equals("F3")
                    && c.column().startsWith(ds + "/") && (c.row().equals("best-rq") || c.row().equals(bestRow))).toList();
            // Where the numbers come from, as every table CSV says in its own fields.
            List<String> origin = Origins.fields(drawn);
            Map<String, Double> change = new TreeMap<>();
            Set<String> nonOverlapped = new TreeSet<>();
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Double> e : masr.entrySet()) {
                Double b = base.get(e.getKey());
                if (!e.getKey().startsWith(ds + "/") || b == null) {
                    continue;
                }
                String lang = e.getKey().substring(ds.length() + 1);
                double rel = b == 0 ? (e.getValue() == 0 ? 0 : 100) : 100 * (e.getValue() - b) / b;
                change.put(lang, rel);
                boolean no = overlapped.getOrDefault("best-rq", Map.of()).getOrDefault(e.getKey(), 1.0) == 0.0;
                if (no) {
                    nonOverlapped.add(lang);
                }
                rows.add(List.of(lang, no ? "no" : "yes", fmt(b), fmt(e.getValue()), fmt(rel)));
                List<Object> exportRow = new ArrayList<>(List.of(ds, bestRow, lang, !no, b, e.getValue(), rel));
                exportRow.addAll(origin);
                export.add(exportRow);
            }
            String png = "figure3_" + ds + ".png";
            Charts.relativeChangeBars(change, nonOverlapped, "Figure 3 (" + ds + "): " + best.get() + " over best-rq",
                    Origins.of(drawn), out.resolve(png));
            doc.paragraph(ds + " (" + Origins.of(drawn) + "): best MASR row by mean overall accuracy is " + best.get()
                    + "; the paper skips languages within ±25%, we show all (the change of the means over seeds; a "
                    + "base recall of 0 counts as +100%). " + changeSummary(change, nonOverlapped)
                    + " The statements (s62-locales-*, s64-*-avg-rel-gain, s64-*-rel-gain) compute the same per seed "
                    + "and average the seeds, which can differ from these changes of the means: see the statements "
                    + "table.");
            if (ds.equals("fleurs")) { // section 6.4's examples are FLEURS languages
                paperOverlappedNote(change.keySet(), nonOverlapped).ifPresent(doc::paragraph);
            }
            doc.image(png, "Figure 3 " + ds);
            doc.table(List.of("language", "overlapped", "best-rq recall %", best.get() + " recall %", "relative change %"),
                    rows);
            any = true;
        }
        if (!any) {
            doc.paragraph("Not drawn: needs per-language results of BEST-RQ and a MASR row on the same dataset.");
        }
        TabularExport.write(out, FIGURE3_EXPORT, FIGURE3_COLUMNS, export);
        doc.links(List.of(new String[] {FIGURE3_EXPORT + ".csv", FIGURE3_EXPORT + ".csv"},
                new String[] {FIGURE3_EXPORT + ".json", FIGURE3_EXPORT + ".json"}));
    }

    private static void figure4(Path out, ReportDocument doc, List<RunSummary> runs, String profile)
            throws IOException {
        doc.heading(2, "Figure 4: confusions inside close language groups", FIGURE4_HEATMAPS);
        Map<String, List<RunSummary>> bySpec = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            if (r.metrics() != null && (r.row().equals("best-rq") || r.row().contains("masr"))) {
                bySpec.computeIfAbsent(r.spec(), s -> new ArrayList<>()).add(r);
            }
        }
        boolean any = false;
        for (List<RunSummary> seeds : bySpec.values()) {
            for (List<String> group : CloseGroups.ALL) {
                List<RunSummary> with = seeds.stream().filter(r -> r.metrics().classes().containsAll(group))
                        .sorted(java.util.Comparator.comparingLong(RunSummary::seed)).toList();
                if (with.isEmpty()) {
                    continue;
                }
                if (!any) {
                    doc.paragraph("Rates inside each group (true language down, predicted across; each row sums to 1 "
                            + "within the group, as in the paper): per spec, the mean over its seeds of each seed's "
                            + "rates, computed as the Figure 4 table's cells are (a pair in two groups, like sv>nb in "
                            + "sv/nb/da and sv/nb, has the first group's rate in the table).");
                }
                RunSummary first = with.get(0);
                String png = "figure4_" + first.spec().replace('/', '_') + "_" + String.join("-", group) + ".png";
                Charts.rateHeatmap(group, meanGroupRates(with, group), first.row() + " " + String.join("/", group)
                        + " (" + first.spec() + ", " + seedsText(with) + "); " + insideShares(with, group),
                        first.origin(profile), out.resolve(png));
                doc.image(png, first.row() + " " + String.join("/", group) + ", " + seedsText(with));
                any = true;
            }
        }
        if (!any) {
            doc.paragraph("Not drawn: no BEST-RQ or MASR run on a corpus holding a whole close group.");
        }
    }

    /** The group's rates of each run ({@link Charts#groupRates}), averaged over the runs cell by cell. */
    static double[][] meanGroupRates(List<RunSummary> runs, List<String> group) {
        return Charts.meanRates(runs.stream()
                .map(r -> Charts.groupRates(r.metrics().classes(), r.metrics().confusion(), group)).toList());
    }

    /**
     * How much of each true language's test set the group's rates stand for: per language, the mean over runs of the
     * share (%) of its test utterances predicted as one of the group, and over how many runs a row has rates at all
     * (none predicted inside the group leaves that run's row out of the mean). A 0.58 diagonal read alone hides a
     * language mostly predicted outside the group.
     */
    static String insideShares(List<RunSummary> runs, List<String> group) {
        List<String> parts = new ArrayList<>();
        for (String lang : group) {
            double sum = 0;
            int n = 0;
            int withRates = 0;
            for (RunSummary r : runs) {
                List<String> classes = r.metrics().classes();
                int i = classes.indexOf(lang);
                long row = 0;
                long inside = 0;
                for (int j = 0; j < classes.size(); j++) {
                    row += r.metrics().confusion()[i][j];
                    inside += group.contains(classes.get(j)) ? r.metrics().confusion()[i][j] : 0;
                }
                if (row > 0) {
                    sum += 100.0 * inside / row;
                    n++;
                }
                withRates += inside > 0 ? 1 : 0;
            }
            parts.add(lang + " " + (n == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", sum / n))
                    + (withRates < runs.size() ? " (rates from " + withRates + " of " + runs.size() + " runs)" : ""));
        }
        return "predicted inside the group: " + String.join(", ", parts);
    }

    /** "mean of 3 seeds", or "seed 7" for one. */
    static String seedsText(List<RunSummary> runs) {
        return runs.size() == 1 ? "seed " + runs.get(0).seed() : "mean of " + runs.size() + " seeds";
    }

    static String slug(RunSummary r) {
        return r.spec().replace('/', '_') + "_seed-" + r.seed();
    }

    private static List<ClaimResult> claims(ReportDocument doc, List<ResultCell> cells, PaperNumbers paper,
            Map<String, Map<String, List<String>>> atMajority) {
        ClaimSet set = ClaimSet.load();
        List<ClaimResult> results = new ClaimEvaluator(cells, paper, set.confidence()).evaluate(set);
        doc.heading(2, "Claims checklist", "claims");
        doc.paragraph("The paper's qualitative claims as predicates fixed on " + set.fixedOn() + ", before results "
                + "(" + set.claims().stream().filter(c -> c.added() != null).count() + " of "
                + set.claims().size() + " were added later, each saying when and what had been seen): "
                + "per seed a statistic d that is positive when the claim holds; reproduced when the "
                + Math.round(set.confidence() * 100) + "% Student-t interval of d lies above 0, not reproduced "
                + "when below, inconclusive otherwise or with fewer than " + ClaimEvaluator.MIN_SEEDS + " seeds. "
                + "Sign test: one-sided, P(at least this many "
                + "positive seeds by chance); it cannot fall below 0.5^n, 0.125 with 3 seeds, so it speaks only "
                + "from about 5 seeds on. Paper d: the same statistic on the paper's own numbers. A claim names the "
                + "paper's datasets (FLEURS, Dhvani, MLS); ours were measured on the corpora its 'ours measured on' "
                + "column names, an analog's verdict is about that analog, not the paper's dataset.");
        Map<String, Integer> tally = new TreeMap<>();
        Map<String, Integer> fixedTally = new TreeMap<>();
        Map<String, Integer> laterTally = new TreeMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (ClaimResult r : results) {
            tally.merge(r.verdict().label(), 1, Integer::sum);
            (r.claim().added() == null ? fixedTally : laterTally).merge(r.verdict().label(), 1, Integer::sum);
            String ci = r.summary() == null || Double.isNaN(r.summary().ciLow()) ? ""
                    : "[" + fmt(r.summary().ciLow()) + ", " + fmt(r.summary().ciHigh()) + "]";
            rows.add(List.of(r.claim().id(), r.claim().statement() + (r.claim().reading() == null ? ""
                    : " *(reading: " + r.claim().reading() + ")*") + (r.claim().added() == null ? ""
                    : " *(added " + r.claim().added() + ")*"), r.claim().source(), r.verdict().label(),
                    String.valueOf(r.seeds().size()), r.summary() == null ? "" : fmt(r.summary().mean()), ci,
                    r.summary() == null ? "" : String.format(Locale.ROOT, "%.3f", r.summary().signTestP()),
                    Double.isNaN(r.paperD()) ? "" : fmt(r.paperD()), String.join("; ", r.measuredOn()),
                    withMajorityNote(r, atMajority)));
        }
        doc.paragraph("Verdicts: " + tallyText(tally) + (laterTally.isEmpty() ? "" : "; of the claims fixed before "
                + "results: " + tallyText(fixedTally) + "; of those added later: " + tallyText(laterTally)) + ".");
        doc.table(List.of("id", "claim", "source", "verdict", "seeds", "mean d", "CI of d", "sign test p", "paper d",
                "ours measured on", "note"), rows);
        return results;
    }

    /**
     * What a Geo-MASR row pretrained on an offline analog measures: the analogs draw each speaker's location near its
     * language's Glottolog coordinates (their cards say how), so the location stream is a noisy copy of the language
     * label, not the real speaker geography the paper's Geo-MASR learned from (Vaani's districts). Empty when no
     * Geo-MASR row is behind the table or every one was pretrained on real corpora only.
     */
    static Optional<String> geoOnAnalogs(List<RunSummary> behind) {
        Set<String> rows = new TreeSet<>();
        for (RunSummary r : behind) {
            if (r.row().contains("geomasr") && r.corpora().stream().anyMatch(c -> c.pretrainedOn() && !c.real())) {
                rows.add(r.row());
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Row " + String.join(", ", rows) + " was pretrained on an offline analog, whose speaker "
                + "locations are drawn near each language's Glottolog coordinates (its corpus card gives the radius): "
                + "its location stream is a noisy copy of the language label, not the real speaker geography the "
                + "paper's Geo-MASR learned from. It tests a second, coarser language stream, not geography.");
    }

    /**
     * Languages the paper's section 6.4 names as overlapped (in its 75-language pretraining set): German and Swedish
     * with thousands of hours, the Indian languages and Pashto with under 50 hours, and Kazakh and Georgian, the two
     * that degraded.
     */
    static final List<String> PAPER_OVERLAPPED_EXAMPLES = List.of("de", "sv", "or", "te", "ta", "ps", "hi", "kk", "ka");

    /** "Of these means: 12 languages improve, 46 regress, 3 unchanged; mean relative change ... ". */
    static String changeSummary(Map<String, Double> change, Set<String> nonOverlapped) {
        long up = change.values().stream().filter(v -> v > 0).count();
        long down = change.values().stream().filter(v -> v < 0).count();
        java.util.DoubleSummaryStatistics o = new java.util.DoubleSummaryStatistics();
        java.util.DoubleSummaryStatistics no = new java.util.DoubleSummaryStatistics();
        change.forEach((lang, v) -> (nonOverlapped.contains(lang) ? no : o).accept(v));
        return String.format(Locale.ROOT, "Of these means: %d %s, %d regress, %d unchanged; mean "
                + "relative change %s over %d overlapped and %s over %d non-overlapped languages.", up,
                up == 1 ? "language improves" : "languages improve", down, change.size() - up - down, o.getCount() == 0 ? "n/a" : String.format(Locale.ROOT, "%+.2f%%",
                        o.getAverage()), o.getCount(), no.getCount() == 0 ? "n/a" : String.format(Locale.ROOT,
                        "%+.2f%%", no.getAverage()), no.getCount());
    }

    /**
     * Which of the paper's overlapped examples ({@link #PAPER_OVERLAPPED_EXAMPLES}) our corpus has but did not pretrain
     * on: their statements then test a language unseen in our pretraining, not one the paper's had.
     */
    static Optional<String> paperOverlappedNote(Set<String> languages, Set<String> nonOverlapped) {
        List<String> differ = PAPER_OVERLAPPED_EXAMPLES.stream().filter(languages::contains)
                .filter(nonOverlapped::contains).toList();
        if (differ.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Overlapped means in our pretraining corpus here (" + (languages.size()
                - nonOverlapped.size()) + " of these " + languages.size() + " languages), not the paper's 75 "
                + "pretraining languages. Of the languages section 6.4 names as overlapped, " + String.join(", ", differ)
                + (differ.size() == 1 ? " is" : " are") + " non-overlapped here, so the statements about "
                + (differ.size() == 1 ? "it" : "them") + " test a language our pretraining never heard.");
    }

    /**
     * A claim's note, followed by the accuracy columns it reads where rows sit at the majority-class rate (table ->
     * column -> rows): there its accuracies cannot rank the rows it compares.
     */
    static String withMajorityNote(ClaimResult r, Map<String, Map<String, List<String>>> atMajority) {
        List<String> read = new ArrayList<>();
        atMajority.forEach((table, columns) -> columns.forEach((column, rows) -> {
            // Only the rows this claim compares ("best-rq 58.7%" names row best-rq).
            Set<String> own = r.claim().rowsRead(table);
            List<String> mine = rows.stream().filter(t -> own.stream().anyMatch(o -> t.startsWith(o + " "))).toList();
            if (r.claim().reads(table, column, "acc") && !mine.isEmpty()) {
                read.add(table + " " + column + " (" + String.join(", ", mine) + ")");
            }
        }));
        String note = r.note() == null ? "" : r.note();
        if (read.isEmpty()) {
            return note;
        }
        return (note.isEmpty() ? "" : note + (note.endsWith(".") ? " " : ". ")) + "It reads accuracy where rows are at or under the majority-class "
                + "rate: " + String.join("; ", read) + "; there accuracy cannot rank them (see the warning under the "
                + "table).";
    }

    /** "28 inconclusive, 5 not reproduced" (verdicts in label order), or "no claims". */
    static String tallyText(Map<String, Integer> tally) {
        List<String> counts = new ArrayList<>();
        tally.forEach((verdict, n) -> counts.add(n + " " + verdict));
        return counts.isEmpty() ? "no claims" : String.join(", ", counts);
    }

    /** Header of statements.csv and statements.json: the paper's value beside ours, per statement. */
    static final List<String> STATEMENT_COLUMNS = List.of("id", "source", "statement", "paper_value", "unit",
            "paper_tables_value", "ours_mean", "ours_seeds", "formula", "ours_measured_on", "note", "profile");

    /** The paper's own numbers (Tables 1-3, Figure 4) as result cells of seed 0, for formulas to run on. */
    static List<ResultCell> paperAsCells(PaperNumbers paper) {
        List<ResultCell> out = new ArrayList<>();
        for (String table : List.of("T1", "T2", "T3", "F4")) {
            paper.cells(table).forEach(c -> out.add(new ResultCell(c.table(), c.row(), c.column(), c.metric(),
                    c.value(), 0, "paper", "the paper's own tables", c.source())));
        }
        return out;
    }

    private static void statements(Path out, ReportDocument doc, List<ResultCell> cells, String profile)
            throws IOException {
        doc.heading(2, "The paper's quantitative statements beside ours", "statements");
        List<List<String>> rows = new ArrayList<>();
        List<List<Object>> export = new ArrayList<>();
        // The same formula on the paper's own tables: where it differs from the text's number, the paper disagrees
        // with itself (its text's 8.3% Dhvani EER gain is 6.5% in its Table 1).
        List<ResultCell> paperCells = paperAsCells(PaperNumbers.load());
        for (PaperStatement s : PaperStatements.load()) {
            StatementFormula formula = s.formula().isEmpty() ? null : StatementFormula.parse(s.formula());
            Optional<StatementFormula.Value> v = formula == null ? Optional.empty() : formula.evaluate(cells);
            Optional<StatementFormula.Value> own = formula == null ? Optional.empty() : formula.evaluate(paperCells);
            List<String> on = formula == null ? List.of() : formula.corpora(cells);
            boolean qualitative = Double.isNaN(s.value());
            rows.add(List.of(s.id(), s.source(), s.statement() + (s.note().isEmpty() ? "" : " *(" + s.note() + ")*"),
                    qualitative ? "(no number)" : fmt(s.value()) + " " + s.unit(),
                    own.map(x -> fmt(x.mean())).orElse(""),
                    v.map(x -> fmt(x.mean())).orElse(""), v.map(x -> String.valueOf(x.seeds())).orElse(""),
                    String.join("; ", on), s.formula().isEmpty() ? "not computable on our corpora"
                            : v.isEmpty() ? s.formula() + " (not measured: our runs lack a cell it reads)"
                            : s.formula()));
            export.add(java.util.Arrays.asList(s.id(), s.source(), s.statement(), qualitative ? null : s.value(),
                    s.unit(), own.map(StatementFormula.Value::mean).orElse(null),
                    v.map(StatementFormula.Value::mean).orElse(null), v.map(StatementFormula.Value::seeds).orElse(null),
                    s.formula().isEmpty() ? null : s.formula(), String.join("; ", on), s.note().isEmpty() ? null
                            : s.note(), profile));
        }
        doc.paragraph("The statements quote the paper about its datasets; ours come from the corpora in 'ours measured "
                + "on' (an analog of a dataset is not that dataset, and its language set differs: counts of languages "
                + "are out of ours, not the paper's).");
        doc.paragraph("'paper's tables give': the same formula on the paper's own Tables 1-3 and Figure 4, where "
                + "they hold the cells it reads; a number unlike the text's means the paper's text and tables disagree.");
        doc.table(List.of("id", "source", "statement", "paper", "paper's tables give", "ours (mean)", "seeds",
                "ours measured on", "formula"), rows);
        TabularExport.write(out, "statements", STATEMENT_COLUMNS, export);
        doc.links(List.of(new String[] {"statements.csv", "statements.csv"},
                new String[] {"statements.json", "statements.json"}));
    }

    private static void curves(Path out, ReportDocument doc, List<RunSummary> runs, String profile)
            throws IOException {
        doc.heading(2, "Training curves", "curves");
        doc.paragraph("One chart per training history, one panel per stage (pretraining, continued pretraining, "
                + "fine-tuning) on its own axes. Runs with the very same history share its chart: the NOSS probes of "
                + "one encoder and seed (a probe logs no curve of its own) show their encoder's pretraining once.");
        List<List<RunSummary>> histories = new ArrayList<>();
        for (RunSummary r : runs) {
            if (r.curves() == null || r.curves().isEmpty()) {
                continue;
            }
            histories.stream().filter(h -> sameCurves(h.get(0).curves(), r.curves())).findFirst()
                    .ifPresentOrElse(h -> h.add(r), () -> histories.add(new ArrayList<>(List.of(r))));
        }
        for (List<RunSummary> h : histories) {
            RunSummary first = h.get(0);
            String png = "curves_" + slug(first) + ".png";
            String who = String.join(", ", h.stream().map(r -> r.spec() + " (seed " + r.seed() + ")").toList());
            Charts.curves(first.curves(), h.size() == 1 ? who : who.length() > 160 ? first.spec() + " (seed "
                    + first.seed() + ") and " + (h.size() - 1) + " more runs" : who, first.origin(profile), "loss",
                    out.resolve(png));
            doc.paragraph((h.size() == 1 ? "" : "Shared by ") + who + ":");
            doc.image(png, "training curves of " + first.spec() + ", seed " + first.seed());
        }
    }

    /** Whether two runs logged the very same curves (same names, same points). */
    static boolean sameCurves(Map<String, double[][]> a, Map<String, double[][]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(k -> java.util.Arrays.deepEquals(a.get(k), b.get(k)));
    }

    /**
     * The runs behind a table's cells: those reporting to it, or for F4 and S51 (analyses of the language-ID runs)
     * the Table 1 and Figure 2 runs of the rows the analysis has cells for.
     */
    static List<RunSummary> runsBehind(List<RunSummary> runs, List<ResultCell> cells, String table) {
        Set<String> analysedRows = new TreeSet<>();
        Set<String> analysedCorpora = new TreeSet<>();
        cells.stream().filter(c -> c.table().equals(table)).forEach(c -> {
            analysedRows.add(c.row());
            analysedCorpora.add(c.corpus());
        });
        boolean analysis = table.equals("F4") || table.equals("S51");
        // An analysis row is computed from the LID runs of that row on the corpora its cells name (a Dhvani run of
        // the same row gives Figure 4 nothing when no close group of its languages exists); S51's cells name the
        // corpus pretrained on, which every run of the row shares, whatever it was then measured on.
        return runs.stream().filter(r -> analysis
                ? (r.table().equals("T1") || r.table().equals("F2")) && analysedRows.contains(r.row())
                        && (table.equals("S51") ? r.corpora().stream().anyMatch(c -> c.pretrainedOn()
                                && analysedCorpora.contains(c.label())) : analysedCorpora.contains(r.corpus()))
                : r.table().equals(table)).toList();
    }

    /**
     * How many test utterances the classification runs of a table scored, per dataset, and what one of them is worth
     * in accuracy points: a reader weighs a 3-point gap on 32 utterances otherwise than on 1,430. Empty when no run
     * of the table classified (Table 3) or for an analysis (F4, S51) whose runs are another table's.
     */
    static Optional<String> testSizes(List<RunSummary> behind, String table) {
        Map<String, TreeSet<Integer>> sizes = new TreeMap<>();
        for (RunSummary r : behind) {
            if (r.table().equals(table) && r.metrics() != null && r.metrics().n() > 0) {
                sizes.computeIfAbsent(r.dataset(), k -> new TreeSet<>()).add(r.metrics().n());
            }
        }
        if (sizes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Saturation.Majority> majority = majorities(behind, table);
        List<String> parts = new ArrayList<>();
        sizes.forEach((dataset, ns) -> {
            Saturation.Majority m = majority.get(dataset);
            parts.add(dataset + " " + (ns.size() == 1 ? String.format(Locale.ROOT, "%,d", ns.first())
                    : String.format(Locale.ROOT, "%,d-%,d", ns.first(), ns.last()))
                    + String.format(Locale.ROOT, " (one utterance: %.2f points", 100.0 / ns.first())
                    + (m == null ? "" : m.balanced() ? String.format(Locale.ROOT, "; balanced, every class %.1f%%",
                            m.percent()) : String.format(Locale.ROOT, "; largest class %s, %.1f%%", m.label(),
                            m.percent())) + ")");
        });
        return Optional.of("Test utterances scored per run (and the share of the largest class: the accuracy of "
                + "always answering it): " + String.join("; ", parts) + ".");
    }

    /**
     * The largest class of each dataset's test set, from the confusion matrices of a table's runs, keyed by the
     * dataset and by its overall column ({@code "<dataset>/all"}); a dataset whose runs disagree on it is left out.
     */
    static Map<String, Saturation.Majority> majorities(List<RunSummary> behind, String table) {
        Map<String, Saturation.Majority> found = new TreeMap<>();
        Set<String> conflicting = new TreeSet<>();
        for (RunSummary r : behind) {
            if (!r.table().equals(table) || r.metrics() == null || r.metrics().confusion() == null) {
                continue;
            }
            int[][] conf = r.metrics().confusion();
            long total = 0;
            int best = -1;
            long bestCount = -1;
            long smallest = Long.MAX_VALUE;
            for (int i = 0; i < conf.length; i++) {
                long row = 0;
                for (int v : conf[i]) {
                    row += v;
                }
                total += row;
                smallest = Math.min(smallest, row);
                if (row > bestCount) {
                    bestCount = row;
                    best = i;
                }
            }
            if (total == 0 || best >= r.metrics().classes().size()) {
                continue;
            }
            Saturation.Majority m = new Saturation.Majority(r.metrics().classes().get(best), 100.0 * bestCount / total,
                    smallest == bestCount);
            Saturation.Majority seen = found.putIfAbsent(r.dataset(), m);
            if (seen != null && (!seen.label().equals(m.label()) || Math.abs(seen.percent() - m.percent()) > 1e-9)) {
                conflicting.add(r.dataset());
            }
        }
        conflicting.forEach(found::remove);
        Map<String, Saturation.Majority> out = new TreeMap<>(found);
        found.forEach((dataset, m) -> out.put(dataset + "/all", m));
        return out;
    }

    /**
     * Where each row of a table came from, from the runs behind it: per spec, one provenance link per seed (the cells'
     * own is in results.csv).
     */
    static void provenanceOf(ReportDocument doc, List<RunSummary> behind) {
        Map<String, List<RunSummary>> bySpec = new TreeMap<>();
        for (RunSummary r : behind) {
            bySpec.computeIfAbsent(r.row() + "\u0000" + r.spec(), k -> new ArrayList<>()).add(r);
        }
        if (bySpec.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        bySpec.forEach((k, rs) -> {
            StringBuilder links = new StringBuilder();
            rs.stream().sorted(java.util.Comparator.comparingLong(RunSummary::seed)).forEach(r -> links
                    .append(links.length() == 0 ? "" : " ").append("[").append(r.seed()).append("](")
                    .append(r.provenance()).append(")"));
            rows.add(List.of(rs.get(0).row(), rs.get(0).spec(), links.toString()));
        });
        doc.paragraph("Provenance of these numbers (resolved spec, seeds, data hashes, versions), per seed:");
        doc.table(List.of("row", "spec", "provenance per seed"), rows);
    }

    /**
     * Every corpus behind a table, each once with what its runs used it for (pretraining, continued pretraining,
     * downstream), its card and its note (analog or real, and any audio files a real one left out).
     */
    static void corporaOf(ReportDocument doc, List<RunSummary> behind) {
        List<RunSummary.Corpus> used = corpora(behind);
        if (used.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunSummary.Corpus c : used) {
            rows.add(List.of(c.label(), String.join(", ", c.roles()),
                    c.cardLink() == null ? "" : "[card](" + c.cardLink() + ")", c.note()));
        }
        doc.paragraph("Corpora behind these numbers (every row's pretraining corpus as well as the one it was measured "
                + "on), with their cards:");
        doc.table(List.of("corpus", "used for", "card", "note"), rows);
    }

    /**
     * The corpora of some runs, merged by label and build (its step directory, else its card): roles in the order
     * pretraining, continued, downstream; pretraining corpora first, then those only measured on; by label within
     * each.
     */
    static List<RunSummary.Corpus> corpora(List<RunSummary> runs) {
        Function<RunSummary.Corpus, String> key = c -> c.label() + "\u0000"
                + (c.source() != null ? c.source() : c.cardLink() != null ? c.cardLink() : "");
        return RunSummary.Corpus.merge(runs.stream().flatMap(r -> r.corpora().stream())
                .sorted(java.util.Comparator.comparing(key)).toList(), key);
    }

    private static void runsSection(ReportDocument doc, List<RunSummary> runs) {
        doc.heading(2, "Runs, corpus cards and provenance", "runs");
        doc.paragraph("Provenance links point into the runs folder this report was built from (it sits at "
                + "<runs>/report/<profile>/): to share the report with its provenance, share the runs folder, or at "
                + "least report/ with the step directories' provenance.json files. The corpus cards are copied into "
                + "cards/ and travel with the report.");
        List<List<String>> rows = new ArrayList<>();
        for (RunSummary r : runs) {
            String pretrained = String.join("; ", r.corpora().stream().filter(RunSummary.Corpus::pretrainedOn)
                    .map(RunSummary.Corpus::label).distinct().toList());
            StringBuilder cards = new StringBuilder();
            for (RunSummary.Corpus c : r.corpora()) {
                if (c.cardLink() != null) {
                    cards.append(cards.length() == 0 ? "" : " ").append("[").append(String.join(", ", c.roles()))
                            .append("](").append(c.cardLink()).append(")");
                }
            }
            rows.add(List.of(r.spec(), String.valueOf(r.seed()), r.describes(), r.corpus(), pretrained,
                    cards.toString(), "[provenance](" + r.provenance() + ")"));
        }
        doc.table(List.of("spec", "seed", "describes", "corpus", "pretraining corpus", "corpus cards", "provenance"),
                rows);
    }

    static String fmt(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
    }
}
