package org.masrrepro.harness.steps;

import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.features.FeatureSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Task labels (the manifest's {@code label}) of feature sets, as class indices; classes sorted by name. */
final class TaskLabels {

    private TaskLabels() {}

    /** The sorted distinct labels of the utterances in {@code sets}; an utterance without a label is an error. */
    static List<String> classes(Path corpusData, FeatureSet... sets) throws IOException {
        Map<String, String> byId = labels(corpusData);
        TreeSet<String> names = new TreeSet<>();
        for (FeatureSet set : sets) {
            for (int i = 0; i < set.size(); i++) {
                names.add(label(byId, set.id(i), corpusData));
            }
        }
        if (names.size() < 2) {
            throw new IllegalStateException("a task needs at least 2 classes of label, found " + names + " in "
                    + corpusData.resolve("manifest.csv"));
        }
        return new ArrayList<>(names);
    }

    static int[] of(FeatureSet set, Path corpusData, List<String> classes) throws IOException {
        Map<String, String> byId = labels(corpusData);
        int[] y = new int[set.size()];
        for (int i = 0; i < y.length; i++) {
            String l = label(byId, set.id(i), corpusData);
            y[i] = classes.indexOf(l);
            if (y[i] < 0) {
                throw new IllegalStateException("utterance " + set.id(i) + " has label " + l + " outside the classes "
                        + classes + " (manifest " + corpusData.resolve("manifest.csv") + ")");
            }
        }
        return y;
    }

    private static Map<String, String> labels(Path corpusData) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (Utterance u : Manifest.read(corpusData.resolve("manifest.csv"))) {
            out.put(u.id(), u.label());
        }
        return out;
    }

    private static String label(Map<String, String> byId, String id, Path corpusData) {
        String l = byId.get(id);
        if (l == null || l.isEmpty()) {
            throw new IllegalStateException("utterance " + id + " has no label in " + corpusData.resolve("manifest.csv"));
        }
        return l;
    }
}
