package org.masrrepro.datasets.corpus;

/**
 * One row of a corpus manifest: an audio file and its labels (the metadata MASR streams may use).
 *
 * @param id          unique utterance id, stable across rebuilds
 * @param split       {@code pretrain}, {@code train}, {@code dev} or {@code test}
 * @param language    ISO 639-1 code where one exists, else ISO 639-3
 * @param speaker     speaker id, unique across the corpus
 * @param gender      {@code M}, {@code F} or empty when unknown
 * @param sentenceId  id of the (parallel) sentence, shared across languages; empty when unknown
 * @param transcript  the spoken text; empty when unknown
 * @param audioPath   path of the audio (WAV, FLAC or Ogg Vorbis, read through AudioFiles at 16 kHz), relative to
 *                    the corpus directory, or absolute (manifests of real corpora point into the corpus as distributed)
 * @param numSamples  number of samples at 16 kHz
 * @param overlapped  whether the language is in the pretraining corpus
 * @param label       the task's class label for non-language tasks (emotion, spoof key, sound class...); empty for
 *                    language ID, whose label is {@code language}
 * @param latitude    the speaker's location in degrees, NaN when unknown
 * @param longitude   the speaker's location in degrees, NaN when unknown
 */
public record Utterance(
        String id,
        String split,
        String language,
        String speaker,
        String gender,
        String sentenceId,
        String transcript,
        String audioPath,
        int numSamples,
        boolean overlapped,
        String label,
        double latitude,
        double longitude) {

    /** A language-ID or ASR row: no task label, location unknown. */
    public Utterance(String id, String split, String language, String speaker, String gender, String sentenceId,
            String transcript, String audioPath, int numSamples, boolean overlapped) {
        this(id, split, language, speaker, gender, sentenceId, transcript, audioPath, numSamples, overlapped, "",
                Double.NaN, Double.NaN);
    }

    /** Whether the speaker's location is known. */
    public boolean hasLocation() {
        return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }
}
