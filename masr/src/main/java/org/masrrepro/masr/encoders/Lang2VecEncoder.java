package org.masrrepro.masr.encoders;

import org.masrrepro.datasets.metadata.Uriel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A language's lang2vec vector of one URIEL family (syntactic, phonological, inventory, genetic, featural). Cosine
 * distance on these vectors is ours: lang2vec's precomputed distances are not used, so values are not bit-identical
 * to lang2vec's distance files.
 */
public final class Lang2VecEncoder implements MetadataEncoder {

    private final Uriel uriel;
    private final Uriel.Family family;
    private final Map<String, float[]> cache = new HashMap<>();

    public Lang2VecEncoder(Uriel uriel, Uriel.Family family) {
        this.uriel = uriel;
        this.family = family;
    }

    @Override
    public String name() {
        return "lang2vec-" + family.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized float[] encode(String language) {
        return cache.computeIfAbsent(language, l -> {
            try {
                return MetadataEncoder.unit(uriel.vector(family, l));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).clone();
    }
}
