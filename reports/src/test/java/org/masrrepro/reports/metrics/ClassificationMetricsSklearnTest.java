package org.masrrepro.reports.metrics;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our metrics equal scikit-learn's on a stored fixture (200 utterances x 7 classes, reports/scripts/make_sklearn_fixture.py). */
class ClassificationMetricsSklearnTest {

    @Test
    void matchesScikitLearn() throws IOException {
        JsonObject ref;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/sklearn_metrics.json")) {
            ref = new Gson().fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonObject.class);
        }
        List<String> classes = strings(ref.getAsJsonArray("classes"));
        Set<String> overlapped = new HashSet<>(strings(ref.getAsJsonArray("overlapped")));
        JsonArray t = ref.getAsJsonArray("truth");
        JsonArray s = ref.getAsJsonArray("scores");
        int[] truth = new int[t.size()];
        float[][] scores = new float[t.size()][];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = t.get(i).getAsInt();
            JsonArray row = s.get(i).getAsJsonArray();
            scores[i] = new float[row.size()];
            for (int c = 0; c < row.size(); c++) {
                scores[i][c] = row.get(c).getAsFloat();
            }
        }
        assertEquals(200, truth.length);
        assertEquals(7, classes.size());

        ClassificationReport r = ClassificationMetrics.evaluate(truth, scores, classes, overlapped);
        assertEquals(ref.get("accuracy").getAsDouble(), r.accuracy(), 1e-6);
        assertEquals(ref.get("accuracy_overlapped").getAsDouble(), r.accuracyOverlapped(), 1e-6);
        assertEquals(ref.get("accuracy_non_overlapped").getAsDouble(), r.accuracyNonOverlapped(), 1e-6);
        assertEquals(ref.get("macro_f1").getAsDouble(), r.macroF1(), 1e-6);
        assertEquals(ref.get("eer").getAsDouble(), r.eer(), 1e-3);
        JsonArray conf = ref.getAsJsonArray("confusion");
        JsonArray recall = ref.getAsJsonArray("recall");
        for (int a = 0; a < classes.size(); a++) {
            for (int b = 0; b < classes.size(); b++) {
                assertEquals(conf.get(a).getAsJsonArray().get(b).getAsInt(), r.confusion()[a][b], "confusion " + a + "," + b);
            }
            assertEquals(recall.get(a).getAsDouble(), r.recallPerClass().get(classes.get(a)), 1e-6);
        }
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
