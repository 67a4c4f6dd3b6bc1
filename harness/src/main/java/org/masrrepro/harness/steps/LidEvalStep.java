package org.masrrepro.harness.steps;

import org.masrrepro.datasets.util.Hashes;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.lid.LidModel;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.features.FeatureSet;

import java.nio.file.Path;
import java.util.List;

/** Scores a split with the fine-tuned LID model: metrics.json, per-utterance scores.csv, confusion.csv. */
public final class LidEvalStep implements Step {

    public static final String METRICS = LidOutputs.METRICS;

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
        int[] truth = ManifestLabels.read(CorpusStep.dataDir(ctx.dirOf(features.corpus())), "language").indices(set, classes);
        set = EncoderInput.of(set, model.encoder(), ctx.dirOf(model.pretrain()), ctx);
        float[][] scores;
        try (LidModel m = LidModel.load(LidFinetuneStep.finalCheckpoint(ctx.dirOf(model)),
                Configs.encoder(model.encoder(), set.dim()), classes.size(), ctx.device())) {
            scores = m.logProbabilities(set, ctx.progress());
        }
        LidOutputs.write(ctx, set, truth, classes, scores, overlapped());
    }
}
