package org.masrrepro.datasets.corpus.analog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The analogs' Ogg decoder ({@link AudioDecoder#JAVA}, jorbis) against libvorbis through {@link SoxDecoder} on real
 * Fish Fillets recordings: same length, samples within 1e-4 away from full-scale peaks (sox clips the decoded signal
 * to +-1 at the file's rate, and our resampler spreads that over its filter length, so samples within 200 of a peak
 * above 0.9 are not compared; most files have none).
 */
class OggDecodersAgreeTest {

    @Test
    void jorbisMatchesLibvorbisOnFishFilletsRecordings() throws IOException {
        Path dir = FilletsDialogues.GAME_DIR.resolve("sound");
        assumeTrue(Files.isDirectory(dir), "apt-get install -y fillets-ng-data fillets-ng-data-cs");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".ogg") && p.toString().contains("/cs/")).sorted().limit(8)
                    .toList();
        }
        assertEquals(8, files.size(), "Czech recordings under " + dir);
        SoxDecoder sox = new SoxDecoder();
        for (Path f : files) {
            float[] java = AudioDecoder.JAVA.read16k(f);
            float[] ref = sox.read16k(f);
            assertEquals(ref.length, java.length, f + ": length");
            boolean[] nearPeak = new boolean[ref.length];
            for (int i = 0; i < ref.length; i++) {
                if (Math.abs(ref[i]) > 0.9f) {
                    for (int k = Math.max(0, i - 200); k < Math.min(ref.length, i + 201); k++) {
                        nearPeak[k] = true;
                    }
                }
            }
            double max = 0;
            for (int i = 0; i < ref.length; i++) {
                if (!nearPeak[i]) {
                    max = Math.max(max, Math.abs(java[i] - ref[i]));
                }
            }
            assertTrue(max < 1e-4, f + ": max |jorbis - libvorbis| = " + max);
        }
    }

    /**
     * fillets-ng-data-nl ships empty Ogg streams (sox reads 0 samples): the decoder says so with the exception that
     * FilletsSpeech and SpoofAnalog use to leave such a line out (and count it on the card), not a generic failure.
     */
    @Test
    void anEmptyShippedRecordingIsReportedAsEmpty() {
        Path empty = FilletsDialogues.GAME_DIR.resolve("sound/gems/nl/zav-v-sto.ogg");
        assumeTrue(Files.isRegularFile(empty), "apt-get install -y fillets-ng-data-nl");
        org.masrrepro.datasets.audio.EmptyAudioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.masrrepro.datasets.audio.EmptyAudioException.class, () -> AudioDecoder.JAVA.read16k(empty));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
    }
}
