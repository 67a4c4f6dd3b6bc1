package org.masrrepro.harness.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.spec.RealCorpusSpec;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.harness.steps.PretrainStep;
import org.masrrepro.harness.steps.StepId;
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
import java.util.Map;
import java.util.Set;

/**
 * Writes the report of one profile from its run records (see {@link PaperReport}): copies the card of every corpus a
 * run used, for pretraining or downstream (the downstream one with its non-learned floor), under {@code cards/},
 * reads each run's metrics and training logs, names each number's pretraining corpus and every corpus a run used
 * (analog or real, and any files a real one left out; {@link PaperReport} captions each table with those behind it),
 * and links every number to the provenance of the step that produced it.
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
        List<UsedRun> used = used(runs, runsRoot, specs, profile, dataDir);
        List<ResultCell> cells = RunRecord.cellsOnce(used.stream().map(UsedRun::record).toList());
        Path cards = out.resolve("cards");
        Files.createDirectories(cards);
        Path rel = Path.of("..", "..");
        for (UsedRun u : used) {
            for (RunSummary.Corpus c : u.corpora()) {
                Path card = CorpusStep.dataDir(runsRoot.resolve(c.source())).resolve("card.md");
                if (Files.isRegularFile(card) && !Files.exists(cards.resolve(cardName(c.source())))) {
                    Files.copy(card, cards.resolve(cardName(c.source())), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<RunSummary> summaries = new ArrayList<>();
        for (UsedRun u : used) {
            RunRecord r = u.record();
            Path evalDir = runsRoot.resolve(r.evalDir());
            String cardName = cardName(r.corpusDir());
            Path floor = evalDir.resolve("floor.md");
            if (Files.isRegularFile(floor) && Files.isRegularFile(cards.resolve(cardName))) {
                // The card carries its corpus's non-learned floor.
                Files.writeString(cards.resolve(cardName), Files.readString(floor), StandardOpenOption.APPEND);
            }
            ResultCell first = r.cells().isEmpty() ? null : r.cells().get(0);
            String dataset = first == null ? "" : first.column().split("/")[0];
            // Classification runs (LID, probes) write a confusion matrix; ASR runs have none.
            ClassificationReport metrics = Files.isRegularFile(evalDir.resolve("confusion.csv"))
                    ? Results.readMetrics(evalDir) : null;
            List<RunSummary.Corpus> corpora = new ArrayList<>();
            for (RunSummary.Corpus c : u.corpora()) {
                corpora.add(c.withCardLink(cardLink(cards, c.source())));
            }
            summaries.add(new RunSummary(r.spec(), r.seed(), r.describes(), first == null ? "" : first.table(),
                    first == null ? "" : first.row(), dataset, r.corpus(), cardLink(cards, r.corpusDir()),
                    rel.resolve(r.evalDir()).resolve(StepRunner.PROVENANCE).toString(), metrics,
                    curves(runsRoot, r.curves()), corpora));
        }
        PaperReport.write(out, profile.id(), cells, summaries);
        Path old = done.resolveSibling(done.getFileName() + ".old-" + ProcessHandle.current().pid());
        if (Files.exists(done)) {
            Files.move(done, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(out, done, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.deleteRecursively(old);
        log.println("report: " + done.resolve("index.html").toAbsolutePath());
        return done;
    }

    /** Name of a corpus's card in the report's {@code cards/}: its step directory with '/' as '_'. */
    static String cardName(String corpusDir) {
        return corpusDir.replace('/', '_') + ".md";
    }

    /** Link from the report to the card of the corpus at {@code corpusDir}, copied under {@code cards}; null without. */
    private static String cardLink(Path cards, String corpusDir) {
        return Files.isRegularFile(cards.resolve(cardName(corpusDir))) ? "cards/" + cardName(corpusDir) : null;
    }

    /**
     * A run record with the corpora it used, each once, by corpus step ({@link RunSummary.Corpus#source}); no card
     * links yet.
     */
    record UsedRun(RunRecord record, List<RunSummary.Corpus> corpora) {}

    /**
     * The corpora each run used: its pretraining corpus (the base's first when it continues another pretraining, then
     * the continuation's), then the corpus its numbers were measured on; one entry per corpus step, its roles merged.
     * Each learned run's cells get the pretraining corpora's labels ({@link ResultCell#pretrainingCorpus()}). A floor
     * has no pretraining: only the corpus it was measured on.
     */
    static List<UsedRun> used(List<RunRecord> runs, Path runsRoot, SpecLoader specs, Profile profile, Path dataDir)
            throws IOException {
        StepId ids = new StepId();
        List<UsedRun> out = new ArrayList<>();
        for (RunRecord r : runs) {
            Map<String, RunSummary.Corpus> uses = new LinkedHashMap<>();
            ExperimentPlan plan = null;
            if (!r.isFloor()) {
                // CurrentResults kept only records whose spec resolves now to the very step they were read from.
                plan = ExperimentPlan.load(specs, r.spec(), profile, r.seed(), dataDir);
                java.util.Deque<PretrainStep> chain = new java.util.ArrayDeque<>();
                for (PretrainStep p = plan.pretrain(); p != null; p = p.base()) {
                    chain.addFirst(p);
                }
                boolean first = true;
                for (PretrainStep p : chain) {
                    add(uses, ids, p.features().corpus(), p.trainsNothing() ? RunSummary.INPUT_STATISTICS
                            : first ? RunSummary.PRETRAINING : RunSummary.CONTINUED_PRETRAINING, runsRoot);
                    first = false;
                }
            }
            // An untrained encoder (random init) was pretrained on nothing: its cells name no pretraining corpus.
            List<String> pretrainedOn = uses.values().stream().filter(RunSummary.Corpus::pretrainedOn)
                    .map(RunSummary.Corpus::label).distinct().toList();
            String pretraining = pretrainedOn.isEmpty() ? null : String.join("; ", pretrainedOn);
            if (plan != null && plan.eval() instanceof org.masrrepro.harness.steps.AsrEvalStep asr) {
                // ASR scored on another corpus (eval_corpus) was fine-tuned on this one: downstream as well.
                for (var model : asr.models()) {
                    add(uses, ids, model.features().corpus(), RunSummary.DOWNSTREAM, runsRoot);
                }
            }
            RunSummary.Corpus down = uses.get(r.corpusDir());
            uses.put(r.corpusDir(), down != null ? down.withRole(RunSummary.DOWNSTREAM)
                    : use(r.corpusDir(), r.corpus(), null, RunSummary.DOWNSTREAM, runsRoot));
            List<ResultCell> cells = r.cells().stream().map(c -> c.withPretrainingCorpus(pretraining)).toList();
            out.add(new UsedRun(new RunRecord(r.spec(), r.describes(), r.profile(), r.seed(), r.corpus(),
                    r.corpusDir(), r.evalDir(), cells, r.curves(), r.format()), List.copyOf(uses.values())));
        }
        return out;
    }

    private static void add(Map<String, RunSummary.Corpus> uses, StepId ids, CorpusStep step, String role,
            Path runsRoot) throws IOException {
        String dir = ids.dirName(step);
        RunSummary.Corpus had = uses.get(dir);
        uses.put(dir, had != null ? had.withRole(role) : use(dir, step.spec().label(),
                step.spec() instanceof RealCorpusSpec, role, runsRoot));
    }

    /** {@code real}: null = as the step's provenance records it (a floor's record names no spec). */
    private static RunSummary.Corpus use(String dir, String label, Boolean real, String role, Path runsRoot)
            throws IOException {
        Path stepDir = runsRoot.resolve(dir);
        boolean isReal = real != null ? real : "real".equals(CorpusStep.typeOf(stepDir));
        return new RunSummary.Corpus(label, List.of(role), null, dir, isReal, CorpusStep.skippedFiles(stepDir));
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

    /**
     * Loss per logged step of each training log that exists ({@code "<stage> loss"}), and each term of it the log
     * keeps ({@code loss_ssl}, {@code loss_masr0}...: {@code "<stage> loss_ssl"}), so a chart can show whether the
     * metadata term moves while the total does not.
     */
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
            Map<String, List<double[]>> points = new LinkedHashMap<>();
            try (Reader r = Files.newBufferedReader(csv);
                    CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (!p.getHeaderNames().contains("step") || !p.getHeaderNames().contains("loss")) {
                    continue;
                }
                List<String> columns = new ArrayList<>(List.of("loss"));
                p.getHeaderNames().stream().filter(h -> h.startsWith("loss_")).forEach(columns::add);
                for (CSVRecord rec : p) {
                    double step = Double.parseDouble(rec.get("step"));
                    for (String c : columns) {
                        String v = rec.isSet(c) ? rec.get(c).trim() : "";
                        if (!v.isEmpty()) {
                            points.computeIfAbsent(c, k -> new ArrayList<>()).add(new double[] {step,
                                    Double.parseDouble(v)});
                        }
                    }
                }
            }
            for (Map.Entry<String, List<double[]>> c : points.entrySet()) {
                List<double[]> pts = c.getValue();
                double[][] xy = new double[2][pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    xy[0][i] = pts.get(i)[0];
                    xy[1][i] = pts.get(i)[1];
                }
                out.put(e.getKey() + " " + c.getKey(), xy);
            }
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
            if (r.isFloor()) {
                corporaBySpec.computeIfAbsent(r.spec(), k -> new LinkedHashSet<>()).add(r.corpusDir());
            }
        }
        List<RunRecord> out = new ArrayList<>(runs.size());
        for (RunRecord r : runs) {
            if (!r.isFloor() || corporaBySpec.get(r.spec()).size() < 2) {
                out.add(r);
                continue;
            }
            List<ResultCell> cells = new ArrayList<>();
            for (ResultCell c : r.cells()) {
                cells.add(c.withRow(c.row() + " [" + r.corpusDir() + "]"));
            }
            out.add(new RunRecord(r.spec(), r.describes(), r.profile(), r.seed(), r.corpus(), r.corpusDir(),
                    r.evalDir(), cells, r.curves(), r.format()));
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
