package org.masrrepro.datasets.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log-mel values and the feature cache. */
class FeaturesTest {

    static float[] tone(double hz, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / 16000));
        }
        return x;
    }

    @Test
    void toneLandsInItsMelBandAndFramesAreCentered() {
        LogMel lm = LogMel.builder().build();
        float[][] f = lm.compute(tone(1000, 16000));
        assertEquals(1 + 16000 / 160, f.length);
        assertEquals(80, f[0].length);
        int best = 0;
        for (int m = 1; m < 80; m++) {
            if (f[50][m] > f[50][best]) {
                best = m;
            }
        }
        // HTK mel of 1 kHz = 1000.0; the 80 bands span 0..2840 mel, band centres every 2840/81 mel
        double expected = LogMel.hzToMel(1000) / (LogMel.hzToMel(8000) / 81) - 1;
        assertEquals(expected, best, 1.0);
        assertTrue(lm.describe().contains("n_mels=80"));
    }

    @Test
    void cacheRoundTripSkipsRebuildAndRejectsCorruption(@TempDir Path tmp) throws IOException {
        List<Utterance> utts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String rel = "u" + i + ".wav";
            Wav.write(tmp.resolve(rel), tone(300 + 200 * i, 4000 + 1000 * i), 16000);
            utts.add(new Utterance("u" + i, "train", "xx", "s", "M", "", "", rel, 4000 + 1000 * i, false));
        }
        LogMel lm = LogMel.builder().build();
        Path out = tmp.resolve("train.feats");
        FeatureSet set = FeatureCache.build(tmp, utts, lm, out, ProgressListener.NONE);
        assertEquals(3, set.size());
        for (int i = 0; i < 3; i++) {
            float[][] direct = lm.compute(Wav.read(tmp.resolve("u" + i + ".wav")).samples());
            assertEquals(direct.length, set.numFrames(i));
            for (int t = 0; t < direct.length; t++) {
                assertArrayEquals(direct[t], set.frames(i)[t]);
            }
        }
        long mtime = Files.getLastModifiedTime(out).toMillis();
        FeatureCache.build(tmp, utts, lm, out, ProgressListener.NONE);
        assertEquals(mtime, Files.getLastModifiedTime(out).toMillis(), "an identical cache must not be rebuilt");

        byte[] bytes = Files.readAllBytes(out);
        Path bad = tmp.resolve("bad.feats");
        Files.write(bad, java.util.Arrays.copyOf(bytes, 30));
        IOException e = assertThrows(IOException.class, () -> FeatureCache.open(bad));
        assertTrue(e.getMessage().contains("bad.feats"), e.getMessage());
    }
}
