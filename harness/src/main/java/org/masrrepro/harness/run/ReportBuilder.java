package org.masrrepro.harness.run;

import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.plots.Charts;
import org.masrrepro.reports.results.ResultCell;
import org.masrrepro.reports.results.ResultStore;
import org.masrrepro.reports.tables.ComparisonTable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the report of one profile from its run records: Table 1 (ours | paper | delta) as Markdown, CSV and HTML,
 * a bar chart, a confusion heat map per run, the corpus cards, all result cells as JSON/CSV, and an index.
 */
public final class ReportBuilder {

    private ReportBuilder() {}

    /** Output file stem of a table id: T1 -> table1, F2 -> figure2. */
    static String fileName(String tableId) {
        return (tableId.startsWith("F") ? "figure" : "table") + tableId.substring(1);
    }

    static String title(String tableId) {
        return switch (tableId) {
            case "T1" -> "Table 1: language identification (accuracy %, macro-F1 %, EER %)";
            case "T3" -> "Table 3: ASR word error rate per language (WER %, greedy CTC decoding)";
            case "F2" -> "Figure 2: lang2vec families x combined/selection mining (LID accuracy %; the paper gives no numbers)";
            default -> tableId;
        };
    }

    public static Path dir(Path runsRoot, Profile profile) {
        return runsRoot.resolve("report").resolve(profile.id());
    }

    /** Builds the report; returns its directory, or null when there is nothing to report. */
    public static Path write(Path runsRoot, Profile profile, PrintStream log) throws IOException {
        List<RunRecord> runs = Results.readAll(runsRoot, profile);
        if (runs.isEmpty()) {
            log.println("no results for profile " + profile.id() + " under " + Results.dir(runsRoot, profile));
            return null;
        }
        Path out = dir(runsRoot, profile);
        Files.createDirectories(out);
        List<ResultCell> cells = new ArrayList<>();
        Set<String> corpora = new LinkedHashSet<>();
        for (RunRecord r : runs) {
            cells.addAll(r.cells());
            corpora.add(r.corpus());
        }
        String caption = String.format(Locale.ROOT,
                "Ours: %s; profile %s; %d run(s). These corpora are offline analogs built with espeak-ng, NOT the "
                        + "paper's FLEURS/Dhvani: compare trends, not absolute values. Paper: Raj et al.",
                String.join("; ", corpora), profile.id(), runs.size());
        Set<String> tables = new java.util.TreeSet<>();
        cells.forEach(c -> tables.add(c.table()));
        PaperNumbers paper = PaperNumbers.load();
        StringBuilder links = new StringBuilder();
        for (String id : tables) {
            String base = fileName(id);
            ComparisonTable t = ComparisonTable.of(id, title(id), caption, cells, paper);
            t.writeMarkdown(out.resolve(base + ".md"));
            t.writeCsv(out.resolve(base + ".csv"));
            t.writeHtml(out.resolve(base + ".html"));
            Charts.comparisonBars(t, id.equals("T3") ? "wer" : "acc", out.resolve(base + ".png"));
            links.append("- ").append(title(id)).append(": [Markdown](").append(base).append(".md), [CSV](")
                    .append(base).append(".csv), [HTML](").append(base).append(".html), [chart](").append(base)
                    .append(".png)\n");
        }
        ResultStore.write(out.resolve("results.json"), cells);
        ResultStore.writeCsv(out.resolve("results.csv"), cells);

        StringBuilder index = new StringBuilder();
        index.append("# masr-repro report, profile `").append(profile.id()).append("`\n\n");
        index.append(caption).append("\n\n");
        index.append(links);
        index.append("- All result cells: [results.json](results.json), [results.csv](results.csv)\n\n");
        index.append("## Runs\n\n| spec | seed | describes | corpus card | confusion | evaluation (provenance) |\n"
                + "|---|---|---|---|---|---|\n");
        Path cards = out.resolve("cards");
        AtomicFiles.deleteRecursively(cards); // rebuilt from the runs each time, so floors are appended once
        Files.createDirectories(cards);
        for (RunRecord r : runs) {
            String slug = r.spec().replace('/', '_') + "_seed-" + r.seed();
            Path evalDir = runsRoot.resolve(r.evalDir());
            String png = "confusion_" + slug + ".png";
            boolean classification = Files.isRegularFile(evalDir.resolve("confusion.csv")); // ASR runs have none
            if (classification) {
                ClassificationReport m = Results.readMetrics(evalDir);
                Charts.confusionHeatmap(m.classes(), m.confusion(), r.spec() + " (seed " + r.seed() + ")",
                        out.resolve(png));
            }
            Path card = CorpusStep.dataDir(runsRoot.resolve(r.corpusDir())).resolve("card.md");
            String cardName = r.corpusDir().replace('/', '_') + ".md";
            if (Files.isRegularFile(card) && !Files.exists(cards.resolve(cardName))) {
                Files.copy(card, cards.resolve(cardName), StandardCopyOption.REPLACE_EXISTING);
            }
            Path floor = evalDir.resolve("floor.md");
            if (Files.isRegularFile(floor)) {
                // The card carries its corpus's non-learned floor.
                Files.writeString(cards.resolve(cardName), Files.readString(floor), StandardOpenOption.APPEND);
            }
            index.append("| ").append(r.spec()).append(" | ").append(r.seed()).append(" | ").append(r.describes())
                    .append(" | [card](cards/").append(cardName).append(") | ")
                    .append(classification ? "[png](" + png + ")" : "-").append(" | [").append(r.evalDir()).append("](../../").append(r.evalDir())
                    .append("/provenance.json) |\n");
        }
        AtomicFiles.writeString(out.resolve("README.md"), index.toString());
        log.println("report: " + out.toAbsolutePath());
        return out;
    }
}
