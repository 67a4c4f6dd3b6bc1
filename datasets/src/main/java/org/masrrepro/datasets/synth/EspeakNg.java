package org.masrrepro.datasets.synth;

import org.masrrepro.datasets.audio.AudioClip;
import org.masrrepro.datasets.audio.Resampler;
import org.masrrepro.datasets.audio.Wav;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Synthesizes speech with the {@code espeak-ng} binary (text on stdin, WAV on stdout), resampled to 16 kHz with
 * leading and trailing digital silence trimmed to 100 ms. espeak-ng's output is byte-identical across runs.
 */
public final class EspeakNg {

    /** Output sample rate. */
    public static final int SAMPLE_RATE = 16000;
    /** espeak-ng 1.51 crashes on about 2 in 14,000 calls; a retry with the same input succeeds. */
    private static final int ATTEMPTS = 3;
    private static final int KEEP_SILENCE = SAMPLE_RATE / 10;

    private final String binary;

    public EspeakNg() {
        this("espeak-ng");
    }

    public EspeakNg(String binary) {
        this.binary = binary;
    }

    /** The installed version, e.g. {@code 1.51}; throws with the install command when espeak-ng is absent. */
    public static String version() throws IOException {
        String out = run(List.of("espeak-ng", "--version"), null).stdout;
        String[] parts = out.trim().split("\\s+");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("text-to-speech:")) {
                return parts[i + 1];
            }
        }
        return out.trim();
    }

    /** Whether espeak-ng can be run here. */
    public static boolean available() {
        try {
            version();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Synthesizes {@code text} in voice {@code voice+variant} at a rate (words/min) and pitch (0-99). */
    public float[] synthesize(String voice, String variant, int rateWpm, int pitch, String text) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(binary, "--stdout", "-b", "1", "-v",
                variant == null || variant.isEmpty() ? voice : voice + "+" + variant,
                "-s", Integer.toString(rateWpm), "-p", Integer.toString(pitch)));
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                Result r = run(cmd, text.getBytes(StandardCharsets.UTF_8));
                AudioClip clip = Wav.decode(r.stdoutBytes, "espeak-ng output for \"" + abbreviate(text) + "\"");
                float[] x = Resampler.resample(clip.samples(), clip.sampleRate(), SAMPLE_RATE);
                float[] trimmed = trim(x);
                if (trimmed.length < SAMPLE_RATE / 10) {
                    throw new IOException("espeak-ng produced no audible speech for " + cmd + ": \"" + abbreviate(text) + "\"");
                }
                return trimmed;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    static float[] trim(float[] x) {
        int first = 0;
        while (first < x.length && Math.abs(x[first]) < 1e-4f) {
            first++;
        }
        int last = x.length - 1;
        while (last > first && Math.abs(x[last]) < 1e-4f) {
            last--;
        }
        int from = Math.max(0, first - KEEP_SILENCE);
        int to = Math.min(x.length, last + 1 + KEEP_SILENCE);
        float[] out = new float[Math.max(0, to - from)];
        System.arraycopy(x, from, out, 0, out.length);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private record Result(byte[] stdoutBytes, String stdout) {}

    private static Result run(List<String> cmd, byte[] stdin) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + cmd.get(0) + " (install it: apt-get install -y espeak-ng)", e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd + " timed out");
            }
            byte[] o = out.get();
            if (p.exitValue() != 0) {
                throw new IOException(cmd + " exited with " + p.exitValue() + ": "
                        + new String(err.get(), StandardCharsets.UTF_8).trim());
            }
            return new Result(o, new String(o, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
