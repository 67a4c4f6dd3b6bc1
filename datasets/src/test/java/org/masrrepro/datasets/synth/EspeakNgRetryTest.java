package org.masrrepro.datasets.synth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.Resampler;
import org.masrrepro.datasets.audio.Wav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards {@link EspeakNg#synthesize}'s retry of espeak-ng 1.51's occasional crashes, with a stub executable in place of
 * espeak-ng (injected through the {@code EspeakNg(String binary)} constructor; no espeak-ng needed): a crash is retried
 * with the same input and the retry's audio is what the call returns, for that call's text; an input that crashes on
 * every attempt is an {@link EspeakNg.Crash}, and any other lasting failure an IOException, each naming the text, the
 * exit code and espeak-ng's stderr, never silence or another text's audio.
 */
class EspeakNgRetryTest {

    /**
     * The stub: reads the text on stdin, logs {@code md5(text)} per call, then by marker files named after that md5:
     * {@code always-*} crashes (SIGSEGV) on every call, {@code fail-*} exits 3, {@code once-*} crashes on the first call
     * only; otherwise it writes {@code <md5>.wav}.
     */
    private static final String STUB = """
            #!/bin/sh
            ulimit -c 0
            dir=$(dirname "$0")
            key=$(md5sum | cut -c1-32)
            echo "$key" >> "$dir/calls.log"
            if [ -e "$dir/always-$key" ]; then echo "stub: crash on every call" >&2; kill -SEGV $$; fi
            if [ -e "$dir/fail-$key" ]; then echo "stub: cannot open voice" >&2; exit 3; fi
            if [ -e "$dir/once-$key" ]; then rm "$dir/once-$key"; echo "stub: first call crashes" >&2; kill -SEGV $$; fi
            exec cat "$dir/$key.wav"
            """;

    @TempDir
    Path tmp;
    EspeakNg espeak;

    @BeforeEach
    void stub() throws IOException {
        Path bin = tmp.resolve("espeak-ng-stub");
        Files.writeString(bin, STUB);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        espeak = new EspeakNg(bin.toString());
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Gives {@code text} its own audio: a tone of {@code hz} at espeak-ng's 22.05 kHz; returns what synthesize must return. */
    float[] audioFor(String text, double hz) throws IOException {
        float[] x = new float[11025];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * (i + 1) / 22050));
        }
        Path wav = tmp.resolve(md5(text) + ".wav");
        Wav.write(wav, x, 22050);
        return Resampler.resample(EspeakNg.trim(Wav.read(wav).samples(), 22050), 22050, EspeakNg.SAMPLE_RATE);
    }

    void marker(String kind, String text) throws IOException {
        Files.writeString(tmp.resolve(kind + "-" + md5(text)), "");
    }

    List<String> calls() throws IOException {
        Path log = tmp.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void aCrashIsRetriedAndTheRetrysAudioIsReturnedForItsOwnText() throws IOException {
        String a = "Datoteka nije pronađena";
        String b = "Mapa je prazna";
        float[] expectA = audioFor(a, 330);
        float[] expectB = audioFor(b, 550);
        marker("once", a);
        marker("once", b);
        float[] gotA = espeak.synthesize("hr", "m3", 160, 50, a);
        float[] gotB = espeak.synthesize("hr", "f2", 150, 60, b);
        float[] againA = espeak.synthesize("hr", "m3", 160, 50, a); // no crash now: the same audio
        assertArrayEquals(expectA, gotA, "the retried call returns its own text's audio");
        assertArrayEquals(expectB, gotB, "the retried call returns its own text's audio");
        assertArrayEquals(gotA, againA, "a retried call gives what an uncrashed call gives");
        assertEquals(List.of(md5(a), md5(a), md5(b), md5(b), md5(a)), calls(),
                "each crashed call retried once with the same text on stdin, in order");
    }

    @Test
    void aTextThatCrashesOnEveryAttemptIsACrashNamingIt() throws IOException {
        String bad = "Ovo uvijek ruši espeak";
        String good = "Ovo radi";
        float[] expectGood = audioFor(good, 440);
        marker("always", bad);
        EspeakNg.Crash crash = assertThrows(EspeakNg.Crash.class, () -> espeak.synthesize("bs", "m1", 170, 40, bad));
        assertTrue(crash.getMessage().contains("failed 3 times") && crash.getMessage().contains(bad)
                && crash.getMessage().contains("-v bs+m1") && crash.getMessage().contains("exited with code 139")
                && crash.getMessage().contains("stub: crash on every call"), crash.getMessage());
        assertEquals(List.of(md5(bad), md5(bad), md5(bad)), calls(), "three attempts, then the error");
        // the next call is unaffected: its own audio, not the failed one's or none
        assertArrayEquals(expectGood, espeak.synthesize("bs", "m1", 170, 40, good));
    }

    @Test
    void aLastingNonCrashFailureIsAnIoErrorNotACrash() throws IOException {
        String text = "Glas nije instaliran";
        audioFor(text, 660);
        marker("fail", text);
        IOException e = assertThrows(IOException.class, () -> espeak.synthesize("sr", "", 175, 50, text));
        assertFalse(e instanceof EspeakNg.Crash, "exit code 3 is no crash: the corpus build must stop, not skip it");
        assertTrue(e.getMessage().contains(text) && e.getMessage().contains("exited with code 3")
                && e.getMessage().contains("stub: cannot open voice"), e.getMessage());
        assertEquals(3, calls().size());
        Files.delete(tmp.resolve("fail-" + md5(text)));
        assertInstanceOf(float[].class, espeak.synthesize("sr", "", 175, 50, text));
    }
}
