package org.masrrepro.datasets.corpus.analog;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every analog corpus at smoke size: byte-identical rebuilds, reuse without work, validation, split invariants. */
class AnalogCorporaTest {

    @TempDir
    Path tmp;

    static List<String> names() {
        return AnalogCorpora.NAMES;
    }

    /** Debian packages a corpus reads (the tests skip, naming them, where they are absent). */
    static List<String> packages(String name) {
        return switch (name) {
            case "fillets-speech" -> List.of("fillets-ng-data", "fillets-ng-data-cs", "fillets-ng-data-nl", "sox");
            case "spoof-analog" -> List.of("fillets-ng-data", "fillets-ng-data-cs", "fillets-ng-data-nl", "sox", "espeak-ng");
            case "librivox-clips" -> List.of("pocketsphinx-testdata");
            case "esc-human-analog" -> List.of("hedgewars-data", "sox");
            case "esc-cough-analog" -> List.of("hedgewars-data", "scratch", "sox");
            default -> List.of("espeak-ng", "espeak-ng-data");
        };
    }

    static void assumePackages(String name) {
        Map<String, String> v = DebianPackages.versions(packages(name));
        assumeTrue(v.keySet().containsAll(packages(name)), "missing Debian packages for " + name + ": run as root "
                + "harness/bin/install-deps.sh (needs " + packages(name) + ")");
    }

    @ParameterizedTest
    @MethodSource("names")
    void smokeBuildIsDeterministicReusedAndValid(String name) throws IOException {
        assumePackages(name);
        long t0 = System.nanoTime();
        CorpusInfo a = AnalogCorpora.prepare(name, AnalogCorpora.Size.SMOKE, tmp.resolve("a"), 7, ProgressListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s smoke: %d utterances, %.4f h, built in %.1f s%n", name, a.utterances().size(), a.hours(),
                seconds);
        CorpusInfo b = AnalogCorpora.prepare(name, AnalogCorpora.Size.SMOKE, tmp.resolve("b"), 7, ProgressListener.NONE);
        assertEquals(Hashes.sha256Tree(a.dir()), Hashes.sha256Tree(b.dir()), name + ": two builds differ");
        assertEquals(a.manifestSha256(), b.manifestSha256());
        assertFalse(a.utterances().isEmpty());
        assertFalse(a.packageVersions().isEmpty(), "no package versions recorded");
        String card = Files.readString(a.card());
        assertTrue(card.lines().limit(3).anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("analog")),
                "card does not say what the corpus is not: " + card.lines().findFirst().orElse(""));
        packages(name).stream().filter(p -> !p.equals("sox")).forEach(p ->
                assertTrue(card.contains("| " + p + " | "), name + ": card lacks the version of " + p));

        // reuse: nothing rewritten
        Path first = a.dir().resolve(a.utterances().get(0).audioPath());
        long mtime = Files.getLastModifiedTime(first).toMillis();
        CorpusInfo again = AnalogCorpora.prepare(name, AnalogCorpora.Size.SMOKE, tmp.resolve("a"), 7, ProgressListener.NONE);
        assertEquals(a.manifestSha256(), again.manifestSha256());
        assertEquals(mtime, Files.getLastModifiedTime(first).toMillis(), "reuse rewrote audio");

        checkInvariants(name, a.utterances());
        if (name.equals("spoof-analog")) {
            // every spoof item names its attack system, and the card counts them
            a.utterances().stream().filter(u -> u.label().equals("spoof")).forEach(u -> assertTrue(
                    u.id().matches(".*-spoof-(tts|lpc|gl)"), u.id() + " names no attack system"));
            assertTrue(card.contains("| gl | ") && card.contains("| lpc | ") && card.contains("| tts | "), card);
        }

        // validation: a truncated WAV is reported, not read as finished
        byte[] bytes = Files.readAllBytes(first);
        Files.write(first, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        IOException e = assertThrows(IOException.class, () -> AnalogCorpora.prepare(name, AnalogCorpora.Size.SMOKE,
                tmp.resolve("a"), 7, ProgressListener.NONE));
        assertTrue(e.getMessage().contains(first.getFileName().toString()), e.getMessage());
    }

    static void checkInvariants(String name, List<Utterance> utts) {
        Set<String> splits = utts.stream().map(Utterance::split).collect(Collectors.toSet());
        if (!name.equals("librivox-clips")) {
            assertEquals(Set.of("train", "dev", "test"), splits, name + ": splits");
        }
        String task = AnalogCorpora.task(name);
        for (Utterance u : utts) {
            assertTrue(u.numSamples() > 1600, u.id() + " shorter than 0.1 s");
            if (task.equals("classification")) {
                assertTrue(AnalogCorpora.labels(name).contains(u.label()), u.id() + ": label " + u.label());
            } else {
                assertTrue(AnalogCorpora.labels(name).contains(u.language()), u.id() + ": language " + u.language());
                assertEquals("", u.label());
            }
            if (task.equals("asr")) {
                assertFalse(u.transcript().isBlank(), u.id() + ": no transcript");
            }
        }
        if (task.equals("classification")) {
            for (String split : List.of("train", "test")) {
                Set<String> labels = utts.stream().filter(u -> u.split().equals(split)).map(Utterance::label)
                        .collect(Collectors.toSet());
                assertEquals(Set.copyOf(AnalogCorpora.labels(name)), labels, name + ": labels in " + split);
            }
        }
        // disjointness: speakers for synthetic and Hedgewars corpora, game levels for the Fish Fillets ones
        boolean byLevel = name.equals("fillets-speech") || name.equals("spoof-analog");
        Map<String, Set<String>> splitsOfUnit = new TreeMap<>();
        for (Utterance u : utts) {
            String unit = byLevel ? u.language() + "/" + u.sentenceId().split("/")[0] : u.speaker();
            if (byLevel && name.equals("fillets-speech")) {
                unit = u.sentenceId().split("/")[0];
            }
            if (byLevel && name.equals("spoof-analog")) {
                unit = u.sentenceId().split("/")[0].replaceFirst("^share-.*", "share");
            }
            splitsOfUnit.computeIfAbsent(unit, k -> new java.util.TreeSet<>()).add(u.split());
        }
        splitsOfUnit.forEach((unit, s) -> assertEquals(1, s.size(), name + ": " + unit + " is in splits " + s));
    }
}
