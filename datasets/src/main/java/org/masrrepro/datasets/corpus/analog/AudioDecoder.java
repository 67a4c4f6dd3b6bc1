package org.masrrepro.datasets.corpus.analog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a compressed audio file (Ogg Vorbis here) as 16 kHz mono samples. {@link SoxDecoder} is the implementation
 * for now; a pure-Java decoder can replace it without changing the corpora.
 */
@FunctionalInterface
public interface AudioDecoder {

    /** The file's audio, downmixed to mono and resampled to 16 kHz; errors name the file. */
    float[] read16k(Path file) throws IOException;

    /** Debian packages the decoder needs (for the corpus card's version table). */
    default java.util.List<String> debianPackages() {
        return java.util.List.of();
    }
}
