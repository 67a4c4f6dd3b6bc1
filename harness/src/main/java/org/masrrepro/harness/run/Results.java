package org.masrrepro.harness.run;

import org.masrrepro.datasets.util.AtomicFiles;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.Profile;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.masrrepro.harness.steps.AsrEvalStep;
import org.masrrepro.harness.steps.AsrReport;
import org.masrrepro.harness.steps.LidEvalStep;
import org.masrrepro.harness.steps.ProbeStep;
import org.masrrepro.harness.steps.StepRunner;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.report.RunSummary;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Turns finished evaluations into result cells under {@code <runs>/results/<profile>/<spec>/seed-<n>/run.json}. */
public final class Results {

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private Results() {}

    public static Path dir(Path runsRoot, Profile profile) {
        return runsRoot.resolve("results").resolve(profile.id());
    }

    /** Row id of a corpus's non-learned floor in Tables 1 and 2. */
    public static final String FLOOR_ROW = org.masrrepro.reports.report.Saturation.FLOOR_PREFIX + " log-mel stats + logreg";

    /** Reads the evaluation of a finished plan, writes its run record and returns it. */
    public static RunRecord record(ExperimentPlan plan, StepRunner runner) throws IOException {
        ExperimentSpec spec = plan.spec();
        Path out = dir(runner.runsRoot(), plan.profile()).resolve(spec.id()).resolve("seed-" + spec.seed()).resolve("run.json");
        if (plan.eval() instanceof AsrEvalStep) {
            return writeAsr(out, plan, runner);
        }
        return write(out, plan, runner, runner.dirOf(plan.eval()), spec.id(), spec.describes(), spec.report().table(),
                spec.report().row(), spec.seed(), runner.dirOf(plan.pretrain()),
                plan.finetune() == null ? null : runner.dirOf(plan.finetune()));
    }

    /** The corpus's floor, once per corpus (every spec on that corpus shares the step). */
    public static RunRecord recordFloor(ExperimentPlan plan, StepRunner runner) throws IOException {
        Path floorDir = runner.dirOf(plan.floor());
        Path out = dir(runner.runsRoot(), plan.profile()).resolve("floor").resolve(floorDir.getFileName().toString())
                .resolve("run.json");
        return write(out, plan, runner, floorDir, RunSummary.FLOOR_PREFIX + plan.spec().report().dataset(),
                "Non-learned floor of the corpus (no pretraining)", plan.spec().report().table(), FLOOR_ROW, 0, null,
                null);
    }

