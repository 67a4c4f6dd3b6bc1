package org.masrrepro.baselines.ssl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.baselines.nn.SpanMasking;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BEST-RQ targets depend only on the quantizer seed; masks cover the expected fraction. */
class BestRqTest {

    static BestRqConfig config(long seed) {
        return new BestRqConfig(4, 64, 8, 0.05, 4, 0.1, seed);
    }

    static long[] targets(long seed, float[] features, Shape shape) {
        try (NDManager m = NDManager.newBaseManager()) {
            BestRq q = new BestRq(config(seed));
            q.initialize(m, DataType.FLOAT32, shape, 32);
            return q.targets(m.create(features, shape)).toLongArray();
        }
    }

    @Test
    void targetsAreDeterministicFromTheSeed() {
        Shape shape = new Shape(2, 64, 10);
        float[] x = new float[(int) shape.size()];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        long[] a = targets(7, x, shape);
        assertEquals(2 * 16, a.length, "one target per 4 stacked frames");
        assertArrayEquals(a, targets(7, x, shape));
        assertFalse(java.util.Arrays.equals(a, targets(8, x, shape)), "another seed, another quantizer");
        long distinct = java.util.Arrays.stream(a).distinct().count();
        assertTrue(distinct > 5, "random-projection targets spread over the codebook: " + distinct);
        for (long id : a) {
            assertTrue(id >= 0 && id < 64);
        }
    }

    @Test
    void maskedFractionMatchesSpanStatistics() {
        boolean[][] mask = SpanMasking.sample(16, 2000, 0.05, 4, new SplittableRandom(11));
        // A frame is masked unless none of the span starts covering it fired: 1 - (1 - p)^span.
        double expected = 1 - Math.pow(1 - 0.05, 4);
        assertEquals(expected, SpanMasking.fraction(mask), 0.02);
        assertArrayEquals(mask[3], SpanMasking.sample(16, 2000, 0.05, 4, new SplittableRandom(11))[3]);
        // Every row gets at least one span, even when no start fires.
        for (boolean[] row : SpanMasking.sample(8, 10, 0.0, 3, new SplittableRandom(2))) {
            int on = 0;
            for (boolean b : row) {
                on += b ? 1 : 0;
            }
            assertEquals(3, on);
        }
    }


    @Test
    void maskProbabilityCountsPerInputFrameAsBestRqStatesIt() {
        // BEST-RQ: p = 0.01 per 10 ms frame, 400 ms spans (10 stacked frames of 4) -> about a third masked.
        BestRq q = new BestRq(new BestRqConfig(4, 64, 8, 0.01, 10, 0.1, 1));
        assertEquals(1 - Math.pow(0.99, 4), q.config().stackedStartProbability(), 1e-12);
        double fraction = SpanMasking.fraction(q.mask(32, 3000, new SplittableRandom(5)));
        assertEquals(1 - Math.pow(0.99, 40), fraction, 0.02, "masked fraction of BEST-RQ's setting");
        assertTrue(fraction > 0.28, "p read per stacked frame would mask only ~10%: " + fraction);
    }
    @Test
    void forwardGivesLossFramesAndAccuracy() {
        ConformerConfig c = new ConformerConfig(10, 32, 1, 2, 2, 5, 4, 0.1f);
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(4, 64, 10);
            ConformerEncoder enc = new ConformerEncoder(c);
            enc.initialize(m, DataType.FLOAT32, shape);
            BestRq q = new BestRq(config(3));
            q.initialize(m, DataType.FLOAT32, shape, 32);
            NDArray x = m.randomNormal(shape);
            ParameterStore ps = new ParameterStore(m, false);
            SslOutput a = q.forward(ps, enc, x, new SplittableRandom(9), true);
            SslOutput b = q.forward(ps, enc, x, new SplittableRandom(9), true);
            assertEquals(new Shape(4, 16, 32), a.frames().getShape());
            assertEquals(a.loss().getFloat(), b.loss().getFloat(), "same step stream, same loss");
            // Untrained: loss near log(codebook size).
            assertEquals(Math.log(64), a.loss().getFloat(), 1.5);
            assertTrue(a.metrics().containsKey("masked_accuracy"));
        }
    }
}
