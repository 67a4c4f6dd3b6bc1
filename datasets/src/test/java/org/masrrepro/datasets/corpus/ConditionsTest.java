package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionsTest {

    static float[] tone(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0) + 0.2 * Math.sin(2 * Math.PI * 6000 * i / 16000.0));
        }
        return x;
    }

    @Test
    void cleanIsTheIdentity() {
        float[] x = tone(1000);
        assertSame(x, Conditions.CLEAN.apply(x, 16000, 3));
        assertEquals("none (clean)", Conditions.CLEAN.describe());
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherDraws() {
        Conditions c = new Conditions(0.0, 20.0, 0.5, 300, 3400, 0.9, 1.1);
        float[] x = tone(16000);
        assertArrayEquals(c.apply(x, 16000, 7), c.apply(x, 16000, 7));
        boolean lengthsDiffer = false;
        for (long seed = 0; seed < 10 && !lengthsDiffer; seed++) {
            lengthsDiffer = c.apply(x, 16000, seed).length != c.apply(x, 16000, seed + 100).length;
        }
        assertTrue(lengthsDiffer, "speed factors are drawn per item");
        assertFalse(c.isClean());
        assertTrue(c.describe().contains("band-limited") && c.describe().contains("0.0-20.0 dB"), c.describe());
    }

    @Test
    void bandLimitingRemovesHighFrequencies() {
        Conditions band = new Conditions(null, null, 1.0, 300, 3400, 1, 1);
        float[] x = tone(16000);
        float[] y = band.apply(x, 16000, 1);
        assertEquals(x.length, y.length);
        // energy of the 6 kHz component: correlate with it
        double before = 0;
        double after = 0;
        for (int i = 4000; i < 16000; i++) {
            double ref = Math.sin(2 * Math.PI * 6000 * i / 16000.0);
            before += x[i] * ref;
            after += y[i] * ref;
        }
        assertTrue(Math.abs(after) < 0.1 * Math.abs(before), before + " -> " + after);
        assertNotEquals(0, after - before);
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> new Conditions(10.0, 5.0, 0, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Conditions(10.0, null, 0, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Conditions(null, null, 1.5, 300, 3400, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Conditions(null, null, 0, 0, 0, 1.2, 1.1));
    }
}
