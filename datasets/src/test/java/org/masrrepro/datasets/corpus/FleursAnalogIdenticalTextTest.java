package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.text.ParallelSentence;
import org.masrrepro.datasets.text.ParallelSentences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bosnian and Croatian in one FLEURS analog. Guards {@link FleursAnalog}'s removal of items that cannot be told apart:
 * espeak-ng's bs and hr voices share their rules, so a sentence whose bs and hr translations are the same text gives
 * byte-identical audio under both labels; such items are removed before synthesis (the planning stage
 * {@code ambiguousLanguages}) and counted in corpus.json ({@code removed_ambiguous}) and on the card. A third language
 * (Serbian, Cyrillic script) keeps those sentences.
 */
class FleursAnalogIdenticalTextTest {

    static final List<String> LANGUAGES = List.of("bs", "hr", "sr");
    /** nautilus: a small catalogue in which 13 of the 117 parallel bs/hr sentences have identical text. */
    static final List<String> DOMAINS = List.of("nautilus");
    /** Chosen so that the 14 sentences drawn include some with identical bs and hr text in both splits. */
    static final long SEED = 3;

    @TempDir
    static Path tmp;
    static CorpusInfo info;
    static Map<String, Object> record;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void build() throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        info = FleursAnalog.builder().setOutputDir(tmp.resolve("bs-hr")).setLanguages(LANGUAGES)
                .setOverlapped(List.of()).optTrainSpeakers(1).optDevSpeakers(0).optTestSpeakers(1)
                .optPretrainSpeakers(0).optTrainSentences(8).optDevSentences(0).optTestSentences(6)
                .optPretrainSentences(0).optDomains(DOMAINS).optSeed(SEED).build().prepare();
        record = FleursAnalog.GSON.fromJson(Files.readString(info.dir().resolve("corpus.json")), Map.class);
    }

    /** The drawn sentences (every split) whose bs and hr translations are the same string, from the catalogues. */
    @SuppressWarnings("unchecked")
    static Set<String> identicalTextIds() throws IOException {
        Map<String, ParallelSentence> pool = ParallelSentences.builder().setLanguages(LANGUAGES).optDomains(DOMAINS)
                .build().mine().stream().collect(Collectors.toMap(ParallelSentence::id, Function.identity()));
        Set<String> out = new TreeSet<>();
        ((Map<String, List<String>>) record.get("sentence_ids")).values().forEach(ids -> ids.forEach(id -> {
            Map<String, String> text = pool.get(id).text();
            if (text.get("bs").equals(text.get("hr"))) {
                out.add(id);
            }
        }));
        return out;
    }

    @Test
    void noSentenceWithIdenticalBosnianAndCroatianTextRemainsUnderEitherLabel() throws IOException {
        Set<String> identical = identicalTextIds();
        assertFalse(identical.isEmpty(), "seed " + SEED + " no longer draws a sentence with identical bs/hr text "
                + "(the catalogues changed?): pick another seed, or the test checks nothing");
        System.out.printf("bs/hr: %d of the drawn sentences have identical text: %s%n", identical.size(), identical);
        Map<String, Set<String>> langsBySentence = info.utterances().stream().collect(Collectors.groupingBy(
                Utterance::sentenceId, Collectors.mapping(Utterance::language, Collectors.toSet())));
        for (String id : identical) {
            Set<String> langs = langsBySentence.getOrDefault(id, Set.of());
            assertFalse(langs.contains("bs") || langs.contains("hr"),
                    "sentence " + id + " has the same bs and hr text but is still read under " + langs);
            assertTrue(langs.contains("sr"), "sentence " + id + ": Serbian, whose text differs, keeps it: " + langs);
        }
        // nothing else was removed: every other drawn sentence is read in all three languages
        @SuppressWarnings("unchecked")
        Map<String, List<String>> drawn = (Map<String, List<String>>) record.get("sentence_ids");
        drawn.values().stream().flatMap(List::stream).filter(id -> !identical.contains(id)).forEach(id ->
                assertEquals(Set.copyOf(LANGUAGES), langsBySentence.get(id), "sentence " + id));
        // both splits hold such a sentence, so the check runs over train and test alike
        Set<String> splits = info.utterances().stream().filter(u -> identical.contains(u.sentenceId()))
                .map(Utterance::split).collect(Collectors.toSet());
        assertEquals(Set.of("train", "test"), splits);
    }

    @Test
    void corpusJsonAndCardCountTheRemovedItems() throws IOException {
        // one bs and one hr speaker per split read each sentence: two items per identical sentence
        int expected = 2 * identicalTextIds().size();
        assertEquals(expected, ((Number) record.get("removed_ambiguous")).intValue(), "corpus.json removed_ambiguous");
        int all = LANGUAGES.size() * (8 + 6);
        assertEquals(all - expected, info.utterances().size(), "every other item is in the manifest");
        assertEquals(0, ((Number) record.get("removed_identical_audio")).intValue());
        assertEquals(List.of(), record.get("removed_espeak_crash"));
        String card = Files.readString(info.card());
        assertTrue(card.contains("\n- Items removed because the sentence sounds identical under two language labels "
                + "(same text, identical espeak-ng audio with a neutral voice, e.g. bs/hr): " + expected + "\n"), card);
    }
}
