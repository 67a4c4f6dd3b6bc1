package org.masrrepro.harness.steps;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.floor.PooledStatsClassifier;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.metrics.CloseGroups;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The corpus's non-learned floor for language ID: pooled log-mel mean and std + logistic regression, trained on the
 * train split and scored on the evaluated split; also writes {@code floor.md} for the corpus card.
 */
public final class FloorStep implements Step {

    /** Fixed settings of the floor classifier (part of the step's identity). */
    static final int ITERATIONS = 300;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-3;

    private final FeatureStep features;
    private final List<String> classes;
    private final String split;

    public FloorStep(FeatureStep features, List<String> classes, String split) {
        this.features = features;
        this.classes = List.copyOf(classes);
        this.split = split;
    }

    public FeatureStep features() {
        return features;
    }

    @Override
    public String kind() {
        return "floor";
    }

    @Override
    public int version() {
        return 2; // floor.md gained the close-group table
    }

    @Override
    public String title() {
        return "log-mel statistics + logistic regression on " + split;
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.addProperty("method", "pooled log-mel mean+std, standardised, multinomial logistic regression");
        o.addProperty("iterations", ITERATIONS);
        o.addProperty("learning_rate", LEARNING_RATE);
        o.addProperty("l2", L2);
        JsonArray c = new JsonArray();
        classes.forEach(c::add);
        o.add("classes", c);
        o.addProperty("split", split);
        return o;
    }

    @Override
    public List<Step> dependencies() {
        return List.of(features);
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        java.nio.file.Path corpusData = CorpusStep.dataDir(ctx.dirOf(features.corpus()));
        FeatureSet train = FeatureStep.open(ctx.dirOf(features), "train");
        FeatureSet test = FeatureStep.open(ctx.dirOf(features), split);
        PooledStatsClassifier clf = new PooledStatsClassifier(ITERATIONS, LEARNING_RATE, L2)
                .fit(train, LidLabels.of(train, corpusData, classes), classes.size());
        int[] truth = LidLabels.of(test, corpusData, classes);
        List<String> overlapped = features.corpus().spec().overlapped();
        ClassificationReport r = LidOutputs.write(ctx, test, truth, classes, clf.logProbabilities(test), overlapped);
        StringBuilder md = new StringBuilder("\n## Non-learned floor\n\nPooled log-mel mean and std per utterance, "
                + "standardised, multinomial logistic regression (" + ITERATIONS + " full-batch iterations, L2 " + L2
                + "), trained on train, scored on " + split + ". What pretraining adds is measured against this.\n\n");
        md.append(String.format(Locale.ROOT, "| accuracy | overlapped | non-overlapped | macro-F1 | EER |%n"
                + "|---:|---:|---:|---:|---:|%n| %.1f | %.1f | %.1f | %.1f | %.1f |%n%n", r.accuracy(),
                r.accuracyOverlapped(), r.accuracyNonOverlapped(), r.macroF1(), r.eer()));
        Map<String, CloseGroups.GroupAccuracy> groups = CloseGroups.evaluate(r.confusion(), classes, CloseGroups.PAPER);
        if (!groups.isEmpty()) {
            md.append("Close language groups (accuracy over the group's test utterances; 'within' = labelled as "
                    + "another member of the group):\n\n| group | languages | utterances | accuracy % | within % |\n"
                    + "|---|---|---:|---:|---:|\n");
            groups.forEach((name, g) -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f |%n", name,
                    String.join(", ", g.languages()), g.utterances(), g.accuracy(), g.confusedWithinGroup())));
            md.append("\n");
            Map<String, Double> acc = new java.util.LinkedHashMap<>();
            groups.forEach((name, g) -> acc.put(name, g.accuracy()));
            ctx.recordMeasurement("group_accuracy", acc);
        }
        md.append("| language | recall % |\n|---|---:|\n");
        r.recallPerClass().forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", k, v)));
        AtomicFiles.writeString(ctx.dir().resolve("floor.md"), md.toString());
    }
}
