package org.masrrepro.baselines.probe;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NOSS grid: size, selection on dev, determinism, balanced weights and UAR. */
class LinearProbeTest {

    /** Gaussian classes in 8 dimensions whose means differ in a few dimensions; class 2 is rare in train. */
    static Object[] split(int[] counts, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        float[][] x = new float[n][8];
        int[] y = new int[n];
        int i = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int j = 0; j < counts[k]; j++, i++) {
                y[i] = k;
                for (int d = 0; d < 8; d++) {
                    x[i][d] = (float) (r.nextGaussian() + (d == k ? 3.0 : 0) + 3.0); // offset: l2 normalisation matters
                }
            }
        }
        return new Object[] {x, y};
    }

    static LinearProbe.Result run(LinearProbe.Selection selection) {
        Object[] tr = split(new int[] {40, 40, 6}, 1);
        Object[] dv = split(new int[] {15, 15, 15}, 2);
        Object[] te = split(new int[] {30, 30, 30}, 3);
        return LinearProbe.builder().setTrain((float[][]) tr[0], (int[]) tr[1]).setDev((float[][]) dv[0], (int[]) dv[1])
                .setTest((float[][]) te[0]).setNumClasses(3).optL2Strengths(List.of(0.01, 1.0, 100.0))
                .optSelection(selection).build().run();
    }

    @Test
    void gridSelectsOnDevAndScoresTest() {
        LinearProbe.Result a = run(LinearProbe.Selection.UAR);
        assertEquals(2 * 2 * 3, a.grid().size());
        double bestDev = a.grid().stream().mapToDouble(LinearProbe.Point::devUar).max().orElseThrow();
        assertEquals(bestDev, a.best().devUar());
        assertEquals(a.grid().stream().filter(p -> p.devUar() == bestDev).findFirst().orElseThrow(), a.best(),
                "ties go to the first grid point");
        int[] truth = (int[]) split(new int[] {30, 30, 30}, 3)[1];
        double acc = LinearProbe.accuracy(truth, a.testPredictions());
        System.out.printf("probe on toy data: best %s, dev UAR %.3f, test accuracy %.3f%n", a.best().config(),
                a.best().devUar(), acc);
        assertTrue(acc > 0.6, "3 separable classes, chance 0.33: " + acc);
        for (double[] p : a.testProbabilities()) {
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        }
        // The data has a common offset, so l2 normalisation (before standardisation) changes the fits.
        boolean differs = false;
        for (int i = 0; i < 6; i++) {
            differs |= a.grid().get(i).devAccuracy() != a.grid().get(i + 6).devAccuracy();
        }
        assertTrue(differs, "l2 normalisation had no effect on any dev score");
        LinearProbe.Result b = run(LinearProbe.Selection.UAR);
        assertEquals(a.best(), b.best());
        assertArrayEquals(a.testPredictions(), b.testPredictions());
        assertArrayEquals(a.testProbabilities()[7], b.testProbabilities()[7], 0.0, "bit-identical reruns");
    }

    @Test
    void balancedWeightsAndUar() {
        int[] y = {0, 0, 0, 1};
        assertArrayEquals(new double[] {4.0 / 6, 4.0 / 6, 4.0 / 6, 2.0}, LinearProbe.balancedWeights(y, 2), 1e-12);
        // Always predicting 0: accuracy 0.75 but UAR 0.5.
        assertEquals(0.75, LinearProbe.accuracy(y, new int[] {0, 0, 0, 0}));
        assertEquals(0.5, LinearProbe.uar(y, new int[] {0, 0, 0, 0}, 3), "absent class 2 is ignored");
    }
}
