package org.masrrepro.reports.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        assertEquals(50, r.recallPerClass().get("a"), 1e-9);
        assertEquals(100, r.recallPerClass().get("b"), 1e-9);
        assertEquals(0, r.recallPerClass().get("c"), 1e-9);
        // Pooled trials: targets .9 .2 .8 .3 ; non-targets .7 .6, five times .1, one 0.
        // Descending: .9T .8T (FAR 0, FRR .5) .7N .6N (FAR .25, FRR .5) .3T (FAR .25, FRR .25) -> EER 25.
        assertEquals(25, r.eer(), 1e-9);
        assertEquals(4, r.n());
    }

    @Test
    void macroF1IgnoresClassesAbsentFromTruthAndPredictions() {
        // 4 declared classes, class 3 never occurs: mean over {0,1,2} only (sklearn with labels = union).
        int[] truth = {0, 1, 2, 2};
        int[] pred = {0, 1, 2, 1};
        // F1: 0 -> 1 ; 1 -> tp1 fp1 -> 2/3 ; 2 -> tp1 fn1 -> 2/3
        assertEquals(100 * (1 + 2.0 / 3 + 2.0 / 3) / 3, ClassificationMetrics.macroF1(truth, pred, 4), 1e-9);
        // A class only ever predicted counts, with F1 0: class 0 tp1 fn1 -> 2/3, class 1 -> 0 (sklearn: 33.33).
        assertEquals(100 * (2.0 / 3 + 0) / 2, ClassificationMetrics.macroF1(new int[] {0, 0}, new int[] {0, 1}, 4), 1e-9);
        assertEquals(50, ClassificationMetrics.accuracy(truth, new int[] {0, 0, 2, 0}), 1e-9);
    }

    @Test
    void eerOfSeparatedAndOverlappingScores() {
        assertEquals(0, ClassificationMetrics.eer(new double[] {3, 4}, new double[] {1, 2}), 1e-9);
        assertEquals(100, ClassificationMetrics.eer(new double[] {1, 2}, new double[] {3, 4}), 1e-9);
        // targets 1,3 ; non-targets 2,4: at threshold 3 FAR=1/2 FRR=1/2 -> 50
        assertEquals(50, ClassificationMetrics.eer(new double[] {1, 3}, new double[] {2, 4}), 1e-9);
        // all tied: every threshold accepts all or none -> interpolated 50
        assertEquals(50, ClassificationMetrics.eer(new double[] {1, 1}, new double[] {1, 1, 1}), 1e-9);
        // tie at the crossing: ROC points (FAR, FRR) (0, .5) then (.5, 0) -> 25, whatever the input order
        assertEquals(25, ClassificationMetrics.eer(new double[] {2, 1}, new double[] {1, 0}), 1e-9);
        assertEquals(25, ClassificationMetrics.eer(new double[] {1, 2}, new double[] {0, 1}), 1e-9);
        assertTrue(Double.isNaN(ClassificationMetrics.eer(new double[] {}, new double[] {1})));
    }

    @Test
    void malformedInputFails() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.evaluate(new int[] {3}, new float[][] {{1, 0, 0}}, ABC, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.evaluate(new int[] {0}, new float[][] {{1, 0}}, ABC, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.evaluate(new int[] {0}, new float[][] {{Float.NaN, 0, 0}}, ABC, Set.of()));
    }

    @Test
    void tiesPredictTheLowestIndex() {
        assertEquals(0, ClassificationMetrics.argMax(new float[] {1, 1, 0}));
        assertEquals(1, ClassificationMetrics.argMax(new float[] {0, 2, 2}));
        assertEquals(2, ClassificationMetrics.argMax(new float[] {0, 1, 2}));
        ClassificationReport r = ClassificationMetrics.evaluate(new int[] {1}, new float[][] {{5, 5, 0}}, ABC, Set.of());
        assertEquals(0, r.accuracy(), 1e-9); // tie between a and b predicts a
        assertEquals(1, r.confusion()[1][0]);
    }

    @Test
    void emptyGroupIsNaN() {
        ClassificationReport r = ClassificationMetrics.evaluate(new int[] {0}, new float[][] {{1, 0, 0}}, ABC, Set.of());
        assertTrue(Double.isNaN(r.accuracyOverlapped()));
        assertEquals(100, r.accuracyNonOverlapped(), 1e-9);
    }
}
