package org.masrrepro.baselines.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Global input normalisation: statistics, their file, and what Batches feeds the model. */
class GlobalNormalizationTest {

    static final ToyFeatures DATA = new ToyFeatures(12, 6, 3, 11);

    @Test
    void statisticsMatchADirectComputation() {
        FeatureStats s = FeatureStats.of(DATA);
        int f = DATA.dim();
        double[] sum = new double[f];
        double[] sq = new double[f];
        long n = 0;
        for (int i = 0; i < DATA.size(); i++) {
            for (float[] row : DATA.frames(i)) {
                for (int j = 0; j < f; j++) {
                    sum[j] += row[j];
                    sq[j] += row[j] * (double) row[j];
                }
                n++;
            }
        }
        assertEquals(n, s.frames());
        for (int j = 0; j < f; j++) {
            double mean = sum[j] / n;
            assertEquals(mean, s.mean()[j], 1e-9);
            assertEquals(Math.sqrt(sq[j] / n - mean * mean), s.std()[j], 1e-6);
        }
    }

    @Test
    void normalizedSetHasZeroMeanUnitVarianceOverAllFrames() {
        GloballyNormalized g = new GloballyNormalized(DATA, FeatureStats.of(DATA));
        FeatureStats after = FeatureStats.of(g);
        for (int j = 0; j < g.dim(); j++) {
            assertEquals(0, after.mean()[j], 1e-5);
            assertEquals(1, after.std()[j], 1e-4);
        }
    }

    @Test
    void batchesFeedGlobalSetsAsTheyAreAndPlainSetsPerUtterance() {
        GloballyNormalized g = new GloballyNormalized(DATA, FeatureStats.of(DATA));
        float[] global = Batches.input(g, 0);
        float[] plain = Batches.input(DATA, 0);
        float[][] frames = g.frames(0);
        for (int t = 0; t < frames.length; t++) {
            for (int j = 0; j < g.dim(); j++) {
                assertEquals(frames[t][j], global[t * g.dim() + j]);
            }
        }
        assertArrayEquals(Batches.normalized(DATA.frames(0)), plain);
        // Per-utterance normalisation erases what global normalisation keeps: the utterance's own mean.
        assertNotEquals(0.0, Math.abs(mean(global, g.dim(), 0)), 1e-3);
        assertEquals(0.0, mean(plain, g.dim(), 0), 1e-5);
    }

    @Test
    void statisticsRoundTripThroughTheirFileAndRejectBrokenOnes(@TempDir Path tmp) throws IOException {
        FeatureStats s = FeatureStats.of(DATA);
        Path f = tmp.resolve("feature_stats.json");
        s.write(f);
        assertEquals(s, FeatureStats.read(f));
        IOException missing = assertThrows(IOException.class, () -> FeatureStats.read(tmp.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json"));
        Files.writeString(f, "{\"frames\": 3, \"mean\": [0, 1], \"std\": [1, 0]}");
        IOException bad = assertThrows(IOException.class, () -> FeatureStats.read(f));
        assertTrue(bad.getMessage().contains("feature_stats.json") && bad.getMessage().contains("std 0.0"), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new GloballyNormalized(DATA, new FeatureStats(1, new double[] {0}, new double[] {1})));
    }

    private static double mean(float[] x, int f, int dim) {
        double s = 0;
        int t = x.length / f;
        for (int i = 0; i < t; i++) {
            s += x[i * f + dim];
        }
        return s / t;
    }
}
