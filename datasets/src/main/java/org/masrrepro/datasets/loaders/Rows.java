package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

/** Copies of manifest rows with one field changed (Utterance is an immutable record). */
final class Rows {

    private Rows() {}

    /** A row whose sample count is still unknown (filled in when its audio is decoded). */
    static Utterance row(String id, String split, String language, String speaker, String gender, String sentenceId,
            String transcript, String audioPath, String label) {
        return new Utterance(id, split, language, speaker, gender, sentenceId, transcript, audioPath, 0, false, label,
                Double.NaN, Double.NaN);
    }

    static Utterance withAudioPath(Utterance u, String audioPath) {
        return new Utterance(u.id(), u.split(), u.language(), u.speaker(), u.gender(), u.sentenceId(), u.transcript(),
                audioPath, u.numSamples(), u.overlapped(), u.label(), u.latitude(), u.longitude());
    }

    static Utterance withSplit(Utterance u, String split) {
        return new Utterance(u.id(), split, u.language(), u.speaker(), u.gender(), u.sentenceId(), u.transcript(),
                u.audioPath(), u.numSamples(), u.overlapped(), u.label(), u.latitude(), u.longitude());
    }

    static Utterance withSamplesAndOverlap(Utterance u, int numSamples, boolean overlapped) {
        return new Utterance(u.id(), u.split(), u.language(), u.speaker(), u.gender(), u.sentenceId(), u.transcript(),
                u.audioPath(), numSamples, overlapped, u.label(), u.latitude(), u.longitude());
    }

    /** M, F or empty from the spellings corpora use (MALE, female, m...); anything else is {@code null}. */
    static String gender(String g) {
        return switch (g.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "m", "male", "man" -> "M";
            case "f", "female", "woman" -> "F";
            case "", "other", "unknown", "u", "n/a", "na", "-" -> "";
            default -> null;
        };
    }
}
