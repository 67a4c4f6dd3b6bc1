package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.synth.EspeakVoices;
import org.masrrepro.datasets.synth.Speaker;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.text.ParallelSentence;
import org.masrrepro.datasets.text.ParallelSentences;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who says what in an espeak-ng corpus: synthetic speakers per language and split (dev and test speakers use voice
 * variants no train speaker of their language uses) and disjoint sets of n-way parallel sentences per split (every
 * speaker of a split reads the split's sentences). Seeded per language and purpose, so adding a language changes
 * nothing else.
 */
final class SyntheticPlan {

    static final List<String> SPLITS = List.of("train", "dev", "test");

    /** One utterance to synthesize. */
    record Item(String id, String split, Speaker speaker, ParallelSentence sentence) {
        String text() {
            return sentence.text().get(speaker.language());
        }
    }

    /** The counts that define a plan (part of each corpus's parameters). */
    record Sizes(int trainSpeakers, int devSpeakers, int testSpeakers, int trainSentences, int devSentences,
            int testSentences) {
        Sizes {
            int variants = EspeakVoices.MALE.size() + EspeakVoices.FEMALE.size();
            if (trainSpeakers < 1 || devSpeakers < 0 || testSpeakers < 1 || devSpeakers + testSpeakers >= variants) {
                throw new IllegalArgumentException("speakers per language: need train >= 1, test >= 1 and dev + test ("
                        + (devSpeakers + testSpeakers) + ") below the " + variants + " espeak-ng variants");
            }
            if (trainSentences < 1 || devSentences < 0 || testSentences < 1) {
                throw new IllegalArgumentException("sentences per split: need train >= 1, dev >= 0, test >= 1");
            }
        }

        int speakers(String split) {
            return switch (split) {
                case "train" -> trainSpeakers;
                case "dev" -> devSpeakers;
                default -> testSpeakers;
            };
        }

        int sentences(String split) {
            return switch (split) {
                case "train" -> trainSentences;
                case "dev" -> devSentences;
                default -> testSentences;
            };
        }
    }

    final List<Item> items = new ArrayList<>();
    final Map<String, List<Speaker>> speakersBySplit = new LinkedHashMap<>();
    final Map<String, List<String>> sentenceIds = new LinkedHashMap<>();
    final int poolSize;
    final ParallelSentences miner;
    private Map<String, String> owners;
    private final Path localeDir;
    private final Set<String> domainsUsed = new TreeSet<>();

    /**
     * @param prefix corpus prefix of speaker ids, e.g. {@code mls}
     */
    SyntheticPlan(String prefix, List<String> languages, Sizes sizes, long seed, Path localeDir) throws IOException {
        DebianPackages.requireInstalled(List.of("espeak-ng"));
        EspeakVoices.check(languages);
        this.localeDir = localeDir;
        miner = ParallelSentences.builder().setLanguages(languages).optLocaleDir(localeDir).build();
        List<ParallelSentence> pool = new ArrayList<>(miner.mine());
        poolSize = pool.size();
        int needed = SPLITS.stream().mapToInt(sizes::sentences).sum();
        if (pool.size() < needed) {
            throw new IllegalStateException("only " + pool.size() + " sentences are translated in all of " + languages
                    + " but the splits need " + needed + "; use fewer sentences per split or fewer languages");
        }
        Seeded.shuffle(pool, Seeded.stream(seed, "sentences"));
        Map<String, List<ParallelSentence>> bySplit = new LinkedHashMap<>();
        int at = 0;
        for (String split : List.of("test", "dev", "train")) { // test first: its sentences never depend on the others' sizes
            int n = sizes.sentences(split);
            bySplit.put(split, pool.subList(at, at + n).stream().sorted(Comparator.comparing(ParallelSentence::id)).toList());
            bySplit.get(split).forEach(p -> domainsUsed.add(p.domain()));
            at += n;
        }
        SPLITS.forEach(s -> {
            speakersBySplit.put(s, new ArrayList<>());
            sentenceIds.put(s, bySplit.get(s).stream().map(ParallelSentence::id).toList());
        });
        for (String lang : languages) {
            Map<String, List<Speaker>> spk = drawSpeakers(prefix, lang, sizes, seed);
            for (String split : SPLITS) {
                speakersBySplit.get(split).addAll(spk.get(split));
                for (Speaker s : spk.get(split)) {
                    for (ParallelSentence sent : bySplit.get(split)) {
                        items.add(new Item(s.id() + "-" + sent.id(), split, s, sent));
                    }
                }
            }
        }
    }

    /** espeak-ng and the packages whose catalogues gave the sentences, with installed versions. */
    Map<String, String> packageVersions() {
        Set<String> names = new TreeSet<>(List.of("espeak-ng", "espeak-ng-data"));
        names.addAll(catalogueOwners().values());
        names.remove("(not from a Debian package)");
        return DebianPackages.versions(names);
    }

    /** gettext domain -> owning Debian package (dpkg -S is slow: computed once). */
    Map<String, String> catalogueOwners() {
        if (owners != null) {
            return owners;
        }
        Map<String, Path> firstOfDomain = new TreeMap<>();
        miner.cataloguesUsed().forEach((key, path) -> firstOfDomain.putIfAbsent(key.substring(key.indexOf('/') + 1), path));
        // English alone reads msgids from some catalogue of each domain: name the first one by locale, as the miner does
        for (String domain : new TreeSet<>(domainsUsed)) {
            if (!firstOfDomain.containsKey(domain)) {
                try (var dirs = java.nio.file.Files.list(localeDir)) {
                    dirs.sorted().map(d -> d.resolve("LC_MESSAGES").resolve(domain + ".mo"))
                            .filter(java.nio.file.Files::isRegularFile).findFirst()
                            .ifPresent(mo -> firstOfDomain.put(domain, mo));
                } catch (IOException e) {
                    // unreadable locale dir: the domain is listed as not from a Debian package
                }
            }
        }
        Map<Path, String> byFile = DebianPackages.owners(firstOfDomain.values());
        Map<String, String> out = new TreeMap<>();
        firstOfDomain.forEach((domain, path) -> out.put(domain, byFile.getOrDefault(path, "(not from a Debian package)")));
        owners = out;
        return out;
    }

    List<Speaker> allSpeakers() {
        return speakersBySplit.values().stream().flatMap(List::stream).toList();
    }

    static String espeakVersion() throws IOException {
        return EspeakNg.version();
    }

    /** Gender-interleaved shuffled variants; the first dev+test are held out for dev and test speakers. */
    private static Map<String, List<Speaker>> drawSpeakers(String prefix, String lang, Sizes sizes, long seed) {
        SplittableRandom rnd = Seeded.stream(seed, "speakers/" + lang);
        List<String> male = new ArrayList<>(EspeakVoices.MALE);
        List<String> female = new ArrayList<>(EspeakVoices.FEMALE);
        Seeded.shuffle(male, rnd);
        Seeded.shuffle(female, rnd);
        boolean maleFirst = rnd.nextBoolean();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < Math.max(male.size(), female.size()); i++) {
            List<String> a = maleFirst ? male : female;
            List<String> b = maleFirst ? female : male;
            if (i < a.size()) {
                order.add(a.get(i));
            }
            if (i < b.size()) {
                order.add(b.get(i));
            }
        }
        int held = sizes.devSpeakers() + sizes.testSpeakers();
        List<String> unseen = order.subList(0, held);
        List<String> seen = order.subList(held, order.size());
        Map<String, List<Speaker>> out = new LinkedHashMap<>();
        Set<String> voices = new HashSet<>();
        int number = 0;
        int seenAt = 0;
        int unseenAt = 0;
        for (String split : SPLITS) {
            List<Speaker> list = new ArrayList<>();
            for (int s = 0; s < sizes.speakers(split); s++) {
                String variant = split.equals("train") ? seen.get(seenAt++ % seen.size()) : unseen.get(unseenAt++);
                int pitch;
                int rate;
                do { // distinct (variant, pitch, rate) within the language
                    pitch = 30 + rnd.nextInt(41);
                    rate = 140 + rnd.nextInt(51);
                } while (!voices.add(variant + "/" + pitch + "/" + rate));
                list.add(new Speaker(String.format(Locale.ROOT, "%s-%s-spk%02d", prefix, lang, number++), lang, variant,
                        EspeakVoices.gender(variant), pitch, rate));
            }
            out.put(split, list);
        }
        return out;
    }
}
