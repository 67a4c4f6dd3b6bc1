package org.masrrepro.baselines.floor;

import org.junit.jupiter.api.Test;
import org.masrrepro.datasets.features.FeatureSet;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The non-learned floor separates classes whose spectral statistics differ, deterministically. */
class PooledStatsClassifierTest {

    /** Class c raises band c by 1 (with frame noise of std 1), so only pooled statistics tell classes apart. */
    static FeatureSet toy(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][][] items = new float[n][][];
        for (int i = 0; i < n; i++) {
            items[i] = new float[50][8];
            for (float[] row : items[i]) {
                for (int k = 0; k < 8; k++) {
                    row[k] = (float) ((k == i % 3 ? 1 : 0) + gaussian(r));
                }
            }
        }
        return new FeatureSet() {
            public int size() { return n; }
            public int dim() { return 8; }
            public String id(int i) { return "t" + i; }
            public int numFrames(int i) { return 50; }
            public float[][] frames(int i) { return items[i]; }
        };
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static int[] labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
        }
        return y;
    }

    @Test
    void learnsSpectralStatisticsDeterministically() {
        FeatureSet train = toy(30, 1);
        FeatureSet test = toy(30, 2);
        float[][] a = new PooledStatsClassifier(200, 0.5, 1e-3).fit(train, labels(30), 3).logProbabilities(test);
        float[][] b = new PooledStatsClassifier(200, 0.5, 1e-3).fit(train, labels(30), 3).logProbabilities(test);
        assertArrayEquals(a[3], b[3]);
        int ok = 0;
        int[] y = labels(30);
        for (int i = 0; i < a.length; i++) {
            int best = a[i][0] >= a[i][1] && a[i][0] >= a[i][2] ? 0 : a[i][1] >= a[i][2] ? 1 : 2;
            ok += best == y[i] ? 1 : 0;
        }
        assertTrue(ok >= 27, ok + "/30");
    }

    @Test
    void pooledStatsAreMeanAndStd() {
        double[] s = PooledStatsClassifier.pooledStats(new float[][] {{1, 0}, {3, 0}});
        assertArrayEquals(new double[] {2, 0, 1, 0}, s, 1e-12);
        assertEquals(4, s.length);
    }
}
