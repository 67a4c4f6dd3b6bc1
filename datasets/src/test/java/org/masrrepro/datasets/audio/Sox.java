package org.masrrepro.datasets.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Test helper: converts fixture audio with the sox command (Debian packages sox + libsox-fmt-base). */
public final class Sox {

    private static Boolean available;

    private Sox() {}

    /** Skips the calling test, saying why, when sox (with its flac and vorbis formats) is absent. */
    public static void assumeAvailable() {
        assumeTrue(available(), "sox with flac and ogg support is not installed (Debian packages sox and "
                + "libsox-fmt-base, see harness/bin/debian-packages.txt): FLAC/Ogg fixtures cannot be written");
    }

    static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("sox", "-h").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                available = p.waitFor() == 0 && out.contains(" flac ") && out.contains(" vorbis ");
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    /** Runs {@code sox in [options] out}: the output format follows out's extension (.flac, .ogg). */
    public static void convert(Path in, Path out, String... outputOptions) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sox", "-D", in.toString())); // -D: no dither, exact FLAC
        cmd.addAll(List.of(outputOptions));
        cmd.add(out.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
    }
}
