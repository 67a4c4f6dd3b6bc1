package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;

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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A smoke-size FLEURS analog: split discipline, determinism, reuse, card. */
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
        assertEquals(2 * 3 + 1 * 1 + 1 * 2 + 0, first.utterances().stream()
                .filter(u -> u.language().equals("es")).count(), "es has no pretrain split (not overlapped)");
        assertTrue(first.utterances().stream().filter(u -> u.split().equals("pretrain")).allMatch(Utterance::overlapped));
    }

    @Test
    void testVoicesAreUnseenInTraining() throws IOException {
        String json = Files.readString(tmp.resolve("a/corpus.json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> spk = (List<Map<String, Object>>) FleursAnalog.GSON.fromJson(json, Map.class).get("speakers");
        Map<String, String> variantById = spk.stream().collect(Collectors.toMap(m -> (String) m.get("id"), m -> (String) m.get("variant")));
        for (String lang : List.of("sv", "nb", "es")) {
            Set<String> trainVariants = first.utterances().stream().filter(u -> u.language().equals(lang))
                    .filter(u -> u.split().equals("train") || u.split().equals("pretrain"))
                    .map(u -> variantById.get(u.speaker())).collect(Collectors.toSet());
            first.utterances().stream().filter(u -> u.language().equals(lang) && u.split().equals("test"))
                    .forEach(u -> assertTrue(!trainVariants.contains(variantById.get(u.speaker())), u.id()));
        }
    }

    @Test
    void sameInputsGiveSameBytesAndReuseSkipsWork() throws IOException {
        CorpusInfo second = corpus(tmp.resolve("b")).prepare();
        assertArrayEquals(Files.readAllBytes(first.manifest()), Files.readAllBytes(second.manifest()));
        for (Utterance u : first.utterances()) {
            assertArrayEquals(Files.readAllBytes(first.dir().resolve(u.audioPath())),
                    Files.readAllBytes(second.dir().resolve(u.audioPath())), u.id());
        }
        long before = Files.getLastModifiedTime(second.manifest()).toMillis();
        CorpusInfo again = corpus(tmp.resolve("b")).prepare();
        assertEquals(before, Files.getLastModifiedTime(again.manifest()).toMillis(), "second prepare rebuilt the corpus");
        assertEquals(second.manifestSha256(), again.manifestSha256());
    }

    @Test
    void cardNamesPackagesAndSaysAnalog() throws IOException {
        String card = Files.readString(first.card());
        assertTrue(card.contains("Analog corpus, not the real FLEURS"));
        assertTrue(card.contains("| espeak-ng | "), card);
        assertTrue(card.contains("libgtk2.0-common") || card.contains("libglib2.0-data"), card);
    }
}
