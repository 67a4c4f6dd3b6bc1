package org.masrrepro.harness.steps;

import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.text.TranscriptNormalizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One language's utterances of a feature set, with their normalised transcripts from the corpus manifest. */
final class AsrData implements FeatureSet {

    /** Recorded in step inputs, so a change of {@link TranscriptNormalizer} invalidates ASR outputs. */
    static final String NORMALIZATION = "nfc, lower case, punctuation except word-internal apostrophes, collapsed whitespace (v1)";

    private final FeatureSet set;
    private final int[] items;
    private final List<String> transcripts;

    private AsrData(FeatureSet set, int[] items, List<String> transcripts) {
        this.set = set;
        this.items = items;
        this.transcripts = transcripts;
    }

    /** Utterances of {@code language} in {@code set}; each must have a transcript in the manifest. */
    static AsrData of(FeatureSet set, Path corpusData, String language) throws IOException {
        Path manifest = corpusData.resolve("manifest.csv");
        Map<String, Utterance> byId = new HashMap<>();
        for (Utterance u : Manifest.read(manifest)) {
            byId.put(u.id(), u);
        }
        List<Integer> keep = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Utterance u = byId.get(set.id(i));
            if (u == null) {
                throw new IllegalStateException("utterance " + set.id(i) + " of the features is not in " + manifest);
            }
            if (!u.language().equals(language)) {
                continue;
            }
            if (u.transcript() == null) {
                throw new IllegalStateException("utterance " + u.id() + " has no transcript in " + manifest
                        + "; ASR needs a corpus with transcripts");
            }
            keep.add(i);
            texts.add(TranscriptNormalizer.normalize(u.transcript()));
        }
        return new AsrData(set, keep.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(texts));
    }

    /** Normalised transcript of item {@code i}. */
    String transcript(int i) {
        return transcripts.get(i);
    }

    List<String> transcripts() {
        return transcripts;
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public int dim() {
        return set.dim();
    }

    @Override
    public String id(int i) {
        return set.id(items[i]);
    }

    @Override
    public int numFrames(int i) {
        return set.numFrames(items[i]);
    }

    @Override
    public float[][] frames(int i) {
        return set.frames(items[i]);
    }
}
