package org.masrrepro.harness.steps;

import com.google.gson.GsonBuilder;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.reports.metrics.ClassificationMetrics;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.results.ClassificationOutputs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Writes a language-ID evaluation: metrics.json, per-utterance scores.csv and confusion.csv, hashed in provenance. */
final class LidOutputs {

    static final String METRICS = "metrics.json";

    private LidOutputs() {}

    static ClassificationReport write(StepContext ctx, FeatureSet set, int[] truth, List<String> classes,
            float[][] scores, List<String> overlapped) throws IOException {
        ClassificationReport report = ClassificationMetrics.evaluate(truth, scores, classes, new HashSet<>(overlapped));
        List<String> ids = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            ids.add(set.id(i));
        }
        ClassificationOutputs.writeScores(ctx.dir().resolve("scores.csv"), ids, truth, classes, scores);
        ClassificationOutputs.writeConfusion(ctx.dir().resolve("confusion.csv"), classes, report.confusion());
        String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(report);
        AtomicFiles.writeString(ctx.dir().resolve(METRICS), json + "\n");
        ctx.recordOutputHash(METRICS, Hashes.sha256(ctx.dir().resolve(METRICS)));
        ctx.recordOutputHash("scores.csv", Hashes.sha256(ctx.dir().resolve("scores.csv")));
        ctx.recordMeasurement("utterances", set.size());
        ctx.recordMeasurement("accuracy", report.accuracy());
        return report;
    }
}
