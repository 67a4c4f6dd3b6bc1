package org.masrrepro.datasets.features;

import org.junit.jupiter.api.Test;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.metadata.Npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link LogMel} against a stored torchaudio reference (fixtures/logmel_torchaudio.npy of fixtures/logmel_input.wav,
 * espeak-ng speech with a digital-silence gap; written by datasets/scripts/make_logmel_fixture.sh), within
 * {@link TorchaudioComparison}'s tolerances, so the default suite checks the front end on a machine without torch.
 * {@link TorchaudioReferenceTest} (-Pslow) recomputes the reference live.
 */
class LogMelFixtureTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LogMelFixtureTest.class.getResourceAsStream("/fixtures/" + name)) {
            assertNotNull(in, "missing test resource fixtures/" + name);
            return in.readAllBytes();
        }
    }

    @Test
    void matchesStoredTorchaudioReference() throws IOException {
        Npy.Array ref = Npy.parse(resource("logmel_torchaudio.npy"), "logmel_torchaudio.npy");
        assertArrayEquals(new int[] {472, 80}, ref.shape(), "reference shape [frames][mels]");
        float[][] torchaudio = new float[ref.shape()[0]][80];
        for (int t = 0; t < torchaudio.length; t++) {
            System.arraycopy(ref.floats(), t * 80, torchaudio[t], 0, 80);
        }
        Path wav = Files.createTempFile("logmel_input", ".wav");
        try {
            Files.write(wav, resource("logmel_input.wav"));
            float[][] ours = LogMel.builder().build().compute(Wav.read(wav).samples());
            double[] diffs = TorchaudioComparison.assertMatches(torchaudio, ours);
            // the gap must reach the floor, or the low-energy branch of the comparison would go untested
            assertTrue(diffs[1] > 0, "the fixture has no frame at the low-energy floor");
        } finally {
            Files.deleteIfExists(wav);
        }
    }
}
