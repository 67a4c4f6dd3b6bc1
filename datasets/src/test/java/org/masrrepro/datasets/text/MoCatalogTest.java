package org.masrrepro.datasets.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** .mo parsing and parallel-sentence mining on catalogues this test writes. */
class MoCatalogTest {

    /** Minimal .mo encoder (little-endian, no hash table). */
    static byte[] mo(Map<String, String> entries) {
        List<byte[]> ids = new ArrayList<>();
        List<byte[]> strs = new ArrayList<>();
        entries.forEach((k, v) -> {
            ids.add(k.getBytes(StandardCharsets.UTF_8));
            strs.add(v.getBytes(StandardCharsets.UTF_8));
        });
        int n = ids.size();
        int origTable = 28;
        int transTable = origTable + 8 * n;
        int data = transTable + 8 * n;
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        int[][] orig = new int[n][2];
        int[][] trans = new int[n][2];
        for (int i = 0; i < n; i++) {
            orig[i] = new int[] {ids.get(i).length, data + blob.size()};
            blob.writeBytes(ids.get(i));
            blob.write(0);
        }
        for (int i = 0; i < n; i++) {
            trans[i] = new int[] {strs.get(i).length, data + blob.size()};
            blob.writeBytes(strs.get(i));
            blob.write(0);
        }
        ByteBuffer b = ByteBuffer.allocate(data + blob.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x950412de).putInt(0).putInt(n).putInt(origTable).putInt(transTable).putInt(0).putInt(0);
        for (int[] o : orig) {
            b.putInt(o[0]).putInt(o[1]);
        }
        for (int[] t : trans) {
            b.putInt(t[0]).putInt(t[1]);
        }
        b.put(blob.toByteArray());
        return b.array();
    }

    static Map<String, String> m(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("", "Content-Type: text/plain; charset=UTF-8\n");
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    @Test
    void parsesAndSkipsPluralsAndContexts() throws IOException {
        Map<String, String> c = MoCatalog.parse(mo(m("Open the file now", "Öffne die Datei jetzt",
                "one file\u0000%d files", "x", "menu\u0004Quit the program", "y")), "test.mo");
        assertEquals(Map.of("Open the file now", "Öffne die Datei jetzt"), c);
    }

    @Test
    void minesOnlySentencesTranslatedEverywhere(@TempDir Path tmp) throws IOException {
        write(tmp, "de", m("Could not open the file", "Die Datei konnte nicht geöffnet werden",
                "Delete all of the selected items", "Alle ausgewählten Elemente löschen",
                "Cannot read %s from disk", "Kann %s nicht lesen", "Short one", "Kurz"));
        write(tmp, "sv", m("Could not open the file", "Kunde inte öppna filen",
                "Delete all of the selected items", "Delete all of the selected items"));
        ParallelSentences miner = ParallelSentences.builder().setLanguages(List.of("de", "sv", "en"))
                .optLocaleDir(tmp).optDomains(List.of("dom")).build();
        List<ParallelSentence> s = miner.mine();
        assertEquals(1, s.size(), "untranslated (copied) and placeholder strings are dropped: " + s);
        assertEquals("Kunde inte öppna filen", s.get(0).text().get("sv"));
        assertEquals("Could not open the file", s.get(0).text().get("en"));
        assertTrue(miner.cataloguesUsed().containsKey("de/dom"));
        assertFalse(s.get(0).id().isEmpty());
    }

    static void write(Path root, String lang, Map<String, String> entries) throws IOException {
        Path dir = root.resolve(lang).resolve("LC_MESSAGES");
        Files.createDirectories(dir);
        Files.write(dir.resolve("dom.mo"), mo(entries));
    }
}
