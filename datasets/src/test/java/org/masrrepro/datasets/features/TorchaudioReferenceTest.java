package org.masrrepro.datasets.features;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.Wav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-checks {@link LogMel} against torchaudio via {@code datasets/scripts/logmel_reference.py}. Skipped when
 * {@code /usr/bin/python3} cannot import torchaudio (Debian: {@code apt-get install python3-torchaudio}).
 *
 * With {@code -Pslow} (system property {@code masr.referenceTools=required}) a missing torchaudio fails the test
 * instead: the slow profile installs it ({@code install-deps.sh --reference-tools}). Tolerances: {@link
 * TorchaudioComparison}; {@link LogMelFixtureTest} checks a stored reference in the default suite.
 */
@Tag("slow")
class TorchaudioReferenceTest {

    static final Path SCRIPT = locateScript();

    private static Path locateScript() {
        for (Path p : List.of(Path.of("scripts/logmel_reference.py"), Path.of("datasets/scripts/logmel_reference.py"))) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        return Path.of("scripts/logmel_reference.py").toAbsolutePath();
    }

    /** Fails under -Pslow (reference tools required), skips otherwise. */
    static void requireOrAssume(boolean available, String why) {
        if ("required".equals(System.getProperty("masr.referenceTools"))) {
            assertTrue(available, why);
        } else {
            Assumptions.assumeTrue(available, why);
        }
    }

    static boolean torchaudioAvailable() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch, torchaudio")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script on {@code wav}, writing {@code csv}; returns its stdout. */
    static String runReference(Path wav, Path csv, boolean time) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString(), wav.toString(),
                csv.toString()));
        if (time) {
            cmd.add("--time");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(SCRIPT + " failed on " + wav + ":\n" + out);
        }
        return out;
    }

    static float[][] readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        float[][] out = new float[lines.size()][];
        for (int t = 0; t < out.length; t++) {
            String[] cells = lines.get(t).split(",");
            out[t] = new float[cells.length];
            for (int m = 0; m < cells.length; m++) {
                out[t][m] = Float.parseFloat(cells[m]);
            }
        }
        return out;
    }

    /** Speech-like test audio: a gliding harmonic tone with noise and a silent gap, 3.3 s. */
    static float[] testSignal(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f0 = 120 + 80 * Math.sin(2 * Math.PI * 0.7 * i / 16000);
            phase += 2 * Math.PI * f0 / 16000;
            double v = 0;
            for (int h = 1; h <= 30 && h * f0 < 8000; h++) {
                v += Math.sin(h * phase) / h;
            }
            boolean silent = i > n / 2 && i < n / 2 + 4000;
            x[i] = silent ? 0 : (float) (0.2 * v + 0.01 * r.nextGaussian());
        }
        return x;
    }

    @Test
    void matchesTorchaudio(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SCRIPT), "reference script not found: " + SCRIPT);
        requireOrAssume(torchaudioAvailable(), "/usr/bin/python3 cannot import torchaudio (Debian: apt-get install -y "
                + "python3-torchaudio, or harness/bin/install-deps.sh --reference-tools)");
        Path wav = tmp.resolve("ref.wav");
        Wav.write(wav, testSignal(52_817, 1), 16000);
        Path csv = tmp.resolve("ref.csv");
        runReference(wav, csv, false);
        float[][] ref = readCsv(csv);
        float[][] got = LogMel.builder().build().compute(Wav.read(wav).samples());
        TorchaudioComparison.assertMatches(ref, got);
    }
}
