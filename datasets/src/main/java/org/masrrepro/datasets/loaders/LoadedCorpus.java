package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.nio.file.Path;
import java.util.List;

/**
 * What a loader read from a real corpus: the manifest rows, the files it skipped, and notes for the corpus card.
 *
 * @param format     the loader's format name (e.g. {@code fleurs_hf})
 * @param root       the corpus root directory as given
 * @param utterances manifest rows; {@code audioPath} is relative to {@code root} (see {@link #withAbsolutePaths()})
 * @param badFiles   files skipped because they were missing or undecodable (empty unless skipping was asked for)
 * @param notes      facts about how the rows were made (split rule, dropped labels...), one line each
 */
public record LoadedCorpus(String format, Path root, List<Utterance> utterances, List<BadFile> badFiles,
        List<String> notes) {

    public LoadedCorpus {
        utterances = List.copyOf(utterances);
        badFiles = List.copyOf(badFiles);
        notes = List.copyOf(notes);
    }

    /** The same rows with absolute, normalized audio paths, for a manifest written outside the corpus root. */
    public List<Utterance> withAbsolutePaths() {
        Path abs = root.toAbsolutePath().normalize();
        return utterances.stream().map(u -> Rows.withAudioPath(u, abs.resolve(u.audioPath()).normalize().toString()))
                .toList();
    }

    /** Total audio in hours (16 kHz samples). */
    public double hours() {
        return utterances.stream().mapToLong(Utterance::numSamples).sum() / 16000.0 / 3600;
    }
}
