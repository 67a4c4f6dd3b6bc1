package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.audio.AudioClip;
import org.masrrepro.datasets.audio.Resampler;
import org.masrrepro.datasets.audio.Wav;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes any format sox reads (Ogg Vorbis via libsox-fmt-base) to 32-bit float WAV at the native rate, with no
 * dither and no effects, so the samples are libvorbis's own; downmixing and resampling to 16 kHz are ours
 * ({@link Wav}, {@link Resampler}), so only the decoding depends on the sox build.
 */
public final class SoxDecoder implements AudioDecoder {

    public static final String INSTALL = "apt-get install -y sox libsox-fmt-base";

    @Override
    public float[] read16k(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": audio file is missing");
        }
        List<String> cmd = List.of("sox", "-D", "-R", "-V1", file.toString(), "-t", "wav", "-e", "floating-point",
                "-b", "32", "-");
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new IOException("cannot run sox to decode " + file + " (" + e.getMessage() + "); as root: " + INSTALL, e);
        }
        p.getOutputStream().close();
        byte[][] err = new byte[1][];
        Thread errReader = new Thread(() -> err[0] = readAll(p.getErrorStream()), "sox-stderr");
        errReader.setDaemon(true);
        errReader.start();
        byte[] out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("sox timed out decoding " + file);
            }
            errReader.join(10_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding " + file, e);
        }
        if (p.exitValue() != 0) {
            String msg = err[0] == null ? "" : new String(err[0], StandardCharsets.UTF_8).trim();
            throw new IOException(String.join(" ", cmd) + " exited with code " + p.exitValue() + ": " + msg
                    + " (is the format's sox library installed? " + INSTALL + ")");
        }
        AudioClip clip = Wav.decode(out, "sox output for " + file);
        return Resampler.resample(clip.samples(), clip.sampleRate(), 16000);
    }

    @Override
    public String id() {
        return "sox";
    }

    @Override
    public List<String> debianPackages() {
        return List.of("sox", "libsox-fmt-base", "libvorbis0a");
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
