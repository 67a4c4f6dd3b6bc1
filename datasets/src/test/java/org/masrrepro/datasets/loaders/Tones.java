package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.audio.Sox;
import org.masrrepro.datasets.audio.Wav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes tiny tone files for corpus fixtures: WAV directly, FLAC and Ogg through sox. */
final class Tones {

    private Tones() {}

    static float[] tone(double hz, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** A tone of {@code n} samples at {@code rate} Hz; the format follows the extension (wav, flac, ogg). */
    static Path write(Path file, double hz, int rate, int n) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String name = file.getFileName().toString();
        if (name.endsWith(".wav")) {
            Wav.write(file, tone(hz, rate, n), rate);
            return file;
        }
        Sox.assumeAvailable();
        Path wav = file.resolveSibling(name + ".src.wav");
        Wav.write(wav, tone(hz, rate, n), rate);
        Sox.convert(wav, file);
        Files.delete(wav);
        return file;
    }

    static void text(Path file, String... lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
