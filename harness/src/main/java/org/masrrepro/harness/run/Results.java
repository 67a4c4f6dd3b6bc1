package org.masrrepro.harness.run;

import org.masrrepro.datasets.util.AtomicFiles;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.steps.LidEvalStep;
import org.masrrepro.harness.steps.StepRunner;
import org.masrrepro.reports.metrics.ClassificationReport;
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

    /** Reads the evaluation of a finished plan, writes its run record and returns it. */
    public static RunRecord record(ExperimentPlan plan, StepRunner runner) throws IOException {
        ExperimentSpec spec = plan.spec();
        Path runs = runner.runsRoot();
        Path evalDir = runner.dirOf(plan.eval());
        ClassificationReport m = readMetrics(evalDir);
        String provenance = runs.relativize(evalDir.resolve(StepRunner.PROVENANCE)).toString();
        String ds = spec.report().dataset();
        String row = spec.report().row();
        String table = spec.report().table();
        String corpus = spec.corpus().label();
        List<ResultCell> cells = new ArrayList<>();
        cells.add(new ResultCell(table, row, ds + "/O", "acc", m.accuracyOverlapped(), spec.seed(), plan.profile().id(), corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/NO", "acc", m.accuracyNonOverlapped(), spec.seed(), plan.profile().id(), corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/all", "acc", m.accuracy(), spec.seed(), plan.profile().id(), corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/all", "f1", m.macroF1(), spec.seed(), plan.profile().id(), corpus, provenance));
        cells.add(new ResultCell(table, row, ds + "/all", "eer", m.eer(), spec.seed(), plan.profile().id(), corpus, provenance));
        RunRecord rec = new RunRecord(spec.id(), spec.describes(), plan.profile().id(), spec.seed(), corpus,
                runs.relativize(runner.dirOf(plan.corpus())).toString(), runs.relativize(evalDir).toString(), cells);
        Path out = dir(runs, plan.profile()).resolve(spec.id()).resolve("seed-" + spec.seed()).resolve("run.json");
        AtomicFiles.writeString(out, GSON.toJson(rec) + "\n");
        return rec;
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
