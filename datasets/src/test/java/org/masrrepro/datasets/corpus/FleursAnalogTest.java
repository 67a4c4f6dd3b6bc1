package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.system.DebianPackages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A smoke-size FLEURS analog: split discipline, unseen test voices, determinism, reuse, card. */
class FleursAnalogTest {

    @TempDir
    static Path tmp;
    static CorpusInfo first;

    static FleursAnalog corpus(Path dir) {
        return FleursAnalog.builder().setOutputDir(dir).setLanguages(List.of("sv", "nb", "es"))
                .setOverlapped(List.of("sv")).optTrainSpeakers(2).optDevSpeakers(1).optTestSpeakers(1)
                .optPretrainSpeakers(2).optTrainSentences(3).optDevSentences(1).optTestSentences(2)
                .optPretrainSentences(2).optSeed(11).build();
    }

    @BeforeAll
    static void build() throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        first = corpus(tmp.resolve("a")).prepare();
    }

    @Test
    void splitsAreDisjointBySpeakerAndSentence() {
        Map<String, Set<String>> speakers = first.utterances().stream().collect(Collectors.groupingBy(Utterance::split,
                Collectors.mapping(Utterance::speaker, Collectors.toSet())));
        Map<String, Set<String>> sentences = first.utterances().stream().collect(Collectors.groupingBy(Utterance::split,
                Collectors.mapping(Utterance::sentenceId, Collectors.toSet())));
        List<String> splits = List.of("pretrain", "train", "dev", "test");
        assertEquals(Set.copyOf(splits), speakers.keySet());
        for (String a : splits) {
            for (String b : splits) {
                if (a.compareTo(b) < 0) {
                    Set<String> s = new HashSet<>(speakers.get(a));
                    s.retainAll(speakers.get(b));
                    assertTrue(s.isEmpty(), a + "/" + b + " share speakers " + s);
                    Set<String> t = new HashSet<>(sentences.get(a));
                    t.retainAll(sentences.get(b));
                    assertTrue(t.isEmpty(), a + "/" + b + " share sentences " + t);
                }
            }
        }
        assertEquals(Map.of("train", 3, "dev", 1, "test", 2, "pretrain", 2),
                sentences.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())));
        // sv: 2x2 pretrain + 2x3 train + 1 dev + 2 test; es and nb: no pretrain (not overlapped)
        Map<String, Long> perLang = first.utterances().stream().collect(Collectors.groupingBy(Utterance::language,
                Collectors.counting()));
        assertEquals(Map.of("sv", 13L, "nb", 9L, "es", 9L), perLang);
        assertTrue(first.utterances().stream().filter(u -> u.split().equals("pretrain"))
                .allMatch(u -> u.overlapped() && u.language().equals("sv")));
        assertTrue(first.utterances().stream().allMatch(u -> u.speaker().matches("fleurs-(sv|nb|es)-spk\\d\\d")));
        assertTrue(first.utterances().stream().allMatch(u -> u.id().equals(
                u.language() + "-" + u.split() + "-" + u.speaker().substring(u.speaker().length() - 2) + "-" + u.sentenceId())));
    }

    @Test
    void devAndTestVoicesAreUnseenInTraining() throws IOException {
        String json = Files.readString(tmp.resolve("a/corpus.json"));
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> bySplit = (Map<String, List<Map<String, Object>>>)
                FleursAnalog.GSON.fromJson(json, Map.class).get("speakers");
        for (String lang : List.of("sv", "nb", "es")) {
            Set<String> seen = new HashSet<>();
            for (String split : List.of("pretrain", "train")) {
                bySplit.get(split).stream().filter(m -> lang.equals(m.get("language")))
                        .forEach(m -> seen.add((String) m.get("variant")));
            }
            for (String split : List.of("dev", "test")) {
                List<Map<String, Object>> spk = bySplit.get(split).stream()
                        .filter(m -> lang.equals(m.get("language"))).toList();
                assertFalse(spk.isEmpty());
                spk.forEach(m -> assertFalse(seen.contains(m.get("variant")), lang + " " + split + " " + m));
            }
            Set<Object> trainGenders = bySplit.get("train").stream().filter(m -> lang.equals(m.get("language")))
                    .map(m -> m.get("gender")).collect(Collectors.toSet());
            assertEquals(Set.of("M", "F"), trainGenders, "2 train speakers: one of each gender");
        }
    }

    @Test
    void sameInputsGiveSameBytesAndReuseSkipsWork() throws IOException {
        CorpusInfo second = corpus(tmp.resolve("b")).prepare();
        assertArrayEquals(Files.readAllBytes(first.manifest()), Files.readAllBytes(second.manifest()));
        assertEquals(first.manifestSha256(), second.manifestSha256());
        for (Utterance u : first.utterances()) {
            assertArrayEquals(Files.readAllBytes(first.dir().resolve(u.audioPath())),
                    Files.readAllBytes(second.dir().resolve(u.audioPath())), u.id());
        }
        long before = Files.getLastModifiedTime(second.manifest()).toMillis();
        long t0 = System.nanoTime();
        CorpusInfo again = corpus(tmp.resolve("b")).prepare();
        assertEquals(before, Files.getLastModifiedTime(again.manifest()).toMillis(), "second prepare rebuilt the corpus");
        assertEquals(second.manifestSha256(), again.manifestSha256());
        assertEquals(second.utterances(), again.utterances());
        assertTrue(System.nanoTime() - t0 < 5e9, "reuse should only validate");

        // a damaged build is detected, with the fix in the message
        Utterance u = again.utterances().get(0);
        Files.write(again.dir().resolve(u.audioPath()), new byte[10]);
        IOException e = assertThrows(IOException.class, () -> corpus(tmp.resolve("b")).prepare());
        assertTrue(e.getMessage().contains(u.audioPath()) && e.getMessage().contains("delete"), e.getMessage());
    }

    @Test
    void refusesToWipeAForeignDirectory() throws IOException {
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("precious.txt"), "x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> corpus(foreign).prepare());
        assertTrue(e.getMessage().contains("nothing was deleted"), e.getMessage());
        assertTrue(Files.exists(foreign.resolve("precious.txt")));
    }

    @Test
    void cardNamesPackageVersionsAndSaysAnalog() throws IOException {
        String card = Files.readString(first.card());
        assertTrue(card.contains("analog corpus — not the real FLEURS") || card.contains("Analog corpus — not the real FLEURS"));
        String espeak = DebianPackages.versions(List.of("espeak-ng")).get("espeak-ng");
        assertTrue(card.contains("| espeak-ng | " + espeak + " |"), card);
        assertTrue(card.contains("| espeak-ng-data | "), card);
        assertTrue(card.contains("libgtk2.0-common") || card.contains("libglib2.0-data"), card);
        assertTrue(card.contains(first.manifestSha256()), card);
        assertTrue(first.packageVersions().containsKey("espeak-ng"));
        assertTrue(Files.isRegularFile(first.dir().resolve(FleursAnalog.DONE)));
        assertFalse(Files.exists(first.dir().resolve(FleursAnalog.OWNER_MARK)));
    }

    @Test
    void manifestRoundTripsAndNamesBadLines() throws IOException {
        List<Utterance> back = Manifest.read(first.manifest());
        assertEquals(first.utterances(), back);
        Path bad = tmp.resolve("bad.csv");
        List<String> lines = Files.readAllLines(first.manifest());
        lines.set(2, lines.get(2).replaceAll(",(true|false),([^,]*),([^,]*),([^,]*)$", ",maybe,$2,$3,$4"));
        Files.write(bad, lines);
        IOException e = assertThrows(IOException.class, () -> Manifest.read(bad));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3"), e.getMessage());
    }
}
