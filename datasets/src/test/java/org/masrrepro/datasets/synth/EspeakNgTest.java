package org.masrrepro.datasets.synth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** espeak-ng wrapper: version, voices, deterministic non-empty trimmed 16 kHz output, errors. */
class EspeakNgTest {

    @BeforeAll
    static void needEspeak() {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: " + EspeakNg.INSTALL);
    }

    @Test
    void versionVoicesAndVariants() throws IOException {
        assertTrue(EspeakNg.version().matches("\\d+\\.\\d+.*"), EspeakNg.version());
        assertTrue(EspeakNg.voices().containsAll(java.util.List.of("sv", "nb", "hr", "sr", "en-us", "cmn")));
        assertTrue(EspeakNg.variants().containsAll(EspeakVoices.MALE));
        assertTrue(EspeakNg.variants().containsAll(EspeakVoices.FEMALE));
        EspeakVoices.check(java.util.List.of("bs", "hr", "sr", "zh", "pt"));
        assertThrows(IllegalStateException.class, () -> EspeakVoices.check(java.util.List.of("xx")));
    }

    @Test
    void deterministicNonEmptyAndTrimmed() throws IOException {
        EspeakNg e = new EspeakNg();
        float[] a = e.synthesize("sr", "f2", 160, 55, "Циљна датотека је директоријум");
        float[] b = e.synthesize("sr", "f2", 160, 55, "Циљна датотека је директоријум");
        assertArrayEquals(a, b);
        assertTrue(a.length > EspeakNg.SAMPLE_RATE / 2, "at least half a second: " + a.length);
        int lead = 0;
        while (Math.abs(a[lead]) < 1e-3f) {
            lead++;
        }
        assertTrue(lead <= EspeakNg.SAMPLE_RATE / 10 + 64, "leading silence " + lead);
        float[] slower = e.synthesize("sr", "f2", 120, 55, "Циљна датотека је директоријум");
        assertTrue(slower.length > a.length, "rate is applied");
    }

    @Test
    void errorsNameCommandAndExitCode() {
        IOException ex = assertThrows(IOException.class,
                () -> new EspeakNg("false").synthesize("sv", "m1", 150, 50, "Hej hej"));
        assertTrue(ex.getMessage().contains("false --stdout") && ex.getMessage().contains("exited with code 1"),
                ex.getMessage());
        assertEquals(new float[0].length, EspeakNg.trim(new float[100], 22050).length);
    }
}
