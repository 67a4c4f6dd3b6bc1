package org.masrrepro.reports.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics on hand-computed examples. */
class ClassificationMetricsTest {

    static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void perfectScorer() {
        int[] truth = {0, 1, 2, 1};
        float[][] s = {{3, 1, 0}, {0, 3, 1}, {0, 0, 5}, {1, 4, 1}}; // pooled EER needs every target above every non-target
        ClassificationReport r = ClassificationMetrics.evaluate(truth, s, ABC, Set.of("a"));
        assertEquals(100, r.accuracy(), 1e-9);
        assertEquals(100, r.accuracyOverlapped(), 1e-9);
        assertEquals(100, r.accuracyNonOverlapped(), 1e-9);
        assertEquals(100, r.macroF1(), 1e-9);
        assertEquals(0, r.eer(), 1e-9);
    }

    @Test
    void handComputedThreeClassExample() {
        // truth a a b c ; predictions a b b a
        int[] truth = {0, 0, 1, 2};
        float[][] s = {{0.9f, 0.1f, 0}, {0.2f, 0.7f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.6f, 0.1f, 0.3f}};
        ClassificationReport r = ClassificationMetrics.evaluate(truth, s, ABC, Set.of("a", "b"));
        assertEquals(50, r.accuracy(), 1e-9);
        assertEquals(200.0 / 3, r.accuracyOverlapped(), 1e-9); // a,a,b: 2 of 3 right
        assertEquals(0, r.accuracyNonOverlapped(), 1e-9);        // c wrong
        // F1: a: tp1 fp1 fn1 -> 0.5 ; b: tp1 fp1 fn0 -> 2/3 ; c: tp0 fn1 -> 0
        assertEquals(100 * (0.5 + 2.0 / 3 + 0) / 3, r.macroF1(), 1e-9);
        assertEquals(1, r.confusion()[0][1]);
        assertEquals(1, r.confusion()[2][0]);
    }

    @Test
    void eerOfSeparatedAndOverlappingScores() {
        assertEquals(0, ClassificationMetrics.eer(new double[] {3, 4}, new double[] {1, 2}), 1e-9);
        assertEquals(100, ClassificationMetrics.eer(new double[] {1, 2}, new double[] {3, 4}), 1e-9);
        // targets 1,3 ; non-targets 2,4: at threshold 3 FAR=1/2 FRR=1/2 -> 50
        assertEquals(50, ClassificationMetrics.eer(new double[] {1, 3}, new double[] {2, 4}), 1e-9);
        // all tied: every threshold accepts all or none -> interpolated 50
        assertEquals(50, ClassificationMetrics.eer(new double[] {1, 1}, new double[] {1, 1, 1}), 1e-9);
    }

    @Test
    void tiesPredictTheLowestIndex() {
        assertEquals(0, ClassificationMetrics.argMax(new float[] {1, 1, 0}));
        assertEquals(2, ClassificationMetrics.argMax(new float[] {0, 1, 2}));
    }

    @Test
    void emptyGroupIsNaN() {
        ClassificationReport r = ClassificationMetrics.evaluate(new int[] {0}, new float[][] {{1, 0, 0}}, ABC, Set.of());
        assertTrue(Double.isNaN(r.accuracyOverlapped()));
        assertEquals(100, r.accuracyNonOverlapped(), 1e-9);
    }
}
