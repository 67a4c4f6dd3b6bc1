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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Synthesizes speech with the {@code espeak-ng} binary (UTF-8 text on stdin, WAV on stdout) as 16 kHz mono with
 * leading and trailing digital silence trimmed to at most 100 ms. espeak-ng's output is byte-identical across runs.
 */
public final class EspeakNg {

    /** Output sample rate. */
    public static final int SAMPLE_RATE = 16000;
    /** The command to give users when the binary is missing. */
    public static final String INSTALL = "apt-get install -y espeak-ng";
    /** espeak-ng 1.51 crashes on about 2 in 14,000 calls; a retry with the same input succeeds. */
    private static final int ATTEMPTS = 3;
    private static final double KEEP_SILENCE_S = 0.1;
    /** Digital silence: below one 16-bit LSB (espeak-ng writes exact zeros between and around words). */
    private static final float SILENCE = 1f / 32768f;

    private final String binary;

    public EspeakNg() {
        this("espeak-ng");
    }

    public EspeakNg(String binary) {
        this.binary = binary;
    }

    /** The installed version, e.g. {@code 1.51}; throws with the install command when espeak-ng is absent. */
    public static String version() throws IOException {
        String out = text(run(List.of("espeak-ng", "--version"), null, "--version"));
        String[] parts = out.trim().split("\\s+");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("text-to-speech:")) {
                return parts[i + 1];
            }
        }
        throw new IOException("cannot parse the version from `espeak-ng --version`: " + out.trim());
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

    /** Language voice names ({@code espeak-ng --voices}, second column), e.g. {@code sv}, {@code en-us}, {@code cmn}. */
    public static Set<String> voices() throws IOException {
        return column(text(run(List.of("espeak-ng", "--voices"), null, "--voices")), 1);
    }

    /** Voice variant file names ({@code espeak-ng --voices=variant}), e.g. {@code m3}, {@code f2}, {@code klatt}. */
    public static Set<String> variants() throws IOException {
        Set<String> out = new TreeSet<>();
        for (String file : column(text(run(List.of("espeak-ng", "--voices=variant"), null, "--voices=variant")), 4)) {
            out.add(file.startsWith("!v/") ? file.substring(3) : file);
        }
        return out;
    }

    private static Set<String> column(String listing, int col) {
        Set<String> out = new TreeSet<>();
        String[] lines = listing.split("\n");
        for (int i = 1; i < lines.length; i++) { // line 0 is the table header
            String[] f = lines[i].trim().split("\\s+");
            if (f.length > col) {
                out.add(f[col]);
            }
        }
        return out;
    }

    /**
     * Speaks {@code text} with voice {@code language+variant} at a rate (words/min) and pitch (0-99); 16 kHz samples.
     * Retries a crash up to {@value #ATTEMPTS} times with the same input, then throws with command, exit code and stderr.
     */
    public float[] synthesize(String language, String variant, int rateWpm, int pitch, String text) throws IOException {
        return synthesize(language, variant, rateWpm, pitch, text, List.of());
    }

    /**
     * As {@link #synthesize(String, String, int, int, String)} with extra espeak-ng options before the text, e.g.
     * {@code -a 150} (amplitude), {@code -g 5} (word gap) or {@code -m} (the text is SSML).
     */
    public float[] synthesize(String language, String variant, int rateWpm, int pitch, String text,
            List<String> extraArgs) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("espeak-ng: nothing to say (empty text) for voice " + language);
        }
        String voice = variant == null || variant.isEmpty() ? language : language + "+" + variant;
        List<String> cmd = new ArrayList<>(List.of(binary, "--stdout", "-v", voice, "-s", Integer.toString(rateWpm),
                "-p", Integer.toString(pitch), "-b", "1"));
        cmd.addAll(extraArgs);
        String what = String.join(" ", cmd) + " <<< \"" + abbreviate(text) + "\"";
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                AudioClip clip = Wav.decode(run(cmd, text.getBytes(StandardCharsets.UTF_8), what), "output of " + what);
                float[] trimmed = trim(clip.samples(), clip.sampleRate());
                if (trimmed.length == 0) {
                    throw new IOException(what + " produced only silence; is the voice installed (espeak-ng --voices)?");
                }
                return Resampler.resample(trimmed, clip.sampleRate(), SAMPLE_RATE);
            } catch (IOException e) {
                last = e;
            }
        }
        String msg = "espeak-ng failed " + ATTEMPTS + " times: " + last.getMessage();
        throw last instanceof Crash ? new Crash(msg, last) : new IOException(msg, last);
    }

    /**
     * espeak-ng was killed by a signal (abort, segfault) on every attempt: a bug of espeak-ng on this input (e.g. a
     * buffer overflow on some Burmese text), reproducible for the same input and version.
     */
    public static final class Crash extends IOException {
        Crash(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Cuts leading and trailing digital silence down to at most 100 ms each side; empty when all is silence. Done at
     * the native rate, where espeak-ng's silence is exact zeros (resampling would smear it).
     */
    static float[] trim(float[] x, int sampleRate) {
        int first = 0;
        while (first < x.length && Math.abs(x[first]) < SILENCE) {
            first++;
        }
        if (first == x.length) {
            return new float[0];
        }
        int last = x.length - 1;
        while (Math.abs(x[last]) < SILENCE) {
            last--;
        }
        int keep = (int) Math.round(KEEP_SILENCE_S * sampleRate);
        int from = Math.max(0, first - keep);
        int to = Math.min(x.length, last + 1 + keep);
        float[] out = new float[to - from];
        System.arraycopy(x, from, out, 0, out.length);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Runs a command with stdin bytes; stdout, or an IOException naming the command, exit code and stderr. */
    private static byte[] run(List<String> cmd, byte[] stdin, String what) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + cmd.get(0) + " (" + e.getMessage() + "); install it as root: " + INSTALL, e);
        }
        // stderr on its own thread so neither pipe can fill up and block espeak-ng; stdin is small (one sentence)
        byte[][] err = new byte[1][];
        Thread errReader = new Thread(() -> err[0] = readAll(p.getErrorStream()), "espeak-ng-stderr");
        errReader.setDaemon(true);
        errReader.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // a crashed espeak-ng closes its stdin early; its exit code and stderr below say why
        }
        byte[] out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " timed out after 120 s");
            }
            errReader.join(10_000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + what, e);
        }
        if (p.exitValue() != 0) {
            String stderr = err[0] == null ? "" : text(err[0]).trim();
            String msg = what + " exited with code " + p.exitValue() + (stderr.isEmpty() ? "" : ": " + stderr);
            // 128 + signal: the shell convention; Java reports the signal-killed child's status this way too
            throw p.exitValue() > 128 ? new Crash(msg, null) : new IOException(msg);
        }
        return out;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
