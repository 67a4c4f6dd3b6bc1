package org.masrrepro.masr.mining;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Batch-hard mining on hand-computed batches. */
class HardTripletMinerTest {

    @Test
    void farthestPositiveAndNearestNegative() {
        // Angles 0, 10, 80 degrees (label 0) and 20, 90 degrees (label 1).
        float[][] p = {vec(0), vec(10), vec(80), vec(20), vec(90)};
        int[] y = {0, 0, 0, 1, 1};
        Triplets t = HardTripletMiner.mine(p, y);
        assertArrayEquals(new int[] {2, 2, 0, 4, 3}, t.positive());
        assertArrayEquals(new int[] {3, 3, 4, 1, 2}, t.negative());
        assertEquals(5, t.validCount());
    }

    @Test
    void anchorWithoutPositiveOrNegativeGetsNoTriplet() {
        float[][] p = {vec(0), vec(30), vec(60)};
        Triplets t = HardTripletMiner.mine(p, new int[] {0, 1, 1});
        assertEquals(-1, t.positive()[0]);
        assertFalse(t.valid(0));
        Triplets same = HardTripletMiner.mine(p, new int[] {4, 4, 4});
        assertArrayEquals(new int[] {-1, -1, -1}, same.negative());
        assertEquals(0, same.validCount());
    }

    @Test
    void tiesGoToTheLowestIndex() {
        float[][] p = {vec(0), vec(45), vec(45), vec(45), vec(45)};
        Triplets t = HardTripletMiner.mine(p, new int[] {0, 0, 0, 1, 1});
        assertEquals(1, t.positive()[0]);
        assertEquals(3, t.negative()[0]);
        assertEquals(3, t.negative()[1]); // distance 0 to both 3 and 4
    }

    @Test
    void zeroVectorsHaveCosineZero() {
        double[][] d = HardTripletMiner.cosineDistances(new float[][] {{0, 0}, {1, 0}});
        assertEquals(1.0, d[0][1], 1e-12);
    }

    @Test
    void concatScalesTheEncoding() {
        float[][] p = HardTripletMiner.concat(new float[][] {{1, 0}}, new float[][] {{0.5f}}, 2.0);
        assertArrayEquals(new float[] {1, 0, 1}, p[0]);
    }

    static float[] vec(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }
}
