package org.masrrepro.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output shapes, config validation and seeded dropout of the Conformer encoder. */
class ConformerEncoderTest {

    @Test
    void outputShapeFollowsSubsampling() {
        for (int sub : new int[] {1, 2, 4}) {
            ConformerConfig c = new ConformerConfig(8, 32, 2, 4, 2, 5, sub, 0f);
            try (NDManager m = NDManager.newBaseManager()) {
                ConformerEncoder enc = new ConformerEncoder(c);
                enc.initialize(m, DataType.FLOAT32, new Shape(2, 64, 8));
                ParameterStore ps = new ParameterStore(m, false);
                for (int t : new int[] {64, 37}) {
                    NDArray x = m.randomNormal(new Shape(2, t, 8));
                    NDArray y = enc.forward(ps, new NDList(x), false).singletonOrThrow();
                    assertEquals(new Shape(2, ConformerEncoder.outputFrames(t, sub), 32), y.getShape());
                    assertEquals(new Shape(2, c.outputFrames(t), 32), enc.getOutputShapes(new Shape[] {x.getShape()})[0]);
                }
            }
        }
        assertEquals(16, ConformerEncoder.outputFrames(64, 4));
        assertEquals(10, ConformerEncoder.outputFrames(37, 4));
        assertEquals(37, ConformerEncoder.outputFrames(37, 1));
    }

    @Test
    void paddingWithLengthsChangesNoValidFrame() {
        ConformerConfig c = new ConformerConfig(8, 32, 2, 4, 2, 5, 4, 0f);
        try (NDManager m = NDManager.newBaseManager()) {
            ConformerEncoder enc = new ConformerEncoder(c);
            enc.initialize(m, DataType.FLOAT32, new Shape(2, 64, 8));
            ParameterStore ps = new ParameterStore(m, false);
            int[] lengths = {61, 37, 18};
            int t = 61;
            float[] batch = new float[lengths.length * t * 8];
            NDArray[] alone = new NDArray[lengths.length];
            SplittableRandom r = new SplittableRandom(4);
            for (int i = 0; i < lengths.length; i++) {
                float[] u = new float[lengths[i] * 8];
                for (int k = 0; k < u.length; k++) {
                    u[k] = (float) r.nextGaussian();
                }
                System.arraycopy(u, 0, batch, i * t * 8, u.length);
                alone[i] = enc.encode(ps, m.create(u, new Shape(1, lengths[i], 8)), false, null);
            }
            NDArray x = m.create(batch, new Shape(lengths.length, t, 8));
            NDArray masked = enc.encode(ps, x, lengths, false, null);
            NDArray unmasked = enc.encode(ps, x, false, null);
            double worstUnmasked = 0;
            for (int i = 0; i < lengths.length; i++) {
                int n = ConformerEncoder.outputFrames(lengths[i], 4);
                float[] want = alone[i].toFloatArray();
                float[] got = masked.get(i + ", :" + n + ", :").toFloatArray();
                float[] plain = unmasked.get(i + ", :" + n + ", :").toFloatArray();
                for (int k = 0; k < want.length; k++) {
                    assertEquals(want[k], got[k], 1e-4, "row " + i + " value " + k);
                    worstUnmasked = Math.max(worstUnmasked, Math.abs(want[k] - plain[k]));
                }
            }
            assertTrue(worstUnmasked > 1e-2, "without lengths padding leaks into valid frames: " + worstUnmasked);
            float[] full = enc.encode(ps, x.get("0:1"), new int[] {t}, false, null).toFloatArray();
            assertArrayEquals(enc.encode(ps, x.get("0:1"), false, null).toFloatArray(), full,
                    "an unpadded row with its full length is bit-identical to no lengths");
        }
    }

