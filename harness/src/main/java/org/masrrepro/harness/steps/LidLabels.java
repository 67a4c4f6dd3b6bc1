package org.masrrepro.harness.steps;

import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.features.FeatureSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Language labels of a feature set, as class indices into the spec's language list. */
final class LidLabels {

    private LidLabels() {}

    static int[] of(FeatureSet set, Path corpusData, List<String> classes) throws IOException {
        Map<String, String> languageById = new HashMap<>();
        for (Utterance u : Manifest.read(corpusData.resolve("manifest.csv"))) {
            languageById.put(u.id(), u.language());
        }
        int[] labels = new int[set.size()];
        for (int i = 0; i < labels.length; i++) {
            String lang = languageById.get(set.id(i));
            int c = lang == null ? -1 : classes.indexOf(lang);
            if (c < 0) {
                throw new IllegalStateException("utterance " + set.id(i) + " has language " + lang
                        + " outside the classes " + classes + " (manifest " + corpusData.resolve("manifest.csv") + ")");
            }
            labels[i] = c;
        }
        return labels;
    }
}
