package org.masrrepro.datasets.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.Resampler;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-file feature cache: round trip, skip-on-rebuild, determinism, corruption. */
class FeatureCacheTest {

    private static List<Utterance> corpus(Path dir, int count) throws IOException {
        List<Utterance> utts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rel = "wav/u" + i + ".wav";
            int n = 3000 + 917 * i;
            Wav.write(dir.resolve(rel), FeaturesTest.tone(300 + 150 * i, n), 16000);
            utts.add(new Utterance("utt-" + i + "-é", "train", "xx", "s", "M", "", "", rel, n, false));
        }
        return utts;
    }

    @Test
    void roundTripEqualsDirectComputeAndIsDeterministic(@TempDir Path tmp) throws IOException {
        List<Utterance> utts = corpus(tmp, 70); // more than one chunk of work
        LogMel lm = LogMel.builder().build();
        Path out = tmp.resolve("feats/train.feats");
        AtomicLong last = new AtomicLong();
        FeatureSet set = FeatureCache.build(tmp, utts, lm, out, (p, done, total, loss, eta) -> last.set(done));
        assertEquals(70, last.get());
        assertEquals(70, set.size());
        assertEquals(80, set.dim());
        for (int i = 0; i < utts.size(); i++) {
            assertEquals(utts.get(i).id(), set.id(i));
            float[][] direct = lm.compute(Wav.read(tmp.resolve(utts.get(i).audioPath())).samples());
            assertEquals(direct.length, set.numFrames(i));
            float[][] cached = set.frames(i);
            assertEquals(direct.length, cached.length);
            for (int t = 0; t < direct.length; t++) {
                assertArrayEquals(direct[t], cached[t]);
            }
        }
        assertFalse(Files.exists(tmp.resolve("feats/train.feats.tmp")));
        Path again = tmp.resolve("again.feats");
        FeatureCache.build(tmp, utts, lm, again, ProgressListener.NONE);
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), "same input, same bytes");
        assertEquals(FeatureCache.sha256(out), FeatureCache.sha256(again));
        assertEquals(64, FeatureCache.sha256(out).length());
    }

    @Test
    void secondBuildSkipsWorkButChangedInputsRebuild(@TempDir Path tmp) throws IOException {
        List<Utterance> utts = corpus(tmp, 3);
        LogMel lm = LogMel.builder().build();
        Path out = tmp.resolve("train.feats");
        FeatureCache.build(tmp, utts, lm, out, ProgressListener.NONE);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(out, old);
        AtomicLong calls = new AtomicLong();
        FeatureSet set = FeatureCache.build(tmp, utts, lm, out, (p, d, t, l, e) -> calls.incrementAndGet());
        assertEquals(old, Files.getLastModifiedTime(out), "an identical cache must not be rebuilt");
        assertEquals(0, calls.get());
        assertEquals(3, set.size());

        // different ids (order matters) -> rebuilt
        List<Utterance> reversed = new ArrayList<>(utts);
        java.util.Collections.reverse(reversed);
        FeatureSet rev = FeatureCache.build(tmp, reversed, lm, out, ProgressListener.NONE);
        assertTrue(Files.getLastModifiedTime(out).compareTo(old) > 0);
        assertEquals(utts.get(2).id(), rev.id(0));

        // different parameters -> rebuilt
        Files.setLastModifiedTime(out, old);
        FeatureSet forty = FeatureCache.build(tmp, reversed, LogMel.builder().optNumMels(40).build(), out,
                ProgressListener.NONE);
        assertEquals(40, forty.dim());
        assertTrue(Files.getLastModifiedTime(out).compareTo(old) > 0);
    }

    @Test
    void emptyListGivesAnEmptySet(@TempDir Path tmp) throws IOException {
        FeatureSet set = FeatureCache.build(tmp, List.of(), LogMel.builder().build(), tmp.resolve("e.feats"),
                ProgressListener.NONE);
        assertEquals(0, set.size());
        assertEquals(0, FeatureCache.open(tmp.resolve("e.feats")).size());
    }

    @Test
    void otherRatesAndFormatsAreResampledAndMissingAudioNamesTheFile(@TempDir Path tmp) throws IOException {
        // Real corpora come at 22.05/44.1/48 kHz: the cache reads them through AudioFiles, resampled to 16 kHz.
        float[] x = FeaturesTest.tone(440, 2000);
        Wav.write(tmp.resolve("a.wav"), x, 22050);
        List<Utterance> utts = List.of(new Utterance("a", "train", "xx", "s", "", "", "", "a.wav", 1452, false));
        Path out = tmp.resolve("x.feats");
        LogMel logMel = LogMel.builder().build();
        FeatureSet set = FeatureCache.build(tmp, utts, logMel, out, ProgressListener.NONE);
        float[][] expected = logMel.compute(Resampler.resample(Wav.read(tmp.resolve("a.wav")).samples(), 22050, 16000));
        assertEquals(expected.length, set.numFrames(0));
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], set.frames(0)[t], "frame " + t);
        }
        Path out2 = tmp.resolve("y.feats");
        List<Utterance> missing = List.of(new Utterance("b", "train", "xx", "s", "", "", "", "b.wav", 1, false));
        IOException m = assertThrows(IOException.class,
                () -> FeatureCache.build(tmp, missing, logMel, out2, ProgressListener.NONE));
        assertTrue(m.getMessage().contains("b.wav") && m.getMessage().contains("missing"), m.getMessage());
        assertFalse(Files.exists(out2));
        assertFalse(Files.exists(tmp.resolve("y.feats.tmp")), "temporary file removed on failure");
    }

    @Test
    void corruptFilesAreRejectedWithTheirName(@TempDir Path tmp) throws IOException {
        List<Utterance> utts = corpus(tmp, 2);
        Path out = tmp.resolve("train.feats");
        FeatureCache.build(tmp, utts, LogMel.builder().build(), out, ProgressListener.NONE);
        byte[] good = Files.readAllBytes(out);

        assertCorrupt(tmp, "short.feats", Arrays.copyOf(good, 20), "too short");
        assertCorrupt(tmp, "cut.feats", Arrays.copyOf(good, good.length - 4), "truncated");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertCorrupt(tmp, "magic.feats", magic, "bad magic");
        byte[] version = good.clone();
        ByteBuffer.wrap(version).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
        assertCorrupt(tmp, "version.feats", version, "version 99");
        byte[] count = good.clone();
        ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 1_000_000);
        assertCorrupt(tmp, "count.feats", count, "items");
        byte[] longer = Arrays.copyOf(good, good.length + 8);
        assertCorrupt(tmp, "long.feats", longer, "file has");
        IOException missing = assertThrows(IOException.class, () -> FeatureCache.open(tmp.resolve("none.feats")));
        assertTrue(missing.getMessage().contains("none.feats"), missing.getMessage());

        // a corrupt cache is rebuilt, not trusted
        Files.write(out, Arrays.copyOf(good, good.length - 4));
        FeatureSet set = FeatureCache.build(tmp, utts, LogMel.builder().build(), out, ProgressListener.NONE);
        assertEquals(2, set.size());
        assertArrayEquals(good, Files.readAllBytes(out));
    }

    private static void assertCorrupt(Path dir, String name, byte[] bytes, String reason) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        IOException e = assertThrows(IOException.class, () -> FeatureCache.open(f));
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains(reason), e.getMessage());
    }
}