    private static RunRecord write(Path out, ExperimentPlan plan, StepRunner runner, Path evalDir, String id,
            String describes, String table, String row, long seed, Path pretrainDir, Path finetuneDir) throws IOException {
        Path runs = runner.runsRoot();
        ClassificationReport m = readMetrics(evalDir);
        String provenance = runs.relativize(evalDir.resolve(StepRunner.PROVENANCE)).toString();
        String ds = plan.spec().report().dataset();
        String corpus = plan.corpus().spec().label();
        String profile = plan.profile().id();
        List<ResultCell> cells = new ArrayList<>();
        if (table.equals("T2")) {
            // NOSS probes: one column per task, accuracy as in the paper, plus UAR (and EER for two classes).
            JsonObject probe = JsonParser.parseString(Files.readString(evalDir.resolve(ProbeStep.PROBE),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            cells.add(new ResultCell(table, row, ds, "acc", m.accuracy(), seed, profile, corpus, provenance));
            cells.add(new ResultCell(table, row, ds, "uar", probe.get("test_uar").getAsDouble(), seed, profile, corpus,
                    provenance));
            if (m.classes().size() == 2) {
                cells.add(new ResultCell(table, row, ds, "eer", probe.get("test_binary_eer").getAsDouble(), seed,
                        profile, corpus, provenance));
            }
        } else {
            lidCells(plan, m, table, row, ds, seed, profile, corpus, provenance, pretrainDir, runs, cells);
        }
        java.util.Map<String, String> curves = new java.util.LinkedHashMap<>();
        if (pretrainDir != null) {
            curves.putAll(pretrainingCurves(plan, runner));
        }
        if (finetuneDir != null) {
            curves.put("fine-tuning", runs.relativize(finetuneDir.resolve("train/metrics.csv")).toString());
        }
        RunRecord rec = new RunRecord(id, describes, profile, seed, corpus,
                runs.relativize(runner.dirOf(plan.corpus())).toString(), runs.relativize(evalDir).toString(), cells,
                curves);
        AtomicFiles.writeString(out, GSON.toJson(rec) + "\n");
        return rec;
    }

    /** Table 1 columns (O, NO, all; acc, F1, EER) and, for methods, the section 6 analysis cells. */
    private static void lidCells(ExperimentPlan plan, ClassificationReport m, String table, String row, String ds,
            long seed, String profile, String corpus, String provenance, Path pretrainDir, Path runs,
            List<ResultCell> cells) throws IOException {
        cells.add(new ResultCell(table, row, ds + "/O", "acc", m.accuracyOverlapped(), seed, profile, corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/NO", "acc", m.accuracyNonOverlapped(), seed, profile, corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/all", "acc", m.accuracy(), seed, profile, corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/all", "f1", m.macroF1(), seed, profile, corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/all", "eer", m.eer(), seed, profile, corpus, provenance));
        if (!row.equals(FLOOR_ROW)) {
            AnalysisCells.perLanguage(m, plan.corpus().spec().overlapped(), row, ds, seed, profile, corpus, provenance,
                    cells);
            AnalysisCells.closeGroupConfusions(m, row, seed, profile, corpus, provenance, cells);
            if (pretrainDir != null) {
                AnalysisCells.negativesChanged(pretrainDir.resolve("train/metrics.csv"), row, seed, profile,
                        pretrainingCorpus(plan),
                        runs.relativize(pretrainDir.resolve(StepRunner.PROVENANCE)).toString(), cells);
                List<org.masrrepro.harness.spec.AuxSpec> aux = plan.pretrain().aux();
                for (int i = 0; i < aux.size(); i++) {
                    if (!aux.get(i).stream().equals("language")) {
                        continue;
                    }
                    // Log names number the objectives in spec order, LASR as lasr<i>, MASR as masr<i>.
                    String name = (aux.get(i) instanceof org.masrrepro.harness.spec.LasrSpec ? "lasr" : "masr") + i;
                    AnalysisCells.auxAtMargin(pretrainDir.resolve("train/metrics.csv"), name, aux.get(i).lambda(),
                            aux.get(i).margin(), row, seed, profile, pretrainingCorpus(plan),
                            runs.relativize(pretrainDir.resolve(StepRunner.PROVENANCE)).toString(), cells);
                    break; // the first language stream: one cell per run
                }
            }
        }
    }

    /**
     * Table 3 cells of an ASR evaluation: WER per language (column = language code) and their average ("avg"), and
     * CER alike (not in the paper, but it still ranks models whose WER sits near 100%, as at cpu scale).
     */
    private static RunRecord writeAsr(Path out, ExperimentPlan plan, StepRunner runner) throws IOException {
        Path runs = runner.runsRoot();
        Path evalDir = runner.dirOf(plan.eval());
        ExperimentSpec spec = plan.spec();
        AsrReport m = GSON.fromJson(Files.readString(evalDir.resolve(AsrEvalStep.METRICS), StandardCharsets.UTF_8),
                AsrReport.class);
        String provenance = runs.relativize(evalDir.resolve(StepRunner.PROVENANCE)).toString();
        String corpus = plan.corpus().spec().label();
        String profile = plan.profile().id();
        String table = spec.report().table();
        String row = spec.report().row();
        List<ResultCell> cells = new ArrayList<>();
        // MLS columns are bare language codes, as in the paper's Table 3; other sets are prefixed (fillets/cs).
        String prefix = spec.report().dataset().equals("mls") ? "" : spec.report().dataset() + "/";
        for (AsrReport.Language l : m.languages()) {
            cells.add(new ResultCell(table, row, prefix + l.language(), "wer", l.wer(), spec.seed(), profile, corpus,
                    provenance));
        }
        cells.add(new ResultCell(table, row, prefix + "avg", "wer", m.averageWer(), spec.seed(), profile, corpus,
                provenance));
        for (AsrReport.Language l : m.languages()) {
            cells.add(new ResultCell(table, row, prefix + l.language(), "cer", l.cer(), spec.seed(), profile, corpus,
                    provenance));
        }
        cells.add(new ResultCell(table, row, prefix + "avg", "cer", m.averageCer(), spec.seed(), profile, corpus,
                provenance));
        RunRecord rec = new RunRecord(spec.id(), spec.describes(), profile, spec.seed(), corpus,
                runs.relativize(runner.dirOf(plan.corpus())).toString(), runs.relativize(evalDir).toString(), cells,
                asrCurves(plan, runner));
        AtomicFiles.writeString(out, GSON.toJson(rec) + "\n");
        return rec;
    }

    /** An ASR run's curves: its pretraining's, then each language's CTC fine-tuning ({@code fine-tuning (cs)}). */
    static java.util.Map<String, String> asrCurves(ExperimentPlan plan, StepRunner runner) {
        java.util.Map<String, String> out = pretrainingCurves(plan, runner);
        if (plan.eval() instanceof AsrEvalStep asr) {
            for (var model : asr.models()) {
                out.put("fine-tuning (" + model.language() + ")", runner.runsRoot()
                        .relativize(runner.dirOf(model).resolve("train/metrics.csv")).toString());
            }
        }
        return out;
    }

    /** The corpus the plan's (last) pretraining trained on: what a statistic of the pretraining is measured on. */
    static String pretrainingCorpus(ExperimentPlan plan) {
        return plan.pretrain().features().corpus().spec().label();
    }

    /**
     * The training logs of a plan's pretraining, base first: {@code pretraining}, then {@code continued pretraining}
     * for a continuation (LASR, MASR), so the report draws the base's curve too and names the continuation's as such.
     */
    static java.util.Map<String, String> pretrainingCurves(ExperimentPlan plan, StepRunner runner) {
        java.util.Deque<org.masrrepro.harness.steps.PretrainStep> chain = new java.util.ArrayDeque<>();
        for (var p = plan.pretrain(); p != null; p = p.base()) {
            chain.addFirst(p);
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        int i = 0;
        for (var p : chain) {
            String name = i == 0 ? "pretraining" : chain.size() > 2 ? "continued pretraining " + i
                    : "continued pretraining";
            out.put(name, runner.runsRoot().relativize(runner.dirOf(p).resolve("train/metrics.csv")).toString());
            i++;
        }
        return out;
    }

    public static ClassificationReport readMetrics(Path evalDir) throws IOException {
        return GSON.fromJson(Files.readString(evalDir.resolve(LidEvalStep.METRICS), StandardCharsets.UTF_8),
                ClassificationReport.class);
    }

    /** Every run record of a profile, sorted by spec id then seed. */
    public static List<RunRecord> readAll(Path runsRoot, Profile profile) throws IOException {
        Path dir = dir(runsRoot, profile);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RunRecord> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().equals("run.json")).toList()) {
                out.add(GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), RunRecord.class));
            }
        }
        out.sort(Comparator.comparing(RunRecord::spec).thenComparingLong(RunRecord::seed));
        return out;
    }
}
