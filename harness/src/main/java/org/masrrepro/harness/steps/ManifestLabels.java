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

/** Class labels from a corpus manifest: an utterance's {@code language}, or its task {@code label}. */
final class ManifestLabels {

    private final Map<String, String> byId;
    private final String target;
    private final Path manifest;

    private ManifestLabels(Map<String, String> byId, String target, Path manifest) {
        this.byId = byId;
        this.target = target;
        this.manifest = manifest;
    }

    /** Reads the manifest of {@code corpusData} once; {@code target} is "language" or "label". */
    static ManifestLabels read(Path corpusData, String target) throws IOException {
        Path manifest = corpusData.resolve("manifest.csv");
        Map<String, String> byId = new HashMap<>();
        for (Utterance u : Manifest.read(manifest)) {
            byId.put(u.id(), target.equals("language") ? u.language() : u.label());
        }
        return new ManifestLabels(byId, target, manifest);
    }

    /** The utterance's label; an utterance without one is an error naming the manifest. */
    String of(String id) {
        String l = byId.get(id);
        if (l == null || l.isEmpty()) {
            throw new IllegalStateException("utterance " + id + " has no " + target + " in " + manifest);
        }
        return l;
    }

    /** The sorted distinct labels of the utterances in {@code sets}; fewer than 2 is an error. */
    List<String> classes(FeatureSet... sets) {
        TreeSet<String> names = new TreeSet<>();
        for (FeatureSet set : sets) {
            for (int i = 0; i < set.size(); i++) {
                names.add(of(set.id(i)));
            }
        }
        if (names.size() < 2) {
            throw new IllegalStateException("a task needs at least 2 classes of " + target + ", found " + names
                    + " in " + manifest);
        }
        return new ArrayList<>(names);
    }

    /** Class indices of {@code set}'s utterances into {@code classes}; a label outside them is an error. */
    int[] indices(FeatureSet set, List<String> classes) {
        int[] y = new int[set.size()];
        for (int i = 0; i < y.length; i++) {
            String l = of(set.id(i));
            y[i] = classes.indexOf(l);
            if (y[i] < 0) {
                throw new IllegalStateException("utterance " + set.id(i) + " has " + target + " " + l
                        + " outside the classes " + classes + " (" + manifest + ")");
            }
        }
        return y;
    }
}
