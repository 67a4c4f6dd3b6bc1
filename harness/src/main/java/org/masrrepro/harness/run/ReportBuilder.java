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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the report of one profile from its run records (see {@link PaperReport}): copies the card of every corpus a
 * run used, for pretraining or downstream (the downstream one with its non-learned floor), under {@code cards/},
 * reads each run's metrics and training logs, names each number's pretraining corpus, captions each table with the
 * corpora behind it (analog or real, and any files a real one left out), and links every number to the provenance of
 * the step that produced it.
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
        List<ResultCell> cells = new ArrayList<>();
        for (UsedRun u : used) {
            cells.addAll(u.record().cells());
        }
        String caption = caption(used, profile);
        Map<String, String> tableCaptions = tableCaptions(used, profile);
        Path cards = out.resolve("cards");
        Files.createDirectories(cards);
        Path rel = Path.of("..", "..");
        for (UsedRun u : used) {
            for (CorpusUse c : u.corpora()) {
                Path card = CorpusStep.dataDir(runsRoot.resolve(c.dir())).resolve("card.md");
                if (Files.isRegularFile(card) && !Files.exists(cards.resolve(cardName(c.dir())))) {
                    Files.copy(card, cards.resolve(cardName(c.dir())), StandardCopyOption.REPLACE_EXISTING);
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
            for (CorpusUse c : u.corpora()) {
                corpora.add(new RunSummary.Corpus(c.label(), c.roles(),
                        Files.isRegularFile(cards.resolve(cardName(c.dir()))) ? "cards/" + cardName(c.dir()) : null,
                        c.note()));
            }
            summaries.add(new RunSummary(r.spec(), r.seed(), r.describes(), first == null ? "" : first.table(),
                    first == null ? "" : first.row(), dataset, r.corpus(),
                    Files.isRegularFile(cards.resolve(cardName)) ? "cards/" + cardName : null,
                    rel.resolve(r.evalDir()).resolve(StepRunner.PROVENANCE).toString(), metrics,
                    curves(runsRoot, r.curves()), corpora));
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

    /** Name of a corpus's card in the report's {@code cards/}: its step directory with '/' as '_'. */
    static String cardName(String corpusDir) {
        return corpusDir.replace('/', '_') + ".md";
    }

    /**
     * One corpus a run used.
     *
     * @param dir     its corpus step directory, relative to the runs root
     * @param label   its label (says "analog" for an offline analog)
     * @param real    a real corpus read from disk (else an analog the project built)
     * @param skipped audio files it left out ({@code skip_bad_files}); 0 for none
     * @param roles   what the run used it for ({@link RunSummary#PRETRAINING}, {@link RunSummary#CONTINUED_PRETRAINING},
     *                {@link RunSummary#DOWNSTREAM}), in that order
     */
    record CorpusUse(String dir, String label, boolean real, int skipped, List<String> roles) {
        CorpusUse {
            roles = List.copyOf(roles);
        }

        /** What the report's corpus lists say of it besides label and roles. */
        String note() {
            return (real ? "real corpus read from disk" : "offline analog, not the paper's dataset")
                    + (skipped > 0 ? "; " + skippedText(skipped) + ", listed in its card" : "");
        }
    }

    static String skippedText(int n) {
        return n + " missing or unreadable audio file" + (n == 1 ? "" : "s") + " left out (skip_bad_files)";
    }

    /** A run record with the corpora it used, each once. */
    record UsedRun(RunRecord record, List<CorpusUse> corpora) {}

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
            Map<String, CorpusUse> uses = new LinkedHashMap<>();
            ExperimentPlan plan = null;
            if (!r.spec().startsWith("floor/")) {
                // CurrentResults kept only records whose spec resolves now to the very step they were read from.
                plan = ExperimentPlan.load(specs, r.spec(), profile, r.seed(), dataDir);
                java.util.Deque<PretrainStep> chain = new java.util.ArrayDeque<>();
                for (PretrainStep p = plan.pretrain(); p != null; p = p.base()) {
                    chain.addFirst(p);
                }
                boolean first = true;
                for (PretrainStep p : chain) {
                    add(uses, ids, p.features().corpus(), first ? RunSummary.PRETRAINING
                            : RunSummary.CONTINUED_PRETRAINING, runsRoot);
                    first = false;
                }
            }
            String pretraining = uses.isEmpty() ? null : String.join("; ", uses.values().stream()
                    .map(CorpusUse::label).distinct().toList());
            if (plan != null && plan.eval() instanceof org.masrrepro.harness.steps.AsrEvalStep asr) {
                // ASR scored on another corpus (eval_corpus) was fine-tuned on this one: downstream as well.
                for (var model : asr.models()) {
                    add(uses, ids, model.features().corpus(), RunSummary.DOWNSTREAM, runsRoot);
                }
            }
            CorpusUse down = uses.get(r.corpusDir());
            uses.put(r.corpusDir(), down != null ? withRole(down, RunSummary.DOWNSTREAM)
                    : use(r.corpusDir(), r.corpus(), null, RunSummary.DOWNSTREAM, runsRoot));
            List<ResultCell> cells = r.cells().stream().map(c -> c.withPretrainingCorpus(pretraining)).toList();
            out.add(new UsedRun(new RunRecord(r.spec(), r.describes(), r.profile(), r.seed(), r.corpus(),
                    r.corpusDir(), r.evalDir(), cells, r.curves()), List.copyOf(uses.values())));
        }
        return out;
    }

    private static void add(Map<String, CorpusUse> uses, StepId ids, CorpusStep step, String role, Path runsRoot)
            throws IOException {
        String dir = ids.dirName(step);
        CorpusUse had = uses.get(dir);
        uses.put(dir, had != null ? withRole(had, role) : use(dir, step.spec().label(),
                step.spec() instanceof RealCorpusSpec, role, runsRoot));
    }

    private static CorpusUse withRole(CorpusUse c, String role) {
        if (c.roles().contains(role)) {
            return c;
        }
        Set<String> roles = new LinkedHashSet<>(c.roles());
        roles.add(role);
        return new CorpusUse(c.dir(), c.label(), c.real(), c.skipped(), ordered(roles));
    }

    /** {@code real}: null = as the step's provenance records it (a floor's record names no spec). */
    private static CorpusUse use(String dir, String label, Boolean real, String role, Path runsRoot) throws IOException {
        Path stepDir = runsRoot.resolve(dir);
        boolean isReal = real != null ? real : "real".equals(CorpusStep.typeOf(stepDir));
        return new CorpusUse(dir, label, isReal, CorpusStep.skippedFiles(stepDir), List.of(role));
    }

    /** Table id to the caption of the runs behind that table's cells only (a table never names another's corpora). */
    static Map<String, String> tableCaptions(List<UsedRun> runs, Profile profile) {
        Map<String, List<UsedRun>> byTable = new java.util.TreeMap<>();
        for (UsedRun r : runs) {
            r.record().cells().stream().map(ResultCell::table).distinct()
                    .forEach(t -> byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(r));
        }
        Map<String, String> out = new java.util.TreeMap<>();
        byTable.forEach((t, rs) -> out.put(t, caption(rs, profile)));
        return out;
    }

    /**
     * What produced a set of numbers: every corpus the runs used (pretraining and downstream, with what for),
     * profile, runs and seeds; that the offline analogs among them are not the paper's datasets; which corpora are
     * real, and how many audio files each of those left out.
     */
    static String caption(List<UsedRun> runs, Profile profile) {
        Map<String, CorpusUse> corpora = new LinkedHashMap<>();
        Set<Long> seeds = new java.util.TreeSet<>();
        for (UsedRun u : runs) {
            for (CorpusUse c : u.corpora()) {
                CorpusUse had = corpora.get(c.dir());
                if (had == null) {
                    corpora.put(c.dir(), c);
                } else {
                    for (String role : c.roles()) {
                        had = withRole(had, role);
                    }
                    corpora.put(c.dir(), had);
                }
            }
            if (!u.record().spec().startsWith("floor/")) {
                seeds.add(u.record().seed());
            }
        }
        // Two builds of one corpus (another size, say) share a label: one entry, roles merged, skipped files summed.
        Map<String, CorpusUse> byLabel = new LinkedHashMap<>();
        for (CorpusUse c : corpora.values()) {
            CorpusUse had = byLabel.get(c.label());
            if (had == null) {
                byLabel.put(c.label(), c);
                continue;
            }
            Set<String> roles = new LinkedHashSet<>(had.roles());
            roles.addAll(c.roles());
            byLabel.put(c.label(), new CorpusUse(had.dir(), had.label(), had.real() || c.real(),
                    had.skipped() + c.skipped(), ordered(roles)));
        }
        // Pretraining corpora first, then those only measured on (each group in the order the runs name them).
        List<CorpusUse> listed = new ArrayList<>(byLabel.values());
        listed.sort(java.util.Comparator.comparingInt(c -> RunSummary.ROLES.indexOf(c.roles().get(0))));
        StringBuilder sb = new StringBuilder("Ours: ");
        sb.append(String.join("; ", listed.stream()
                .map(c -> c.label() + " (" + String.join(", ", c.roles()) + ")").toList()));
        sb.append(String.format(Locale.ROOT, "; profile %s; %d run(s), seeds %s.", profile.id(), runs.size(), seeds));
        List<CorpusUse> analogs = listed.stream().filter(c -> !c.real()).toList();
        List<CorpusUse> real = listed.stream().filter(CorpusUse::real).toList();
        if (!analogs.isEmpty()) {
            sb.append(real.isEmpty() ? " These corpora are offline analogs"
                    : " " + labels(analogs) + (analogs.size() == 1 ? " is an offline analog" : " are offline analogs"));
            sb.append(" (espeak-ng speech, Debian recordings), NOT the paper's datasets: compare trends, not absolute "
                    + "values.");
        }
        if (!real.isEmpty()) {
            sb.append(" ").append(labels(real)).append(real.size() == 1 ? " is a real corpus" : " are real corpora")
                    .append(" read from disk (its card says what was read; compare it with the paper's data and "
                            + "splits before comparing numbers).");
            for (CorpusUse c : real) {
                if (c.skipped() > 0) {
                    sb.append(" ").append(c.label()).append(": ").append(skippedText(c.skipped()))
                            .append(", listed in its card.");
                }
            }
        }
        return sb.append(" Paper: Raj et al., MASR.").toString();
    }

    private static List<String> ordered(Set<String> roles) {
        return RunSummary.ROLES.stream().filter(roles::contains).toList();
    }

    private static String labels(List<CorpusUse> corpora) {
        return String.join("; ", corpora.stream().map(CorpusUse::label).toList());
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
                cells.add(c.withRow(c.row() + " [" + r.corpusDir() + "]"));
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
