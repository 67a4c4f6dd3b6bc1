package org.masrrepro.harness.steps;

import java.util.List;

/**
 * The metrics.json of an ASR evaluation: per-language word and character error rates (percent) and their
 * unweighted average over languages (the paper's "Avg" column of Table 3).
 *
 * @param split         evaluated split
 * @param normalization transcript normalisation applied to references and hypotheses
 * @param languages     one entry per language, in the corpus's language order
 * @param averageWer    mean of the per-language WERs
 * @param averageCer    mean of the per-language CERs
 */
public record AsrReport(String split, String normalization, List<Language> languages, double averageWer,
        double averageCer) {

    /**
     * Errors of one language (S, D, I counted by the sclite-weighted alignment of reports/wer/WordErrorRate).
     *
     * @param cer character error rate over characters including spaces
     */
    public record Language(String language, int utterances, long referenceWords, long substitutions,
            long deletions, long insertions, double wer, long referenceChars, double cer) {}
}
