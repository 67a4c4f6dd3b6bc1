package org.masrrepro.reports.wer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrnTest {

    @Test
    void writesWhatReadsBack(@TempDir Path tmp) throws IOException {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("utt-2", "l'été  est   là");
        text.put("utt-1", "");
        Path f = tmp.resolve("hyp.trn");
        Trn.write(f, text);
        assertEquals("l'été est là (utt-2)\n(utt-1)\n", Files.readString(f));
        Map<String, List<String>> back = Trn.read(f);
        assertEquals(List.of("utt-2", "utt-1"), List.copyOf(back.keySet()));
        assertEquals(List.of("l'été", "est", "là"), back.get("utt-2"));
        assertEquals(List.of(), back.get("utt-1"));
    }

    @Test
    void rejectsWhatWouldNotReadBack(@TempDir Path tmp) {
        assertThrows(IllegalArgumentException.class, () -> Trn.write(tmp.resolve("a.trn"), Map.of("a b", "x")));
        assertThrows(IllegalArgumentException.class, () -> Trn.write(tmp.resolve("b.trn"), Map.of("a", "x (y)")));
    }
}
