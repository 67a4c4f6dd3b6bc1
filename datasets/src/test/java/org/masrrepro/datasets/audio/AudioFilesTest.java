package org.masrrepro.datasets.audio;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding WAV, FLAC and Ogg Vorbis fixtures that sox writes from a known signal; bad files give named errors. */
class AudioFilesTest {

    @TempDir
    Path tmp;

    /** Two tones plus a little noise: not trivially compressible, and the same every run. */
    static float[] signal(int rate, int n) {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / rate) + 0.2 * Math.sin(2 * Math.PI * 1230 * i / rate)
                    + 0.01 * (r.nextDouble() - 0.5));
        }
        return x;
    }

    private Path wav(String name, int rate, int n) throws IOException {
        Path f = tmp.resolve(name);
        Wav.write(f, signal(rate, n), rate);
        return f;
    }

    @BeforeEach
    void needSox() {
        Sox.assumeAvailable();
    }

    @Test
    void flacIsBitExactTo16BitPcm() throws IOException {
        Path src = wav("a.wav", 16000, 12345);
        Path flac = tmp.resolve("a.flac");
        Sox.convert(src, flac);
        float[] expected = Wav.read(src).samples();
        AudioClip c = AudioFiles.read(flac);
        assertEquals(16000, c.sampleRate());
        assertArrayEquals(expected, c.samples(), "FLAC is lossless: every 16-bit sample must come back exactly");
        assertArrayEquals(expected, AudioFiles.read16k(flac));
        assertEquals(AudioFiles.Format.FLAC, AudioFiles.detect(Files.readAllBytes(flac), "x"));
        for (String bits : new String[] {"8", "24"}) { // 16-bit values survive widening exactly; 8-bit to 1/128
            Path other = tmp.resolve("a" + bits + ".flac");
            Sox.convert(src, other, "-b", bits);
            assertArrayEquals(expected, AudioFiles.read(other).samples(), bits.equals("8") ? 1f / 128 : 0f, bits + "-bit");
        }
    }

    @Test
    void stereo44kFlacIsDownmixedAndResampledLikeTheWavPath() throws IOException {
        Path mono = wav("m.wav", 44100, 44100 / 2);
        Path stereo = tmp.resolve("s.wav");
        Sox.convert(mono, stereo, "-c", "2"); // same signal on both channels
        Path flac = tmp.resolve("s.flac");
        Sox.convert(stereo, flac);
        float[] expected = Resampler.resample(Wav.read(mono).samples(), 44100, 16000);
        float[] got = AudioFiles.read16k(flac);
        assertArrayEquals(expected, got, 1e-6f);
        assertArrayEquals(got, AudioFiles.read16k(flac), "same file, same samples");
    }

    @Test
    void vorbisMatchesTheSourceWithinCodecLoss() throws IOException {
        int n = 16000;
        Path src = wav("v.wav", 16000, n);
        Path ogg = tmp.resolve("v.ogg");
        Sox.convert(src, ogg, "-C", "6");
        float[] x = Wav.read(src).samples();
        float[] y = AudioFiles.read16k(ogg);
        assertEquals(n, y.length, "the last page's granule position gives the exact length");
        double signal = 0;
        double error = 0;
        for (int i = 0; i < n; i++) {
            signal += x[i] * (double) x[i];
            error += (x[i] - y[i]) * (double) (x[i] - y[i]);
        }
        double snrDb = 10 * Math.log10(signal / error);
        assertTrue(snrDb > 20, "Vorbis q6 should reproduce two tones at > 20 dB SNR, got " + snrDb);
        assertEquals(AudioFiles.Format.OGG_VORBIS, AudioFiles.detect(Files.readAllBytes(ogg), "x"));
    }

    @Test
    void vorbisAt22kIsResampledTo16k() throws IOException {
        Path src = wav("r.wav", 22050, 22050);
        Path ogg = tmp.resolve("r.ogg");
        Sox.convert(src, ogg);
        AudioClip native_ = AudioFiles.read(ogg);
        assertEquals(22050, native_.sampleRate());
        float[] y = AudioFiles.read16k(ogg);
        assertArrayEquals(Resampler.resample(native_.samples(), 22050, 16000), y);
        assertEquals(16000, y.length);
        double a440 = AudioTest.amplitude(y, 440, 16000, 1000, 15000);
        assertEquals(0.4, a440, 0.02, "440 Hz tone survives encode + resample");
    }

    @Test
    void truncatedFilesAreNamedErrors() throws IOException {
        Path src = wav("t.wav", 16000, 16000);
        for (String ext : new String[] {"flac", "ogg"}) {
            Path full = tmp.resolve("t." + ext);
            Sox.convert(src, full);
            byte[] b = Files.readAllBytes(full);
            Path cut = tmp.resolve("cut." + ext);
            Files.write(cut, Arrays.copyOf(b, b.length / 2));
            IOException e = assertThrows(IOException.class, () -> AudioFiles.read16k(cut));
            assertTrue(e.getMessage().startsWith(cut.toString()) && e.getMessage().contains("truncated"),
                    ext + ": " + e.getMessage());
        }
        Path cutWav = tmp.resolve("cut.wav");
        byte[] w = Files.readAllBytes(src);
        Files.write(cutWav, Arrays.copyOf(w, w.length / 2));
        IOException e = assertThrows(IOException.class, () -> AudioFiles.read16k(cutWav));
        assertTrue(e.getMessage().contains("cut.wav") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageAndMissingFilesAreNamedErrors() throws IOException {
        byte[] junk = new byte[4000];
        new SplittableRandom(3).nextBytes(junk);
        Path garbage = tmp.resolve("junk.flac");
        Files.write(garbage, junk);
        IOException e = assertThrows(IOException.class, () -> AudioFiles.read16k(garbage));
        assertTrue(e.getMessage().contains("junk.flac") && e.getMessage().contains("unrecognized audio format"),
                e.getMessage());

        // Right magic, garbage body: the decoders must fail with the name, not hang or return noise.
        for (String magic : new String[] {"fLaC", "OggS"}) {
            byte[] b = junk.clone();
            System.arraycopy(magic.getBytes(), 0, b, 0, 4);
            Path f = tmp.resolve("bad-" + magic + ".bin");
            Files.write(f, b);
            IOException bad = assertThrows(IOException.class, () -> AudioFiles.read16k(f));
            assertTrue(bad.getMessage().startsWith(f.toString()), bad.getMessage());
        }

        Path missing = tmp.resolve("nope.ogg");
        IOException m = assertThrows(IOException.class, () -> AudioFiles.read16k(missing));
        assertTrue(m.getMessage().contains("nope.ogg") && m.getMessage().contains("missing"), m.getMessage());

        Path empty = tmp.resolve("empty.wav");
        Files.write(empty, new byte[0]);
        IOException z = assertThrows(IOException.class, () -> AudioFiles.read16k(empty));
        assertTrue(z.getMessage().contains("empty.wav") && z.getMessage().contains("empty"), z.getMessage());
    }

    @Test
    void corruptFlacFrameIsAnError() throws IOException {
        Path src = wav("c.wav", 16000, 16000);
        Path flac = tmp.resolve("c.flac");
        Sox.convert(src, flac);
        byte[] b = Files.readAllBytes(flac);
        for (int i = b.length / 2; i < b.length / 2 + 64; i++) {
            b[i] ^= 0x5a;
        }
        Path bad = tmp.resolve("corrupt.flac");
        Files.write(bad, b);
        IOException e = assertThrows(IOException.class, () -> AudioFiles.read16k(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    }
}
