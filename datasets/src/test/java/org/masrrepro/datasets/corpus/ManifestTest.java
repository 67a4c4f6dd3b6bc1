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
}
