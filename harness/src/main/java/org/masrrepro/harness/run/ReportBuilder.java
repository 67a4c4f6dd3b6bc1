package org.masrrepro.harness.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.harness.steps.StepRunner;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.report.PaperReport;
import org.masrrepro.reports.report.RunSummary;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the report of one profile from its run records (see {@link PaperReport}): copies each corpus card (with
 * its non-learned floor) under {@code cards/}, reads each run's metrics and training logs, and links every number
 * to the provenance of the step that produced it.
 */
public final class ReportBuilder {

    private ReportBuilder() {}

    public static Path dir(Path runsRoot, Profile profile) {
        return runsRoot.resolve("report").resolve(profile.id());
    }

    /**
     * Builds the report from the results the current specs produce (see {@link CurrentResults}); returns its
     * directory, or null when there is nothing to report. {@code dataDir}: as given to the run (null: default).
     */
    public static Path write(Path runsRoot, Profile profile, SpecLoader specs, Path dataDir, PrintStream log)
            throws IOException {
        List<RunRecord> runs = CurrentResults.filter(Results.readAll(runsRoot, profile), specs, profile, dataDir, log);
        Path done = dir(runsRoot, profile);
        if (runs.isEmpty()) {
            log.println("no results for profile " + profile.id() + " under " + Results.dir(runsRoot, profile));
            if (Files.exists(done)) {
                // left in place (a wrong --data-dir must not destroy it), but said to be out of date
                log.println("report: the existing report " + done + " shows results the current specs do not "
                        + "produce; it was not rebuilt");
            }
            return null;
        }
        runs = separateFloors(runs, log);
        // Built beside the old report (at the same depth, so relative links hold), then swapped in: no file of an
        // earlier report (a table or plot of results since dropped) survives, and an interrupted build never leaves
        // a half-written report in its place. The staging name is per process, so two writers do not mix.
        Path out = done.resolveSibling(done.getFileName() + ".partial-" + ProcessHandle.current().pid());
        removeLeftovers(done);
        AtomicFiles.deleteRecursively(out);
        Files.createDirectories(out);
        List<ResultCell> cells = new ArrayList<>();
        Set<String> corpora = new LinkedHashSet<>();
        Set<Long> seeds = new java.util.TreeSet<>();
        for (RunRecord r : runs) {
            cells.addAll(r.cells());
            corpora.add(r.corpus());
            if (!r.spec().startsWith("floor/")) {
                seeds.add(r.seed());
            }
        }
        String caption = caption(corpora, profile, runs.size(), seeds);
        Map<String, String> tableCaptions = tableCaptions(runs, profile);
        Path cards = out.resolve("cards");
        Files.createDirectories(cards);
        Path rel = Path.of("..", "..");
        List<RunSummary> summaries = new ArrayList<>();
        for (RunRecord r : runs) {
            Path evalDir = runsRoot.resolve(r.evalDir());
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
            ResultCell first = r.cells().isEmpty() ? null : r.cells().get(0);
            String dataset = first == null ? "" : first.column().split("/")[0];
            // Classification runs (LID, probes) write a confusion matrix; ASR runs have none.
            ClassificationReport metrics = Files.isRegularFile(evalDir.resolve("confusion.csv"))
                    ? Results.readMetrics(evalDir) : null;
            summaries.add(new RunSummary(r.spec(), r.seed(), r.describes(), first == null ? "" : first.table(),
                    first == null ? "" : first.row(), dataset, r.corpus(),
                    Files.isRegularFile(cards.resolve(cardName)) ? "cards/" + cardName : null,
                    rel.resolve(r.evalDir()).resolve(StepRunner.PROVENANCE).toString(), metrics,
                    curves(runsRoot, r.curves())));
        }
        PaperReport.write(out, profile.id(), caption, tableCaptions, cells, summaries);
        Path old = done.resolveSibling(done.getFileName() + ".old-" + ProcessHandle.current().pid());
        if (Files.exists(done)) {
            Files.move(done, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(out, done, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.deleteRecursively(old);
        log.println("report: " + done.resolve("index.html").toAbsolutePath());
        return done;
    }

    /** Table id to the caption of the runs behind that table's cells only (a table never names another's corpora). */
    static Map<String, String> tableCaptions(List<RunRecord> runs, Profile profile) {
        Map<String, List<RunRecord>> byTable = new java.util.TreeMap<>();
        for (RunRecord r : runs) {
            r.cells().stream().map(ResultCell::table).distinct()
                    .forEach(t -> byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(r));
        }
        Map<String, String> out = new java.util.TreeMap<>();
        byTable.forEach((t, rs) -> {
            Set<String> corpora = new LinkedHashSet<>();
            Set<Long> seeds = new java.util.TreeSet<>();
            rs.forEach(r -> {
                corpora.add(r.corpus());
                if (!r.spec().startsWith("floor/")) {
                    seeds.add(r.seed());
                }
            });
            out.put(t, caption(corpora, profile, rs.size(), seeds));
        });
        return out;
    }

    /** What produced a set of numbers: corpora, profile, runs and seeds, and that the corpora are not the paper's. */
    static String caption(Set<String> corpora, Profile profile, int runs, Set<Long> seeds) {
        return String.format(Locale.ROOT,
                "Ours: %s; profile %s; %d run(s), seeds %s. These corpora are offline analogs (espeak-ng speech, "
                        + "Debian recordings), NOT the paper's datasets: compare trends, not absolute values. "
                        + "Paper: Raj et al., MASR.",
                String.join("; ", corpora), profile.id(), runs, seeds);
    }

    /** Deletes staging and old copies of this report left by writers that died (their process is gone). */
    private static void removeLeftovers(Path done) throws IOException {
        if (!Files.isDirectory(done.getParent())) {
            return; // the first report of this runs directory
        }
        String prefix = done.getFileName().toString();
        java.util.regex.Pattern left = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix)
                + "\\.(partial|old)-(\\d+)");
        try (java.util.stream.Stream<Path> s = Files.list(done.getParent())) {
            for (Path p : s.toList()) {
                java.util.regex.Matcher m = left.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                    if (m.group(1).equals("old") && !Files.exists(done)) {
                        // its writer died between moving the report aside and moving the new one in: restore it
                        Files.move(p, done, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        AtomicFiles.deleteRecursively(p);
                    }
                }
            }
        }
    }

    /** Loss per logged step of each training log that exists. */
    static Map<String, double[][]> curves(Path runsRoot, Map<String, String> logs) throws IOException {
        Map<String, double[][]> out = new LinkedHashMap<>();
        if (logs == null) {
            return out;
        }
        for (Map.Entry<String, String> e : logs.entrySet()) {
            Path csv = runsRoot.resolve(e.getValue());
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            try (Reader r = Files.newBufferedReader(csv);
                    CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (!p.getHeaderNames().contains("step") || !p.getHeaderNames().contains("loss")) {
                    continue;
                }
                for (CSVRecord rec : p) {
                    points.add(new double[] {Double.parseDouble(rec.get("step")), Double.parseDouble(rec.get("loss"))});
                }
            }
            double[][] xy = new double[2][points.size()];
            for (int i = 0; i < points.size(); i++) {
                xy[0][i] = points.get(i)[0];
                xy[1][i] = points.get(i)[1];
            }
            out.put(e.getKey() + " loss", xy);
        }
        return out;
    }

    /**
     * Floors of different corpora reported under one dataset (an ablation that changes the corpus) are not seeds of
     * one experiment: each gets its own row, named by its corpus directory, instead of being pooled.
     */
    static List<RunRecord> separateFloors(List<RunRecord> runs, PrintStream log) {
        Map<String, Set<String>> corporaBySpec = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            if (r.spec().startsWith("floor/")) {
                corporaBySpec.computeIfAbsent(r.spec(), k -> new LinkedHashSet<>()).add(r.corpusDir());
            }
        }
        List<RunRecord> out = new ArrayList<>(runs.size());
        for (RunRecord r : runs) {
            if (!r.spec().startsWith("floor/") || corporaBySpec.get(r.spec()).size() < 2) {
                out.add(r);
                continue;
            }
            List<ResultCell> cells = new ArrayList<>();
            for (ResultCell c : r.cells()) {
                cells.add(new ResultCell(c.table(), c.row() + " [" + r.corpusDir() + "]", c.column(), c.metric(),
                        c.value(), c.seed(), c.profile(), c.corpus(), c.provenance()));
            }
            out.add(new RunRecord(r.spec(), r.describes(), r.profile(), r.seed(), r.corpus(), r.corpusDir(),
                    r.evalDir(), cells, r.curves()));
        }
        corporaBySpec.forEach((spec, dirs) -> {
            if (dirs.size() > 1) {
                log.println("report: " + spec + " has floors of " + dirs.size() + " corpora " + dirs
                        + "; one row each, named by corpus directory");
            }
        });
        return out;
    }
}
