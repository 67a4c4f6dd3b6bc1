package org.masrrepro.harness.steps;

import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.lid.LidModel;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.reports.metrics.ClassificationMetrics;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.results.ClassificationOutputs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Scores a split with the fine-tuned LID model: metrics.json, per-utterance scores.csv, confusion.csv. */
public final class LidEvalStep implements Step {

    public static final String METRICS = "metrics.json";

    private final LidFinetuneStep model;
    private final String split;

    public LidEvalStep(LidFinetuneStep model, String split) {
        this.model = model;
        this.split = split;
    }

    @Override
    public String kind() {
        return "eval";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String title() {
        return "lid on " + split;
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.addProperty("task", "lid");
        o.addProperty("split", split);
        JsonArray ov = new JsonArray();
        overlapped().forEach(ov::add);
        o.add("overlapped", ov);
        return o;
    }

    private List<String> overlapped() {
        return model.features().corpus().spec().overlapped();
    }

    @Override
    public List<Step> dependencies() {
        return List.of(model, model.features());
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        FeatureStep features = model.features();
        FeatureSet set = FeatureStep.open(ctx.dirOf(features), split);
        ctx.recordInputHash(split + ".feats", Hashes.sha256(FeatureStep.file(ctx.dirOf(features), split)));
        List<String> classes = model.classes();
        int[] truth = LidLabels.of(set, CorpusStep.dataDir(ctx.dirOf(features.corpus())), classes);
        float[][] scores;
        try (LidModel m = LidModel.load(LidFinetuneStep.finalCheckpoint(ctx.dirOf(model)),
                Configs.encoder(model.encoder(), set.dim()), classes.size(), ctx.device())) {
            scores = m.logProbabilities(set, ctx.progress());
        }
        ClassificationReport report = ClassificationMetrics.evaluate(truth, scores, classes,
                new HashSet<>(overlapped()));
        List<String> ids = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            ids.add(set.id(i));
        }
        ClassificationOutputs.writeScores(ctx.dir().resolve("scores.csv"), ids, truth, classes, scores);
        ClassificationOutputs.writeConfusion(ctx.dir().resolve("confusion.csv"), classes, report.confusion());
        String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                .toJson(report);
        AtomicFiles.writeString(ctx.dir().resolve(METRICS), json + "\n");
        ctx.recordOutputHash(METRICS, Hashes.sha256(ctx.dir().resolve(METRICS)));
        ctx.recordOutputHash("scores.csv", Hashes.sha256(ctx.dir().resolve("scores.csv")));
        ctx.recordMeasurement("utterances", set.size());
        ctx.recordMeasurement("accuracy", report.accuracy());
    }
}
