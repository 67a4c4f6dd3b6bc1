package org.masrrepro.datasets.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads WAV, FLAC and Ogg Vorbis files to mono float samples, resampled to 16 kHz with {@link Resampler}. The
 * format is recognized from the file's first bytes, not its name. Every failure (missing, truncated, corrupt,
 * unsupported) is an IOException naming the file and the reason.
 */
public final class AudioFiles {

    /** The rate every corpus manifest and feature extractor works at. */
    public static final int RATE = 16000;

    /** Audio containers this class decodes. */
    public enum Format { WAV, FLAC, OGG_VORBIS }

    private AudioFiles() {}

    /** 16 kHz mono samples of a WAV, FLAC or Ogg Vorbis file (multi-channel audio downmixed by mean). */
    public static float[] read16k(Path file) throws IOException {
        return read(file, RATE).samples();
    }

    /** The file's samples resampled to {@code rate} Hz (unchanged when the file already has that rate). */
    public static AudioClip read(Path file, int rate) throws IOException {
        AudioClip clip = read(file);
        if (clip.sampleRate() == rate) {
            return clip;
        }
        return new AudioClip(Resampler.resample(clip.samples(), clip.sampleRate(), rate), rate);
    }

    /** The file's mono samples at its own sample rate. */
    public static AudioClip read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": audio file is missing", e);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": audio file is not readable (permission denied)", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read audio file: " + e.getMessage(), e);
        }
        String name = file.toString();
        Format format = detect(bytes, name);
        return switch (format) {
            case WAV -> Wav.decode(bytes, name);
            case FLAC -> Flac.decode(id3Size(bytes) == 0 ? bytes
                    : java.util.Arrays.copyOfRange(bytes, Math.min(id3Size(bytes), bytes.length), bytes.length), name);
            case OGG_VORBIS -> OggVorbis.decode(bytes, name);
        };
    }

    /** The container of {@code bytes} from its magic number; an empty or unknown file is an IOException naming it. */
    public static Format detect(byte[] bytes, String sourceName) throws IOException {
        if (bytes.length == 0) {
            throw new IOException(sourceName + ": audio file is empty (0 bytes)");
        }
        int start = id3Size(bytes); // FLAC files sometimes carry an ID3v2 tag in front
        if (startsWith(bytes, 0, "RIFF")) {
            return Format.WAV;
        }
        if (startsWith(bytes, start, "fLaC")) {
            return Format.FLAC;
        }
        if (startsWith(bytes, 0, "OggS")) {
            return Format.OGG_VORBIS;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            hex.append(String.format("%02x", bytes[i] & 0xff));
        }
        throw new IOException(sourceName + ": unrecognized audio format (first bytes " + hex
                + "); supported: WAV (RIFF), FLAC (fLaC), Ogg Vorbis (OggS)");
    }

    private static int id3Size(byte[] b) {
        if (b.length < 10 || !startsWith(b, 0, "ID3")) {
            return 0;
        }
        int size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
        return 10 + size;
    }

    private static boolean startsWith(byte[] b, int off, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (off < 0 || off + m.length > b.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (b[off + i] != m[i]) {
                return false;
            }
        }
        return true;
    }
}
