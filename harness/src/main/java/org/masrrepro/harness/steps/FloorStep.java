package org.masrrepro.harness.steps;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.floor.PooledStatsClassifier;
import org.masrrepro.baselines.probe.LinearProbe;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.reports.metrics.ClassificationMetrics;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.metrics.CloseGroups;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The corpus's non-learned floor: pooled log-mel mean and std + logistic regression, trained on the train split and
 * scored on the evaluated split, for language ID (Table 1, and language-ID probes of Table 2) or a task label (the
 * other Table 2 tasks); writes {@code floor.md} for the corpus card and {@code probe.json} (UAR, binary EER) as a
 * linear probe does, so Table 2 reads both alike.
 */
public final class FloorStep implements Step {

    /** Fixed settings of the floor classifier (part of the step's identity). */
    static final int ITERATIONS = 300;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-3;

    private final FeatureStep features;
    private final List<String> classes;
    private final String split;
    private final boolean taskLabel;

    /** Language-ID floor over {@code classes} (the corpus's languages). */
    public FloorStep(FeatureStep features, List<String> classes, String split) {
        this(features, classes, split, false);
    }

    private FloorStep(FeatureStep features, List<String> classes, String split, boolean taskLabel) {
        this.features = features;
        this.classes = List.copyOf(classes);
        this.split = split;
        this.taskLabel = taskLabel;
    }

    /** Floor of a task whose class is the manifest's {@code label} (classes: the labels found, sorted). */
    public static FloorStep ofTaskLabel(FeatureStep features, String split) {
        return new FloorStep(features, List.of(), split, true);
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
        if (taskLabel) { // only then, so the language floors keep their identity
            o.addProperty("target", "label");
        }
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
        ManifestLabels labels = ManifestLabels.read(corpusData, taskLabel ? "label" : "language");
        List<String> classes = taskLabel ? labels.classes(train, test) : this.classes;
        int[] trainY = labels.indices(train, classes);
        int[] truth = labels.indices(test, classes);
        PooledStatsClassifier clf = new PooledStatsClassifier(ITERATIONS, LEARNING_RATE, L2)
                .fit(train, trainY, classes.size());
        List<String> overlapped = taskLabel ? List.of() : features.corpus().spec().overlapped();
        float[][] scores = clf.logProbabilities(test);
        ClassificationReport r = LidOutputs.write(ctx, test, truth, classes, scores, overlapped);
        double[] probe = writeProbeFigures(ctx, truth, scores, classes.size());
        StringBuilder md = new StringBuilder("\n## Non-learned floor" + (taskLabel ? " (task label)" : "")
                + "\n\nPooled log-mel mean and std per utterance, "
                + "standardised, multinomial logistic regression (" + ITERATIONS + " full-batch iterations, L2 " + L2
                + "), trained on train, scored on " + split + ". What pretraining adds is measured against this.\n\n");
        // A task label (Table 2) has no overlapped languages, and its table's EER is the binary one of the probes:
        // the pooled one-vs-rest EER of language ID is named as such so the card and the table do not seem to disagree.
        if (taskLabel) {
            md.append(String.format(Locale.ROOT, "| accuracy | UAR | macro-F1 | EER, pooled one-vs-rest | EER, binary "
                    + "(Table 2's) |%n|---:|---:|---:|---:|---:|%n| %s | %s | %s | %s | %s |%n%n", pct(r.accuracy()),
                    pct(probe[0]), pct(r.macroF1()), pct(r.eer()), pct(probe[1])));
        } else {
            md.append(String.format(Locale.ROOT, "| accuracy | overlapped | non-overlapped | macro-F1 | EER, pooled "
                    + "one-vs-rest |%n|---:|---:|---:|---:|---:|%n| %s | %s | %s | %s | %s |%n%n", pct(r.accuracy()),
                    pct(r.accuracyOverlapped()), pct(r.accuracyNonOverlapped()), pct(r.macroF1()), pct(r.eer())));
        }
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

    /** A percentage to one decimal; "n/a" for NaN (no overlapped language, no binary EER). */
    private static String pct(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.1f", x);
    }

    /**
     * UAR and, for two classes, the EER of class 1's probability, in {@link ProbeStep#PROBE} as a probe writes them;
     * returns {UAR, binary EER (NaN unless two classes)}.
     */
    private static double[] writeProbeFigures(StepContext ctx, int[] truth, float[][] scores, int numClasses)
            throws java.io.IOException {
        int[] pred = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            for (int k = 1; k < numClasses; k++) {
                if (scores[i][k] > scores[i][pred[i]]) {
                    pred[i] = k;
                }
            }
        }
        JsonObject out = new JsonObject();
        out.addProperty("probe", "non-learned floor (pooled log-mel statistics + logistic regression)");
        double uar = 100 * LinearProbe.uar(truth, pred, numClasses);
        out.addProperty("test_uar", uar);
        double binaryEer = Double.NaN;
        if (numClasses == 2) {
            double[] class1 = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                class1[i] = scores[i][1];
            }
            binaryEer = ClassificationMetrics.binaryEer(truth, class1);
        }
        out.addProperty("test_binary_eer", binaryEer);
        AtomicFiles.writeString(ctx.dir().resolve(ProbeStep.PROBE), new com.google.gson.GsonBuilder()
                .setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(out) + "\n");
        ctx.recordOutputHash(ProbeStep.PROBE, org.masrrepro.datasets.util.Hashes.sha256(ctx.dir().resolve(ProbeStep.PROBE)));
        ctx.recordMeasurement("test_uar", uar);
        return new double[] {uar, binaryEer};
    }
}
