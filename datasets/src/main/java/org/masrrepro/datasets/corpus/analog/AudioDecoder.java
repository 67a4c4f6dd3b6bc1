package org.masrrepro.datasets.corpus.analog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a compressed audio file (Ogg Vorbis here) as 16 kHz mono samples. {@link #JAVA} (jorbis, the loaders' own
 * decoder) is the analogs' default: on the Fish Fillets recordings it agrees with libvorbis via {@link SoxDecoder}
 * within 2.3e-5 except where the decoded signal exceeds full scale, which sox clips to +-1 and jorbis keeps (the WAV
 * writer clips it later), and it does not depend on the sox build. The id goes into each corpus's parameters, so a
 * different decoder rebuilds.
 */
@FunctionalInterface
public interface AudioDecoder {

    /** Pure-Java Ogg Vorbis (jorbis) / FLAC / WAV decoding, downmix and resampling of the real-corpus loaders. */
    AudioDecoder JAVA = named("java-audiofiles", List.of(), org.masrrepro.datasets.audio.AudioFiles::read16k);

    /** The file's audio, downmixed to mono and resampled to 16 kHz; errors name the file. */
    float[] read16k(Path file) throws IOException;

    /** Stable name recorded in the corpus parameters (a lambda's class name is not stable: use {@link #named}). */
    default String id() {
        return getClass().getName();
    }

    /** Debian packages the decoder needs (for the corpus card's version table). */
    default List<String> debianPackages() {
        return List.of();
    }

    /** A decoder with a stable id and the Debian packages it needs. */
    static AudioDecoder named(String id, List<String> debianPackages, AudioDecoder read) {
        return new AudioDecoder() {
            @Override
            public float[] read16k(Path file) throws IOException {
                return read.read16k(file);
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public List<String> debianPackages() {
                return List.copyOf(debianPackages);
            }

            @Override
            public String toString() {
                return id;
            }
        };
    }
}
