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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** .mo parsing and parallel-sentence mining on catalogues this test writes. */
class MoCatalogTest {

    /** Minimal .mo encoder (little-endian, no hash table). */
    static byte[] mo(Map<String, String> entries) {
        return mo(entries, ByteOrder.LITTLE_ENDIAN, StandardCharsets.UTF_8);
    }

    /** Minimal .mo encoder in either byte order and any charset, no hash table. */
    static byte[] mo(Map<String, String> entries, ByteOrder order, java.nio.charset.Charset cs) {
        List<byte[]> ids = new ArrayList<>();
        List<byte[]> strs = new ArrayList<>();
        entries.forEach((k, v) -> {
            ids.add(k.getBytes(cs));
            strs.add(v.getBytes(cs));
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
        ByteBuffer b = ByteBuffer.allocate(data + blob.size()).order(order);
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
    void parsesBigEndianAndHeaderCharset() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("", "Content-Type: text/plain; charset=ISO-8859-1\n");
        entries.put("Open the file now", "\u00d6ffne die Datei jetzt");
        byte[] be = mo(entries, ByteOrder.BIG_ENDIAN, StandardCharsets.ISO_8859_1);
        assertEquals(0x95, be[0] & 0xff, "big-endian magic first");
        Map<String, String> c = MoCatalog.parse(be, "be.mo");
        assertEquals("\u00d6ffne die Datei jetzt", c.get("Open the file now"));
        IOException e = assertThrows(IOException.class, () -> MoCatalog.parse(new byte[40], "zero.mo"));
        assertTrue(e.getMessage().contains("zero.mo") && e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void cleansMnemonicsAndRejectsPlaceholders() {
        assertEquals("Open the selected file", ParallelSentences.clean("_Open the selected file"));
        assertEquals("\u6253\u5f00\u6587\u4ef6", ParallelSentences.clean("\u6253\u5f00\u6587\u4ef6(_O)"));
        assertEquals("Name of the file", ParallelSentences.clean("Name of the file:"));
        for (String bad : List.of("Cannot open %s now", "Value {0} is wrong", "Set $HOME first please",
                "Use <b>bold</b> text here", "Two\nlines of text here", "Loading the files...", "Use --force to do it")) {
            assertEquals(null, ParallelSentences.clean(bad), bad);
        }
    }

    @Test
    void picksLocaleDirsAndCountsPerLanguage(@TempDir Path tmp) throws IOException {
        write(tmp, "no", m("Could not open the file", "Kunne ikke \u00e5pne filen"));
        write(tmp, "pt_BR", m("Could not open the file", "N\u00e3o foi poss\u00edvel abrir o arquivo"));
        write(tmp, "pt", m("Could not open the file", "N\u00e3o foi poss\u00edvel abrir o ficheiro",
                "Delete all of the selected items", "Eliminar todos os itens selecionados"));
        ParallelSentences miner = ParallelSentences.builder().setLanguages(List.of("nb", "pt"))
                .optLocaleDir(tmp).optDomains(List.of("dom")).build();
        List<ParallelSentence> s = miner.mine();
        assertEquals(Map.of("nb", "no", "pt", "pt"), miner.localeUsed());
        assertEquals(1, s.size());
        assertTrue(s.get(0).text().get("pt").endsWith("ficheiro"), "European Portuguese, not pt_BR");
        assertEquals(Map.of("nb", 1, "pt", 2), miner.sentencesPerLanguage());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelSentences.builder()
                .setLanguages(List.of("xx")).optLocaleDir(tmp).optDomains(List.of("dom")).build().mine());
        assertTrue(e.getMessage().contains("xx"), e.getMessage());
    }

    @Test
    void aConfiguredDomainWithNoCatalogueAnywhereFailsNamingItsPackage(@TempDir Path tmp) throws IOException {
        write(tmp, "de", m("Could not open the file", "Die Datei konnte nicht geöffnet werden"));
        ParallelSentences miner = ParallelSentences.builder().setLanguages(List.of("de")).optLocaleDir(tmp)
                .optDomains(List.of("dom", "gst-plugins-base-1.0")).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, miner::mine);
        assertTrue(e.getMessage().contains("gst-plugins-base-1.0")
                && e.getMessage().contains("libgstreamer-plugins-base1.0-0"), e.getMessage());
        assertThrows(IllegalStateException.class, miner::sentencesPerLanguage);
        assertEquals(1, ParallelSentences.builder().setLanguages(List.of("de")).optLocaleDir(tmp)
                .optDomains(List.of("dom")).build().mine().size(), "with only installed domains it mines");
    }

    @Test
    void sameEnglishInTwoDomainsIsOneSentence(@TempDir Path tmp) throws IOException {
        for (String dom : List.of("a", "b")) {
            Path d = tmp.resolve("sv/LC_MESSAGES");
            Files.createDirectories(d);
            Files.write(d.resolve(dom + ".mo"), mo(m("Could not open the file", "Kunde inte \u00f6ppna filen",
                    "Could not open the file.", "Kunde inte \u00f6ppna filen.")));
        }
        List<ParallelSentence> s = ParallelSentences.builder().setLanguages(List.of("sv")).optLocaleDir(tmp)
                .optDomains(List.of("b", "a")).build().mine();
        assertEquals(1, s.size(), s.toString());
        assertEquals("b", s.get(0).domain(), "the first domain in order wins");
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

    @Test
    void nearParallelKeepsSentencesMostLanguagesTranslate(@TempDir Path tmp) throws IOException {
        write(tmp, "de", m("Could not open the file", "Die Datei konnte nicht geöffnet werden",
                "Delete all of the selected items", "Alle ausgewählten Elemente löschen",
                "Only German has this one", "Nur Deutsch hat diesen Satz"));
        write(tmp, "sv", m("Could not open the file", "Kunde inte öppna filen",
                "Delete all of the selected items", "Ta bort alla markerade objekt"));
        write(tmp, "da", m("Could not open the file", "Kunne ikke åbne filen"));
        // another domain only sv and da have: it counts in near-parallel mining, not in n-way
        Path other = tmp.resolve("sv/LC_MESSAGES");
        Files.write(other.resolve("dom2.mo"), mo(m("Save the document now", "Spara dokumentet nu")));
        Files.createDirectories(tmp.resolve("da/LC_MESSAGES"));
        Files.write(tmp.resolve("da/LC_MESSAGES/dom2.mo"), mo(m("Save the document now", "Gem dokumentet nu")));
        List<String> langs = List.of("de", "sv", "da");
        List<ParallelSentence> nway = ParallelSentences.builder().setLanguages(langs).optLocaleDir(tmp)
                .optDomains(List.of("dom", "dom2")).build().mine();
        assertEquals(List.of("Could not open the file"), nway.stream().map(ParallelSentence::english).toList());
        List<ParallelSentence> near = ParallelSentences.builder().setLanguages(langs).optLocaleDir(tmp)
                .optDomains(List.of("dom", "dom2")).optMinCoverage(0.6).build().mine();
        assertEquals(3, near.size(), "2 of 3 languages suffice; the German-only sentence does not: " + near);
        for (ParallelSentence p : near) {
            assertTrue(p.text().size() >= 2, p.toString());
            p.text().values().forEach(t -> assertFalse(t.isEmpty()));
        }
        assertThrows(IllegalArgumentException.class, () -> ParallelSentences.builder().setLanguages(langs)
                .optMinCoverage(0).build());
    }

    static void write(Path root, String lang, Map<String, String> entries) throws IOException {
        Path dir = root.resolve(lang).resolve("LC_MESSAGES");
        Files.createDirectories(dir);
        Files.write(dir.resolve("dom.mo"), mo(entries));
    }
}
