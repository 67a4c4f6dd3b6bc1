package org.masrrepro.datasets.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /** Amplitude of frequency {@code hz} in {@code x[from, to)} by correlation with a complex exponential. */
    static double amplitude(float[] x, double hz, int rate, int from, int to) {
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            re += x[i] * Math.cos(2 * Math.PI * hz * i / rate);
            im += x[i] * Math.sin(2 * Math.PI * hz * i / rate);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * (double) x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void roundTripIsExactToOneLsbAndDeterministic(@TempDir Path tmp) throws IOException {
        float[] x = sine(440, 16000, 1600, 0.5);
        x[7] = 1.7f;  // clipped
        x[8] = -3f;   // clipped
        Path f = tmp.resolve("sub/a.wav");
        Wav.write(f, x, 16000);
        AudioClip c = Wav.read(f);
        assertEquals(16000, c.sampleRate());
        assertEquals(x.length, c.samples().length);
        for (int i = 0; i < x.length; i++) {
            double expected = Math.max(-1, Math.min(1, x[i]));
            assertEquals(expected, c.samples()[i], 1.0 / 32767, "sample " + i);
        }
        assertEquals(32767 / 32768.0, c.samples()[7], 1e-9);
        byte[] first = Files.readAllBytes(f);
        Wav.write(f, x, 16000);
        assertArrayEquals(first, Files.readAllBytes(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
        assertEquals(44 + 2 * x.length, first.length);
    }

    @Test
    void roundingIsSymmetricAndClips() {
        assertEquals(3, Wav.toPcm16(2.6f / 32767));
        assertEquals(-3, Wav.toPcm16(-2.6f / 32767));
        assertEquals(-2, Wav.toPcm16(-2.4f / 32767));
        for (int i = 0; i < 100000; i++) {
            float v = (float) (i / 100000.0);
            assertEquals(-Wav.toPcm16(v), Wav.toPcm16(-v), "rounding must be symmetric at " + v);
        }
        assertEquals(32767, Wav.toPcm16(2f));
        assertEquals(-32767, Wav.toPcm16(-2f));
        assertEquals(0, Wav.toPcm16(Float.NaN));
    }

    @Test
    void streamingHeaderWithPlaceholderSizesLikeEspeak() throws IOException {
        float[] x = sine(300, 22050, 501, 0.3);
        byte[] b = Wav.encode16(x, 22050);
        // espeak-ng --stdout writes these exact placeholders
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7ffff024).putInt(40, 0x7ffff000);
        AudioClip c = Wav.decode(b, "stream");
        assertEquals(501, c.samples().length);
        assertEquals(22050, c.sampleRate());
        assertEquals(x[100], c.samples()[100], 1.0 / 32767);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0xffffffff).putInt(40, 0xffffffff);
        assertEquals(501, Wav.decode(b, "stream").samples().length);
        // a stream cut mid-sample drops the partial sample
        assertEquals(500, Wav.decode(Arrays.copyOf(b, b.length - 1), "stream").samples().length);
    }

    @Test
    void stereoAndOtherEncodingsAreDownmixed() throws IOException {
        // 2 frames of 24-bit stereo: (0.5, -0.25), (-1, 1)
        ByteBuffer d = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {1 << 22, -(1 << 21), -(1 << 23), (1 << 23) - 1}) {
            d.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        byte[] b = wav(1, 2, 48000, 24, d.array());
        AudioClip c = Wav.decode(b, "x");
        assertEquals(48000, c.sampleRate());
        assertEquals(0.125, c.samples()[0], 1e-6);
        assertEquals(0.0, c.samples()[1], 1e-6);
        ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(-0.75f);
        assertEquals(-0.25f, Wav.decode(wav(3, 2, 8000, 32, f.array()), "f").samples()[0], 1e-7);
    }

    private static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        int block = channels * bits / 8;
        b.put("RIFF".getBytes()).putInt(36 + data.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) format).putShort((short) channels).putInt(rate).putInt(rate * block)
                .putShort((short) block).putShort((short) bits).put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    @Test
    void truncatedInvalidOrMissingFilesNameTheFileAndReason(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("cut.wav");
        Files.write(f, new byte[] {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        IOException e = assertThrows(IOException.class, () -> Wav.read(f));
        assertTrue(e.getMessage().contains("cut.wav") && e.getMessage().contains("truncated"), e.getMessage());

        byte[] whole = Wav.encode16(sine(440, 16000, 1000, 0.5), 16000);
        Path g = tmp.resolve("half.wav");
        Files.write(g, Arrays.copyOf(whole, 1000));
        IOException h = assertThrows(IOException.class, () -> Wav.read(g));
        assertTrue(h.getMessage().contains("half.wav") && h.getMessage().contains("declares 2000 bytes"),
                h.getMessage());

        Path txt = tmp.resolve("notes.wav");
        Files.writeString(txt, "hello, not audio");
        IOException n = assertThrows(IOException.class, () -> Wav.read(txt));
        assertTrue(n.getMessage().contains("notes.wav") && n.getMessage().contains("RIFF"), n.getMessage());

        IOException m = assertThrows(IOException.class, () -> Wav.read(tmp.resolve("none.wav")));
        assertTrue(m.getMessage().contains("none.wav") && m.getMessage().contains("missing"), m.getMessage());
    }

    @Test
    void resamplingKeepsInBandTonesAndRemovesAliases() {
        float[] x = sine(1000, 22050, 22050, 0.5);
        float[] y = Resampler.resample(x, 22050, 16000);
        assertEquals(16000, y.length);
        assertEquals(0.5, amplitude(y, 1000, 16000, 1000, 15000), 0.002);
        // frequency kept: the output matches a 1 kHz sine sampled at 16 kHz, sample by sample
        float[] ref = sine(1000, 16000, 16000, 0.5);
        double err = 0;
        for (int i = 1000; i < 15000; i++) {
            err = Math.max(err, Math.abs(y[i] - ref[i]));
        }
        assertTrue(err < 2e-3, "max deviation from the ideal 16 kHz sine " + err);
        // 10 kHz is above the new Nyquist; it would alias to 6.05 kHz. Require > 60 dB attenuation overall.
        float[] hi = Resampler.resample(sine(10000, 22050, 22050, 0.5), 22050, 16000);
        assertTrue(rms(hi, 1000, 15000) < 0.5 / Math.sqrt(2) * 1e-3, "10 kHz residual rms " + rms(hi, 1000, 15000));
        // 7 kHz is in the pass band and must survive (within 1 dB)
        float[] seven = Resampler.resample(sine(7000, 22050, 22050, 0.5), 22050, 16000);
        assertEquals(0.5, amplitude(seven, 7000, 16000, 1000, 15000), 0.06);
        assertArrayEquals(y, Resampler.resample(x, 22050, 16000), "deterministic");
        assertArrayEquals(x, Resampler.resample(x, 22050, 22050));
    }

    @Test
    void upsamplingKeepsTones() {
        float[] y = Resampler.resample(sine(1000, 16000, 16000, 0.5), 16000, 22050);
        assertEquals(22050, y.length);
        assertEquals(0.5, amplitude(y, 1000, 22050, 1000, 21000), 0.002);
        // no images: the 15 kHz mirror of 1 kHz around 8 kHz must be absent
        assertTrue(amplitude(y, 15000, 22050, 1000, 21000) < 1e-3);
    }

    @Test
    void noiseHasTheRequestedSnrAndIsSeeded() {
        float[] x = sine(500, 16000, 32000, 0.5);
        for (double snr : new double[] {0, 10, 20}) {
            float[] y = Augment.addNoise(x, snr, 7);
            double s = 0;
            double n = 0;
            for (int i = 0; i < x.length; i++) {
                s += x[i] * (double) x[i];
                n += (y[i] - x[i]) * (double) (y[i] - x[i]);
            }
            assertEquals(snr, 10 * Math.log10(s / n), 0.5);
        }
        assertArrayEquals(Augment.addNoise(x, 10, 7), Augment.addNoise(x, 10, 7));
        assertTrue(!Arrays.equals(Augment.addNoise(x, 10, 7), Augment.addNoise(x, 10, 8)));
    }

    @Test
    void bandLimitPassesTheBandAndCutsOutside() {
        int n = 16000;
        float[] mid = Augment.bandLimit(sine(1000, 16000, n, 0.5), 16000, 300, 3400);
        float[] low = Augment.bandLimit(sine(50, 16000, n, 0.5), 16000, 300, 3400);
        float[] high = Augment.bandLimit(sine(7000, 16000, n, 0.5), 16000, 300, 3400);
        assertEquals(0.5, amplitude(mid, 1000, 16000, 4000, n), 0.05);
        assertTrue(amplitude(low, 50, 16000, 4000, n) < 0.02, "50 Hz passes");
        assertTrue(amplitude(high, 7000, 16000, 4000, n) < 0.15 * 0.5, "7 kHz passes");
    }

    @Test
    void speedChangesDurationAndPitch() {
        float[] x = sine(500, 16000, 16000, 0.5);
        float[] y = Augment.speed(x, 1.25);
        assertEquals(12800, y.length);
        assertEquals(0.5, amplitude(y, 625, 16000, 1000, 11800), 0.01);
        assertArrayEquals(y, Augment.speed(x, 1.25));
    }
}
