package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTest {

    @TempDir
    Path tmp;

    @Test
    void labelAndLocationRoundTrip() throws IOException {
        Utterance located = new Utterance("a", "train", "sv", "s1", "F", "", "hej", "a.wav", 16000, true, "",
                59.3293, 18.0686);
        Utterance labelled = new Utterance("b", "test", "en", "s2", "", "", "", "b.wav", 8000, false, "cough",
                Double.NaN, Double.NaN);
        Path csv = tmp.resolve("m.csv");
        Manifest.write(csv, List.of(located, labelled));
        List<Utterance> back = Manifest.read(csv);
        assertEquals(List.of(located, labelled), back);
        assertTrue(back.get(0).hasLocation());
        assertFalse(back.get(1).hasLocation());
    }

    @Test
    void halfAKnownLocationOrOutOfRangeIsRejectedWithTheLine() throws IOException {
        Path csv = tmp.resolve("m.csv");
        Manifest.write(csv, List.of(new Utterance("a", "train", "sv", "s1", "F", "", "", "a.wav", 1, true, "",
                10, 20)));
        String text = Files.readString(csv);
        Files.writeString(csv, text.replace(",10.0,20.0", ",10.0,"));
        IOException half = assertThrows(IOException.class, () -> Manifest.read(csv));
        assertTrue(half.getMessage().contains("line 2"), half.getMessage());
        Files.writeString(csv, text.replace(",10.0,20.0", ",91.0,20.0"));
        IOException range = assertThrows(IOException.class, () -> Manifest.read(csv));
        assertTrue(range.getMessage().contains("latitude 91.0"), range.getMessage());
    }

    @Test
    void theAudioHashFollowsTheSamplesWhichTheManifestHashDoesNot() throws IOException {
        Path csv = tmp.resolve("m.csv");
        Files.createDirectories(tmp.resolve("audio"));
        Files.write(tmp.resolve("audio/a.wav"), new byte[] {1, 2, 3});
        Files.write(tmp.resolve("audio/b.wav"), new byte[] {4, 5});
        Manifest.write(csv, List.of(new Utterance("a", "train", "sv", "s1", "F", "", "", "audio/a.wav", 3, true),
                new Utterance("b", "train", "sv", "s1", "F", "", "", "audio/b.wav", 2, true)));
        String before = Manifest.audioSha256(csv);
        String manifest = org.masrrepro.datasets.util.Hashes.sha256(csv);
        assertEquals(before, Manifest.audioSha256(csv), "deterministic");

        Files.write(tmp.resolve("audio/b.wav"), new byte[] {4, 6});
        assertEquals(manifest, org.masrrepro.datasets.util.Hashes.sha256(csv));
        assertFalse(before.equals(Manifest.audioSha256(csv)), "one changed sample changes the audio hash");

        // bytes moved from one file to the next are a different corpus: each file's path is hashed before it
        Files.write(tmp.resolve("audio/a.wav"), new byte[] {1, 2});
        Files.write(tmp.resolve("audio/b.wav"), new byte[] {3, 4, 5});
        assertFalse(before.equals(Manifest.audioSha256(csv)));

        Files.delete(tmp.resolve("audio/b.wav"));
        IOException missing = assertThrows(IOException.class, () -> Manifest.audioSha256(csv));
        assertTrue(missing.getMessage().contains("audio/b.wav") && missing.getMessage().contains("rebuild"),
                missing.getMessage());
    }
}
