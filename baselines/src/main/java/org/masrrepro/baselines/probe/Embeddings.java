package org.masrrepro.baselines.probe;

import java.util.List;

/**
 * One fixed-size vector per utterance.
 *
 * @param ids     utterance ids, in the order of the feature set they came from
 * @param vectors {@code [utterance][dim]}
 */
public record Embeddings(List<String> ids, float[][] vectors) {

    public Embeddings {
        ids = List.copyOf(ids);
        if (ids.size() != vectors.length) {
            throw new IllegalArgumentException(ids.size() + " ids but " + vectors.length + " vectors");
        }
        for (float[] v : vectors) {
            if (vectors.length > 0 && v.length != vectors[0].length) {
                throw new IllegalArgumentException("vectors of different dimensions: " + v.length + " and " + vectors[0].length);
            }
        }
    }

    public int size() {
        return ids.size();
    }

    public int dim() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }
}
