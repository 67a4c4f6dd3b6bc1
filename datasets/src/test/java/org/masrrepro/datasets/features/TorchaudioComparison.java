package org.masrrepro.datasets.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stated tolerance of {@link LogMel} against torchaudio 0.13's {@code MelSpectrogram} + {@code log(clamp(1e-6))}:
 * 1e-3 absolute on log values wherever the mel energy exceeds 1e-4; 2e-2 below it (torchaudio works in float32, so
 * the tiny energies near the 1e-6 floor differ relatively more).
 */
final class TorchaudioComparison {

    static final double TOLERANCE = 1e-3;
    static final double LOW_ENERGY_TOLERANCE = 2e-2;
    private static final double LOW_ENERGY = Math.log(1e-4);

    private TorchaudioComparison() {
    }

    /** Asserts frame count, 80 mels and both tolerances; returns {max diff, max low-energy diff} for the log. */
    static double[] assertMatches(float[][] torchaudio, float[][] ours) {
        assertEquals(torchaudio.length, ours.length, "frame count");
        double maxDiff = 0;
        double maxLowDiff = 0;
        for (int t = 0; t < torchaudio.length; t++) {
            assertEquals(80, torchaudio[t].length, "mels in torchaudio frame " + t);
            assertEquals(80, ours[t].length, "mels in our frame " + t);
            for (int m = 0; m < 80; m++) {
                double d = Math.abs(torchaudio[t][m] - ours[t][m]);
                if (torchaudio[t][m] > LOW_ENERGY) {
                    maxDiff = Math.max(maxDiff, d);
                } else {
                    maxLowDiff = Math.max(maxLowDiff, d);
                }
            }
        }
        System.out.printf("torchaudio max |diff| = %.3g (mel > 1e-4), %.3g (mel <= 1e-4)%n", maxDiff, maxLowDiff);
        assertTrue(maxDiff <= TOLERANCE, "max |log-mel - torchaudio| = " + maxDiff + " > " + TOLERANCE);
        assertTrue(maxLowDiff <= LOW_ENERGY_TOLERANCE,
                "max low-energy |log-mel - torchaudio| = " + maxLowDiff + " > " + LOW_ENERGY_TOLERANCE);
        return new double[] {maxDiff, maxLowDiff};
    }
}
