package org.masrrepro.datasets.util;

/** Receives progress of long work (corpus building, feature extraction, training) so the CLI can show step, loss and ETA. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (phase, done, total, loss, etaSeconds) -> {};

    /**
     * Reports progress.
     *
     * @param phase      short name of the work, e.g. {@code "pretrain"}
     * @param done       units done so far (steps, utterances)
     * @param total      units in all
     * @param loss       current loss, or {@code Double.NaN} when not applicable
     * @param etaSeconds estimated seconds left, or {@code Double.NaN} when unknown
     */
    void onProgress(String phase, long done, long total, double loss, double etaSeconds);
}
