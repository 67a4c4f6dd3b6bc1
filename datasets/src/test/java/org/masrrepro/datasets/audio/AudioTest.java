package org.masrrepro.datasets.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WAV I/O, resampling and degradations. */
class AudioTest {

    static float[] sine(double hz, int rate, int n, double amp) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Amplitude of frequency {@code hz} in {@code x} by correlation with a complex exponential. */
    static double amplitude(float[] x, double hz, int rate, int from, int to) {
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            re += x[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += x[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    @Test
    void roundTrip(@TempDir Path tmp) throws IOException {
        float[] x = sine(440, 16000, 1600, 0.5);
        Wav.write(tmp.resolve("a.wav"), x, 16000);
        AudioClip c = Wav.read(tmp.resolve("a.wav"));
        assertEquals(16000, c.sampleRate());
        assertEquals(x.length, c.samples().length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], c.samples()[i], 1.0 / 32767);
        }
    }

    @Test
    void streamingHeaderWithPlaceholderSizes() throws IOException {
        byte[] b = Wav.encode16(sine(300, 22050, 500, 0.3), 22050);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7fffffff).putInt(40, 0x7fffffff);
        AudioClip c = Wav.decode(b, "stream");
        assertEquals(500, c.samples().length);
        assertEquals(22050, c.sampleRate());
    }

    @Test
    void truncatedOrMissingFilesNameTheFile(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("cut.wav");
        Files.write(f, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        IOException e = assertThrows(IOException.class, () -> Wav.read(f));
        assertTrue(e.getMessage().contains("cut.wav"), e.getMessage());
        IOException m = assertThrows(IOException.class, () -> Wav.read(tmp.resolve("none.wav")));
        assertTrue(m.getMessage().contains("none.wav") && m.getMessage().contains("missing"), m.getMessage());
    }

    @Test
    void resamplingKeepsInBandTonesAndRemovesAliases() {
        float[] x = sine(1000, 22050, 22050, 0.5);
        float[] y = Resampler.resample(x, 22050, 16000);
        assertEquals(16000, y.length);
        assertEquals(0.5, amplitude(y, 1000, 16000, 1000, 15000), 0.01);
        float[] hi = Resampler.resample(sine(10000, 22050, 22050, 0.5), 22050, 16000);
        // 10 kHz is above the new Nyquist; it would alias to 6 kHz
        assertTrue(amplitude(hi, 6000, 16000, 1000, 15000) < 0.005);
    }

    @Test
    void noiseHasTheRequestedSnr() {
        float[] x = sine(500, 16000, 32000, 0.5);
        float[] y = Augment.addNoise(x, 10, 7);
        double s = 0;
        double n = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * (double) x[i];
            n += (y[i] - x[i]) * (double) (y[i] - x[i]);
        }
        assertEquals(10, 10 * Math.log10(s / n), 0.5);
        float[] again = Augment.addNoise(x, 10, 7);
        assertEquals(y[123], again[123]);
    }
}
