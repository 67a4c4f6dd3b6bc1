package org.masrrepro.datasets.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.synth.EspeakNg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A tiny near-parallel, degraded corpus with speaker locations and test voices drawn from the training variants. */
class FleursAnalogOptionsTest {

    @TempDir
    static Path tmp;
    static CorpusInfo info;
    static final Map<String, Glottolog.Location> AT = Map.of("sv", new Glottolog.Location(59.8, 17.4),
            "nb", new Glottolog.Location(61.0, 9.0), "ga", new Glottolog.Location(53.2, -8.0));

    @BeforeAll
    static void build() throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        info = FleursAnalog.builder().setOutputDir(tmp.resolve("c")).setLanguages(List.of("sv", "nb", "ga"))
                .setOverlapped(List.of("sv")).optTrainSpeakers(3).optDevSpeakers(1).optTestSpeakers(2)
                .optPretrainSpeakers(1).optTrainSentences(2).optDevSentences(1).optTestSentences(2)
                .optPretrainSentences(1).optSeed(5).optMinCoverage(0.6)
                .optDomains(List.of("gtk20", "glib20", "gtk30")) // small catalogues: a fast test
                .optUnseenTestVariants(false)
                .optConditions(new Conditions(5.0, 15.0, 0.5, 300, 3400, 0.9, 1.1))
                .optSpeakerLocations(AT, 100).optName("Test analog").build().prepare();
    }

    @Test
    void everyLanguageReadsItsQuotaAndSplitsShareNoSentence() {
        Map<String, Integer> quota = Map.of("pretrain", 1, "train", 2, "dev", 1, "test", 2);
        Map<String, Set<String>> bySplit = info.utterances().stream().collect(Collectors.groupingBy(Utterance::split,
                Collectors.mapping(Utterance::sentenceId, Collectors.toSet())));
        for (String lang : List.of("sv", "nb", "ga")) {
            for (String split : quota.keySet()) {
                Set<String> s = info.utterances().stream()
                        .filter(u -> u.language().equals(lang) && u.split().equals(split))
                        .map(Utterance::sentenceId).collect(Collectors.toSet());
                int want = split.equals("pretrain") && !lang.equals("sv") ? 0 : quota.get(split);
                assertEquals(want, s.size(), lang + " " + split);
            }
        }
        List<String> splits = List.copyOf(bySplit.keySet());
        for (String a : splits) {
            for (String b : splits) {
                if (!a.equals(b)) {
                    Set<String> common = new HashSet<>(bySplit.get(a));
                    common.retainAll(bySplit.get(b));
                    assertTrue(common.isEmpty(), a + "/" + b + " share " + common);
                }
            }
        }
    }

    @Test
    void speakersHaveLocationsNearTheirLanguage() {
        for (Utterance u : info.utterances()) {
            assertTrue(u.hasLocation(), u.id());
            double km = Glottolog.haversineKm(AT.get(u.language()), new Glottolog.Location(u.latitude(), u.longitude()));
            assertTrue(km <= 100.001, u.id() + " is " + km + " km away");
        }
        Map<String, Set<Double>> latBySpeaker = info.utterances().stream().collect(Collectors.groupingBy(
                Utterance::speaker, Collectors.mapping(Utterance::latitude, Collectors.toSet())));
        latBySpeaker.forEach((spk, lats) -> assertEquals(1, lats.size(), spk + " has one location"));
    }

    @Test
    void testVoicesAreNewDrawsOfTrainingVariants() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> bySplit = (Map<String, List<Map<String, Object>>>)
                FleursAnalog.GSON.fromJson(Files.readString(info.dir().resolve("corpus.json")), Map.class).get("speakers");
        for (String lang : List.of("sv", "nb", "ga")) {
            Set<String> trainVariants = new HashSet<>();
            Set<String> voices = new HashSet<>();
            for (String split : List.of("pretrain", "train", "dev", "test")) {
                for (Map<String, Object> m : bySplit.get(split)) {
                    if (lang.equals(m.get("language"))) {
                        String v = (String) m.get("variant");
                        assertTrue(voices.add(v + "/" + m.get("pitch") + "/" + m.get("rateWpm")), "voice drawn twice: " + m);
                        if (split.equals("train") || split.equals("pretrain")) {
                            trainVariants.add(v);
                        } else {
                            assertTrue(trainVariants.contains(v), lang + " " + split + " variant " + v + " unseen in training");
                        }
                    }
                }
            }
        }
    }

    @Test
    void cardDescribesTextConditionsAndVoices() throws IOException {
        String card = Files.readString(info.card());
        assertTrue(card.contains("# Corpus card: Test analog (3 languages)"), card);
        assertTrue(card.contains("not the real Test."), card);
        assertTrue(card.contains("Near-parallel sentences"), card);
        assertTrue(card.contains("white noise at 5.0-15.0 dB SNR"), card);
        assertTrue(card.contains("from the same variant pool as train"), card);
        assertTrue(card.contains("within 100.0 km"), card);
    }
}
