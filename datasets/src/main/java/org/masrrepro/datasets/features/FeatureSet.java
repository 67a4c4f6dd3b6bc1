package org.masrrepro.datasets.features;

/**
 * A read-only, indexed set of per-utterance feature matrices ({@code frames x dim}), e.g. cached log-mels.
 *
 * <p>Implementations may read lazily from disk; callers must not mutate the returned arrays.
 */
public interface FeatureSet {

    /** Number of utterances. */
    int size();

    /** Feature dimension (e.g. 80 mel bins). */
    int dim();

    /** Utterance id of item {@code i} (as in the corpus manifest). */
    String id(int i);

    /** Number of frames of item {@code i}, without reading its features. */
    int numFrames(int i);

    /** Features of item {@code i} as {@code [frames][dim]}. */
    float[][] frames(int i);
}