    @Test
    void configIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ConformerConfig(8, 30, 1, 4, 2, 5, 4, 0f));
        assertThrows(IllegalArgumentException.class, () -> new ConformerConfig(8, 32, 1, 4, 2, 4, 4, 0f));
        assertThrows(IllegalArgumentException.class, () -> new ConformerConfig(8, 32, 1, 4, 2, 5, 3, 0f));
        assertThrows(IllegalArgumentException.class, () -> new ConformerConfig(8, 32, 1, 4, 2, 5, 4, 1f));
    }

    @Test
    void dropoutMasksComeFromTheGivenStream() {
        ConformerConfig c = new ConformerConfig(8, 32, 1, 4, 2, 5, 4, 0.2f);
        try (NDManager m = NDManager.newBaseManager()) {
            ConformerEncoder enc = new ConformerEncoder(c);
            enc.initialize(m, DataType.FLOAT32, new Shape(2, 32, 8));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 32, 8));
            float[] a = enc.encode(ps, x, true, new SplittableRandom(5)).toFloatArray();
            float[] b = enc.encode(ps, x, true, new SplittableRandom(5)).toFloatArray();
            float[] other = enc.encode(ps, x, true, new SplittableRandom(6)).toFloatArray();
            assertArrayEquals(a, b, "same stream, same masks");
            assertFalse(java.util.Arrays.equals(a, other), "another stream, other masks");
            // Inference needs no stream and ignores dropout.
            assertArrayEquals(enc.encode(ps, x, false, null).toFloatArray(),
                    enc.encode(ps, x, false, new SplittableRandom(1)).toFloatArray());
            assertThrows(IllegalStateException.class, () -> enc.encode(ps, x, true, null));
        }
    }

    /** Regression: DJL's x.mul(Number) frees a constant autograd still needs; a GC before backward gave NaN. */
    @Test
    void gradientsSurviveAGarbageCollectionBeforeBackward() {
        ConformerConfig c = new ConformerConfig(8, 16, 1, 2, 2, 3, 4, 0.1f);
        try (NDManager root = NDManager.newBaseManager()) {
            ConformerEncoder enc = new ConformerEncoder(c);
            enc.initialize(root, DataType.FLOAT32, new Shape(2, 32, 8));
            var params = enc.getParameters();
            params.values().forEach(p -> p.getArray().setRequiresGradient(true));
            try (NDManager sub = root.newSubManager()) {
                NDArray x = sub.randomNormal(new Shape(2, 32, 8));
                try (var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    NDArray loss = enc.encode(new ParameterStore(sub, false), x, true, new SplittableRandom(1))
                            .square().mean();
                    System.gc();
                    gc.backward(loss);
                }
                for (var p : params) {
                    assertFalse(p.getValue().getArray().getGradient().isNaN().any().getBoolean(), p.getKey());
                }
            }
        }
    }

    @Test
    void dropoutKeepsTheExpectedFraction() {
        SeededDropout d = new SeededDropout(0.25f);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] mask = d.mask(m, new Shape(100, 100), new SplittableRandom(3)).toFloatArray();
            int zeros = 0;
            for (float v : mask) {
                zeros += v == 0 ? 1 : 0;
                assertEquals(true, v == 0 || Math.abs(v - 4f / 3) < 1e-6, "inverted dropout scale");
            }
            assertEquals(0.25, zeros / 10000.0, 0.02);
        }
    }

    @Test
    void splitForwardEqualsEncodeBitForBit() {
        ConformerConfig c = new ConformerConfig(10, 32, 3, 2, 2, 5, 4, 0.2f);
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(2, 40, 10);
            ConformerEncoder enc = new ConformerEncoder(c);
            enc.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, shape);
            ai.djl.training.ParameterStore ps = new ai.djl.training.ParameterStore(m, false);
            ai.djl.ndarray.NDArray x = m.randomNormal(shape);
            float[] whole = enc.encode(ps, x, true, new java.util.SplittableRandom(5)).toFloatArray();
            java.util.SplittableRandom r = new java.util.SplittableRandom(5);
            ai.djl.ndarray.NDArray h = enc.addPositions(ps, enc.embed(ps, x, true), true, r);
            h = enc.layers(ps, h, 0, 1, true, r);
            h = enc.layers(ps, h, 1, 3, true, r);
            assertArrayEquals(whole, h.toFloatArray(), "embed + addPositions + layers must be encode");
            assertThrows(IllegalArgumentException.class, () -> enc.layers(ps, x, 2, 4, false, null));
        }
    }
}
