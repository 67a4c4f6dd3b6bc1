package org.masrrepro.datasets.corpus;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.metadata.SpeakerLocation;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.synth.EspeakVoices;
import org.masrrepro.datasets.synth.Speaker;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.text.ParallelSentence;
import org.masrrepro.datasets.text.ParallelSentences;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * FLEURS-like language-ID corpus built offline: espeak-ng reads n-way (or near-) parallel gettext sentences with
 * several synthetic speakers per language. Splits are disjoint in speakers and sentences; dev and test speakers are
 * new (variant, pitch, rate) draws, optionally restricted to voice variants no train or pretrain speaker of their
 * language uses; the pretrain split holds only the overlapped languages. Optional acoustic conditions (noise at an
 * SNR or SNR range, band limiting, speed perturbation) apply to every split alike; optional speaker locations are drawn
 * near each language's coordinates. The same parameters and packages give the same bytes.
 */
public final class FleursAnalog {

    /** Completion marker, written last; holds the manifest's SHA-256. */
    public static final String DONE = "DONE";
    /** Written first: lets a rebuild delete the directory, knowing it is ours. */
    static final String OWNER_MARK = ".fleurs-analog";
    /** Bump when the same parameters would give different content, so old builds are not reused. */
    static final int FORMAT = 5;
    static final List<String> SPLITS = List.of("pretrain", "train", "dev", "test");
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    /** Neutral voice for the duplicate check: only the language label differs between the compared renditions. */
    private static final int CANON_RATE = 175;
    private static final int CANON_PITCH = 50;

    private final Params params;
    private final Path dir;
    private final Path localeDir;
    private final ProgressListener progress;
    /** Display name for the card (not part of the content). */
    private final String name;
    /** The espeak-ng executable that synthesizes: {@code espeak-ng}, or a test's stub (not part of the content). */
    private final String espeakBinary;

    /** Everything that determines the corpus's content (recorded in corpus.json and compared on reuse). */
    record Params(int format, List<String> languages, List<String> overlapped, Map<String, Integer> speakers,
            Map<String, Integer> sentences, Conditions conditions, long seed, String localeDir, List<String> domains,
            double minCoverage, boolean unseenTestVariants, Map<String, List<Double>> languageLocations,
            Double locationJitterKm) {}

    private record Job(String id, String split, Speaker speaker, ParallelSentence sentence, boolean overlapped) {}

    private record Synthesized(Utterance utterance, String cleanSha256) {}

    private FleursAnalog(Builder b) {
        Map<String, Integer> speakers = new LinkedHashMap<>();
        speakers.put("pretrain", b.pretrainSpeakers);
        speakers.put("train", b.trainSpeakers);
        speakers.put("dev", b.devSpeakers);
        speakers.put("test", b.testSpeakers);
        Map<String, Integer> sentences = new LinkedHashMap<>();
        sentences.put("pretrain", b.pretrainSentences);
        sentences.put("train", b.trainSentences);
        sentences.put("dev", b.devSentences);
        sentences.put("test", b.testSentences);
        this.params = new Params(FORMAT, List.copyOf(b.languages), b.overlapped.stream().distinct().sorted().toList(),
                speakers, sentences, b.conditions, b.seed, b.localeDir.toAbsolutePath().normalize().toString(),
                List.copyOf(b.domains), b.minCoverage, b.unseenTestVariants, locations(b),
                b.locationJitterKm);
        this.dir = b.outputDir.toAbsolutePath().normalize();
        this.localeDir = b.localeDir;
        this.progress = b.progress;
        this.name = b.name;
        this.espeakBinary = b.espeakBinary;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<String, List<Double>> locations(Builder b) {
        if (b.languageLocations == null) {
            return null;
        }
        Map<String, List<Double>> out = new TreeMap<>();
        b.languageLocations.forEach((k, v) -> out.put(k, List.of(v.latitude(), v.longitude())));
        return out;
    }

    /** Builds the corpus, or validates and returns an earlier complete build with the same parameters. */
    public CorpusInfo prepare() throws IOException {
        Path json = dir.resolve("corpus.json");
        if (Files.isRegularFile(dir.resolve(DONE)) && Files.isRegularFile(json)) {
            Map<?, ?> stored = GSON.fromJson(Files.readString(json), Map.class);
            Map<?, ?> wanted = GSON.fromJson(GSON.toJson(params), Map.class);
            if (stored != null && wanted.equals(stored.get("params"))) {
                return validate();
            }
        }
        clearDirectory();
        return build();
    }

    /** Deletes a partial or outdated build; refuses to delete a directory that is not one of ours. */
    private void clearDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(OWNER_MARK)) && !Files.exists(dir.resolve("corpus.json"))) {
                throw new IllegalStateException(dir + " is not empty and holds no FLEURS analog corpus; "
                        + "choose a new or empty output directory (nothing was deleted)");
            }
            AtomicFiles.deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(OWNER_MARK), "partial FLEURS analog build; safe to delete\n");
    }

    private CorpusInfo validate() throws IOException {
        Path manifest = dir.resolve("manifest.csv");
        List<Utterance> utts = Manifest.read(manifest);
        String sha = Hashes.sha256(manifest);
        String done = Files.readString(dir.resolve(DONE)).trim();
        if (!done.equals(sha)) {
            throw new IOException(manifest + " changed after the build (SHA-256 " + sha + ", DONE says " + done
                    + "); delete " + dir + " to rebuild the corpus");
        }
        long header = Wav.encode16(new float[0], EspeakNg.SAMPLE_RATE).length;
        for (Utterance u : utts) {
            Path f = dir.resolve(u.audioPath());
            if (!Files.isRegularFile(f) || Files.size(f) != header + 2L * u.numSamples()) {
                throw new IOException(f + ": missing, or not " + u.numSamples() + " 16-bit samples as " + manifest
                        + " records; delete " + dir + " to rebuild the corpus");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = GSON.fromJson(Files.readString(dir.resolve("corpus.json")), Map.class);
        Map<String, String> packages = new TreeMap<>();
        ((Map<?, ?>) rec.get("debian_packages")).forEach((k, v) -> packages.put((String) k, (String) v));
        return info(utts, packages, sha);
    }

    private CorpusInfo build() throws IOException {
        DebianPackages.requireInstalled(List.of("espeak-ng"));
        EspeakVoices.check(params.languages());
        String espeakVersion = EspeakNg.version();
        ParallelSentences miner = ParallelSentences.builder().setLanguages(params.languages())
                .optLocaleDir(localeDir).optDomains(params.domains()).optMinCoverage(params.minCoverage()).build();
        List<ParallelSentence> pool = new ArrayList<>(miner.mine());
        Map<String, Map<String, List<ParallelSentence>>> perLanguage = assignSentences(pool);
        Map<String, List<ParallelSentence>> bySplit = new LinkedHashMap<>();
        perLanguage.forEach((split, byLang) -> bySplit.put(split, byLang.values().stream().flatMap(List::stream)
                .distinct().sorted(Comparator.comparing(ParallelSentence::id)).toList()));

        Map<String, List<Speaker>> speakersBySplit = new LinkedHashMap<>();
        SPLITS.forEach(s -> speakersBySplit.put(s, new ArrayList<>()));
        List<Job> jobs = new ArrayList<>();
        for (String lang : params.languages()) {
            boolean overlapped = params.overlapped().contains(lang);
            for (Map.Entry<String, List<Speaker>> e : drawSpeakers(lang, overlapped).entrySet()) {
                speakersBySplit.get(e.getKey()).addAll(e.getValue());
                for (Speaker spk : e.getValue()) {
                    for (ParallelSentence sent : perLanguage.get(e.getKey()).getOrDefault(lang, List.of())) {
                        String number = spk.id().substring(spk.id().length() - 2);
                        jobs.add(new Job(lang + "-" + e.getKey() + "-" + number + "-" + sent.id(), e.getKey(), spk, sent,
                                overlapped));
                    }
                }
            }
        }
        EspeakNg espeak = new EspeakNg(espeakBinary);
        Map<String, Set<String>> ambiguous = ambiguousLanguages(espeak, bySplit);
        List<Job> kept = jobs.stream().filter(j -> !ambiguous.getOrDefault(j.sentence().id(), Set.of())
                .contains(j.speaker().language())).toList();
        int removedAmbiguous = jobs.size() - kept.size();

        List<Synthesized> synthesized = synthesize(espeak, kept);
        List<String> crashed = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            if (synthesized.get(i) == null) {
                crashed.add(kept.get(i).id());
            }
        }
        List<Synthesized> done = synthesized.stream().filter(x -> x != null).toList();
        List<Utterance> utts = removeIdenticalAudio(done);
        int removedIdentical = done.size() - utts.size();
        utts.sort(Comparator.comparing(Utterance::id));
        Path manifest = dir.resolve("manifest.csv");
        Manifest.write(manifest, utts);
        String sha = Hashes.sha256(manifest);

        Map<String, String> owners = catalogueOwners(miner.cataloguesUsed());
        Set<String> packageNames = new TreeSet<>(List.of("espeak-ng", "espeak-ng-data"));
        packageNames.addAll(owners.values());
        Map<String, String> packages = DebianPackages.versions(packageNames);

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("params", params);
        record.put("espeak_ng_version", espeakVersion);
        record.put("debian_packages", packages);
        record.put("catalogue_owners", owners);
        record.put("locales", miner.localeUsed());
        record.put("parallel_pool", pool.size());
        record.put("speakers", speakersBySplit);
        Map<String, List<String>> sentenceIds = new LinkedHashMap<>();
        bySplit.forEach((k, v) -> sentenceIds.put(k, v.stream().map(ParallelSentence::id).toList()));
        record.put("sentence_ids", sentenceIds);
        record.put("removed_ambiguous", removedAmbiguous);
        record.put("removed_identical_audio", removedIdentical);
        record.put("removed_espeak_crash", crashed);
        record.put("manifest_sha256", sha);
        AtomicFiles.writeString(dir.resolve("corpus.json"), GSON.toJson(record) + "\n");

        List<Speaker> allSpeakers = speakersBySplit.values().stream().flatMap(List::stream).toList();
        String card = CorpusCard.builder()
                .optTitle("Corpus card: " + name + " (" + params.languages().size() + " languages)")
                .optRealCorpus(name.replaceAll("(?i)\\s*analog.*$", ""))
                .optDescription("Speech synthesized offline by espeak-ng " + espeakVersion + " reading "
                        + (params.minCoverage() < 1 ? "near-parallel" : "n-way parallel") + " sentences: human translations of the same interface strings, from the gettext catalogues of "
                        + "Debian packages. Language ID on it measures the pipeline and the methods' relative "
                        + "behaviour, not " + name.replaceAll("(?i)\\s*analog.*$", "") + " accuracy.")
                .setUtterances(utts).setManifestSha256(sha).setPackageVersions(packages)
                .optCatalogueOwners(owners).optLocales(miner.localeUsed()).optOverlapped(params.overlapped())
                .optSpeakers(allSpeakers).optLanguageOrder(params.languages())
                .optNotes(List.of(
                        "Seed: " + params.seed() + "; acoustic conditions, the same in every split: "
                                + params.conditions().describe(),
                        parallelNote(pool, perLanguage),
                        "Splits are disjoint by speaker and sentence; dev and test speakers are new (variant, pitch, "
                                + "rate) draws" + (params.unseenTestVariants() ? " from espeak-ng variants no train or "
                                + "pretrain speaker of the language uses" : " from the same variant pool as train (new "
                                + "pitch and rate; the held-out-variant setting is harder)") + "; pretrain holds only "
                                + "overlapped languages " + params.overlapped(),
                        params.languageLocations() == null ? "Speaker locations: not recorded"
                                : "Speaker locations (manifest latitude/longitude): uniform within "
                                + params.locationJitterKm() + " km of the language's Glottolog coordinates, seeded by "
                                + "the speaker id",
                        "Items removed because the sentence sounds identical under two language labels (same text, "
                                + "identical espeak-ng audio with a neutral voice, e.g. bs/hr): " + removedAmbiguous,
                        "Items removed because their audio bytes were identical under two language labels: "
                                + removedIdentical,
                        "Items removed because espeak-ng crashes on them (its bug, reproducible; ids in corpus.json): "
                                + crashed.size()))
                .build().render();
        AtomicFiles.writeString(dir.resolve("card.md"), card);
        AtomicFiles.writeString(dir.resolve(DONE), sha + "\n");
        Files.deleteIfExists(dir.resolve(OWNER_MARK));
        return info(utts, packages, sha);
    }

    /**
     * Speakers of one language, by split. Variants are shuffled per gender and interleaved, so consecutive speakers
     * alternate gender; with unseen test variants the first dev+test of them are held out (unseen voices) and the rest
     * serve pretrain and train, otherwise every split cycles through all of them. Seeded by language, so adding a
     * language does not change the others' speakers.
     */
    private Map<String, List<Speaker>> drawSpeakers(String lang, boolean overlapped) {
        SplittableRandom rnd = new SplittableRandom(params.seed() ^ stableHash("speakers/" + lang));
        List<String> male = new ArrayList<>(EspeakVoices.MALE);
        List<String> female = new ArrayList<>(EspeakVoices.FEMALE);
        shuffle(male, rnd);
        shuffle(female, rnd);
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
        int held = params.unseenTestVariants() ? params.speakers().get("dev") + params.speakers().get("test") : 0;
        List<String> unseen = params.unseenTestVariants() ? order.subList(0, held) : order;
        List<String> seen = order.subList(held, order.size());
        Map<String, List<Speaker>> out = new LinkedHashMap<>();
        Set<String> voices = new HashSet<>();
        int number = 0;
        int seenAt = 0;
        int unseenAt = 0;
        for (String split : SPLITS) {
            List<Speaker> list = new ArrayList<>();
            int n = split.equals("pretrain") && !overlapped ? 0 : params.speakers().get(split);
            for (int s = 0; s < n; s++) {
                String variant = split.equals("dev") || split.equals("test")
                        ? unseen.get(unseenAt++ % unseen.size()) : seen.get(seenAt++ % seen.size());
                int pitch;
                int rate;
                do { // distinct (variant, pitch, rate) within the language
                    pitch = 30 + rnd.nextInt(41);
                    rate = 140 + rnd.nextInt(51);
                } while (!voices.add(variant + "/" + pitch + "/" + rate));
                list.add(new Speaker(String.format(Locale.ROOT, "fleurs-%s-spk%02d", lang, number++), lang, variant,
                        EspeakVoices.gender(variant), pitch, rate));
            }
            out.put(split, list);
        }
        return out;
    }

    /**
     * Sentences per split and language, disjoint across splits, drawn (seeded) from the pool. Splits are filled in
     * the order test, dev, train, pretrain (so test never depends on the others): each takes the shortest run of the
     * remaining pool (shuffled, then ordered by how many languages translate each sentence) in which every language that needs the split finds its quota, and each language reads
     * the first quota sentences of that run it has a translation of. With an n-way pool every language reads the same
     * sentences; near-parallel, they share most of them.
     */
    private Map<String, Map<String, List<ParallelSentence>>> assignSentences(List<ParallelSentence> pool) {
        boolean anyOverlapped = !params.overlapped().isEmpty() && params.speakers().get("pretrain") > 0;
        shuffle(pool, new SplittableRandom(params.seed() ^ stableHash("sentences")));
        // near-parallel: the most widely translated sentences first (stable sort: shuffled order within a coverage),
        // so languages share as many sentences as possible; an n-way pool keeps its shuffled order
        pool.sort(Comparator.comparingInt((ParallelSentence p) -> p.text().size()).reversed());
        Map<String, Map<String, List<ParallelSentence>>> out = new LinkedHashMap<>();
        int at = 0;
        for (String split : List.of("test", "dev", "train", "pretrain")) {
            int quota = split.equals("pretrain") && !anyOverlapped ? 0 : params.sentences().get(split);
            List<String> langs = split.equals("pretrain") ? params.overlapped() : params.languages();
            Map<String, List<ParallelSentence>> byLang = new TreeMap<>();
            if (quota > 0) {
                langs.forEach(l -> byLang.put(l, new ArrayList<>()));
                int short_ = langs.size();
                while (short_ > 0 && at < pool.size()) {
                    ParallelSentence s = pool.get(at++);
                    for (String l : langs) {
                        List<ParallelSentence> list = byLang.get(l);
                        if (list.size() < quota && s.text().containsKey(l)) {
                            list.add(s);
                            if (list.size() == quota) {
                                short_--;
                            }
                        }
                    }
                }
                if (short_ > 0) {
                    Map<String, Integer> got = new TreeMap<>();
                    byLang.forEach((l, list) -> {
                        if (list.size() < quota) {
                            got.put(l, list.size());
                        }
                    });
                    throw new IllegalStateException("the " + pool.size() + " sentences translated in "
                            + (params.minCoverage() < 1 ? "at least " + params.minCoverage() + " of " : "all of ")
                            + params.languages() + " run out while filling split " + split + " (" + quota
                            + " per language; got only " + got + "); use fewer sentences per split, lower the minimum "
                            + "coverage, or drop the languages with the fewest translations "
                            + "(ParallelSentences.sentencesPerLanguage())");
                }
                byLang.replaceAll((l, list) -> list.stream().sorted(Comparator.comparing(ParallelSentence::id)).toList());
            }
            out.put(split, byLang);
        }
        Map<String, Map<String, List<ParallelSentence>>> ordered = new LinkedHashMap<>();
        SPLITS.forEach(sp -> ordered.put(sp, out.get(sp)));
        return ordered;
    }

    /** Card line: how parallel the text is. */
    private String parallelNote(List<ParallelSentence> pool, Map<String, Map<String, List<ParallelSentence>>> perLanguage) {
        int n = params.languages().size();
        int poolSize = pool.size();
        long fullyParallel = pool.stream().filter(p -> p.text().keySet().containsAll(params.languages())).count();
        if (params.minCoverage() >= 1) {
            return "Parallel sentences translated in all " + n + " languages: " + poolSize + " (domains tried: "
                    + String.join(", ", params.domains()) + ")";
        }
        List<String> perSplit = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<ParallelSentence>>> e : perLanguage.entrySet()) {
            Map<String, List<ParallelSentence>> byLang = e.getValue();
            if (byLang.isEmpty()) {
                continue;
            }
            Map<String, Integer> readers = new TreeMap<>();
            byLang.values().forEach(l -> l.forEach(x -> readers.merge(x.id(), 1, Integer::sum)));
            long inAll = readers.values().stream().filter(c -> c == byLang.size()).count();
            long items = readers.values().stream().mapToLong(Integer::longValue).sum();
            long itemsOnAll = inAll * byLang.size();
            perSplit.add(String.format(Locale.ROOT, "%s %d distinct, %d read in all %d of its languages (%.0f%% of its "
                    + "sentence-language pairs)", e.getKey(), readers.size(), inAll, byLang.size(),
                    100.0 * itemsOnAll / items));
        }
        return String.format(Locale.ROOT, "Near-parallel sentences: %d translated in at least %.0f%% of the %d "
                + "languages (%d of them in all); the most widely translated are used first; per split: %s (n-way "
                + "parallel text for %d languages is too scarce in the gettext catalogues; domains tried: %s)",
                poolSize, 100 * params.minCoverage(), n, fullyParallel, String.join("; ", perSplit), n,
                String.join(", ", params.domains()));
    }

    /**
     * Per sentence id, the languages it cannot be told apart in: same text, and espeak-ng's neutral voice gives the
     * same bytes under both labels (bs and hr share their rules). Only languages with identical text are compared.
     */
    private Map<String, Set<String>> ambiguousLanguages(EspeakNg espeak, Map<String, List<ParallelSentence>> bySplit)
            throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        for (List<ParallelSentence> sentences : bySplit.values()) {
            for (ParallelSentence s : sentences) {
                Map<String, List<String>> langsByText = new TreeMap<>();
                for (String lang : params.languages()) {
                    if (s.text().containsKey(lang)) {
                        langsByText.computeIfAbsent(s.text().get(lang), k -> new ArrayList<>()).add(lang);
                    }
                }
                for (Map.Entry<String, List<String>> e : langsByText.entrySet()) {
                    if (e.getValue().size() < 2) {
                        continue;
                    }
                    Map<String, List<String>> langsByAudio = new TreeMap<>();
                    for (String lang : e.getValue()) {
                        String key;
                        try {
                            float[] x = espeak.synthesize(EspeakVoices.voice(lang), "", CANON_RATE, CANON_PITCH,
                                    e.getKey());
                            key = Hashes.sha256(Wav.encode16(x, EspeakNg.SAMPLE_RATE));
                        } catch (EspeakNg.Crash crash) {
                            key = "crash/" + lang; // its items crash again later and are counted there
                        }
                        langsByAudio.computeIfAbsent(key, k -> new ArrayList<>()).add(lang);
                    }
                    langsByAudio.values().stream().filter(l -> l.size() > 1)
                            .forEach(l -> out.computeIfAbsent(s.id(), k -> new TreeSet<>()).addAll(l));
                }
            }
        }
        return out;
    }

    /** Two threads; each item depends only on its job, so the bytes do not depend on scheduling. */
    private List<Synthesized> synthesize(EspeakNg espeak, List<Job> jobs) throws IOException {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        List<Future<Synthesized>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (Job j : jobs) {
                futures.add(exec.submit(() -> synthesizeOne(espeak, j)));
            }
            List<Synthesized> out = new ArrayList<>(jobs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw new IOException("synthesizing " + jobs.get(i).id() + ": " + c.getMessage(), c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while building " + dir, e);
                }
                if ((i + 1) % 50 == 0 || i + 1 == futures.size()) {
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    progress.onProgress("corpus", i + 1, jobs.size(), Double.NaN,
                            elapsed / (i + 1) * (jobs.size() - i - 1));
                }
            }
            return out;
        } finally {
            exec.shutdownNow();
        }
    }

    /** One item, or null when espeak-ng crashes on it (every attempt): such items are left out and counted. */
    private Synthesized synthesizeOne(EspeakNg espeak, Job j) throws IOException {
        Speaker spk = j.speaker();
        String text = j.sentence().text().get(spk.language());
        float[] clean;
        try {
            clean = espeak.synthesize(EspeakVoices.voice(spk.language()), spk.variant(), spk.rateWpm(), spk.pitch(), text);
        } catch (EspeakNg.Crash e) {
            return null;
        }
        String cleanSha = Hashes.sha256(Wav.encode16(clean, EspeakNg.SAMPLE_RATE));
        float[] x = params.conditions().apply(clean, EspeakNg.SAMPLE_RATE, params.seed() ^ stableHash(j.id()));
        String rel = "audio/" + spk.language() + "/" + j.id() + ".wav";
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Wav.write(f, x, EspeakNg.SAMPLE_RATE);
        double lat = Double.NaN;
        double lon = Double.NaN;
        if (params.languageLocations() != null) {
            List<Double> base = params.languageLocations().get(spk.language());
            Glottolog.Location at = SpeakerLocation.near(new Glottolog.Location(base.get(0), base.get(1)), spk.id(),
                    params.locationJitterKm());
            lat = at.latitude();
            lon = at.longitude();
        }
        return new Synthesized(new Utterance(j.id(), j.split(), spk.language(), spk.id(), spk.gender(),
                j.sentence().id(), text, rel, x.length, j.overlapped(), "", lat, lon), cleanSha);
    }

    /** Drops (and deletes) items whose clean audio bytes also occur under another language label. */
    private List<Utterance> removeIdenticalAudio(List<Synthesized> items) throws IOException {
        Map<String, Set<String>> langsBySha = new HashMap<>();
        for (Synthesized s : items) {
            langsBySha.computeIfAbsent(s.cleanSha256(), k -> new TreeSet<>()).add(s.utterance().language());
        }
        List<Utterance> kept = new ArrayList<>();
        for (Synthesized s : items) {
            if (langsBySha.get(s.cleanSha256()).size() > 1) {
                Files.delete(dir.resolve(s.utterance().audioPath()));
            } else {
                kept.add(s.utterance());
            }
        }
        return kept;
    }

    /** gettext domain -> owning Debian package (dpkg -S), from one catalogue per domain. */
    private static Map<String, String> catalogueOwners(Map<String, Path> catalogues) {
        Map<String, String> out = new TreeMap<>();
        catalogues.forEach((key, path) -> {
            String domain = key.substring(key.indexOf('/') + 1);
            if (!out.containsKey(domain)) {
                String owner = DebianPackages.owner(path);
                out.put(domain, owner == null ? "(not from a Debian package)" : owner);
            }
        });
        return out;
    }

    private CorpusInfo info(List<Utterance> utts, Map<String, String> packages, String sha) {
        double hours = utts.stream().mapToLong(Utterance::numSamples).sum() / (double) EspeakNg.SAMPLE_RATE / 3600;
        return new CorpusInfo(dir, dir.resolve("manifest.csv"), dir.resolve("card.md"), List.copyOf(utts), hours,
                Map.copyOf(packages), sha);
    }

    static <T> void shuffle(List<T> list, SplittableRandom rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    static long stableHash(String s) {
        String h = Hashes.sha256(s.getBytes(StandardCharsets.UTF_8));
        return Long.parseUnsignedLong(h.substring(0, 16), 16);
    }

    /** Configures a {@link FleursAnalog}. */
    public static final class Builder {
        private Path outputDir;
        private List<String> languages;
        private Collection<String> overlapped;
        private int trainSpeakers = 4;
        private int devSpeakers = 1;
        private int testSpeakers = 2;
        private int pretrainSpeakers = 2;
        private int trainSentences = 40;
        private int devSentences = 10;
        private int testSentences = 20;
        private int pretrainSentences = 40;
        private Conditions conditions = Conditions.CLEAN;
        private double minCoverage = 1.0;
        private List<String> domains = ParallelSentences.DEFAULT_DOMAINS;
        private boolean unseenTestVariants = true;
        private Map<String, Glottolog.Location> languageLocations;
        private Double locationJitterKm;
        private long seed = 1;
        private Path localeDir = Path.of("/usr/share/locale");
        private ProgressListener progress = ProgressListener.NONE;
        private String name = "FLEURS analog";
        private String espeakBinary = "espeak-ng";

        /** Required: the corpus directory (created; a partial or outdated build in it is replaced). */
        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** Required: ISO 639-1 codes, e.g. {@code List.of("bs", "hr", "sr", "sv", "nb", "da")}. */
        public Builder setLanguages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        /** Required: the languages that are also in the pretraining corpus (may be empty). */
        public Builder setOverlapped(Collection<String> overlapped) {
            this.overlapped = overlapped;
            return this;
        }

        public Builder optTrainSpeakers(int n) {
            this.trainSpeakers = n;
            return this;
        }

        public Builder optDevSpeakers(int n) {
            this.devSpeakers = n;
            return this;
        }

        public Builder optTestSpeakers(int n) {
            this.testSpeakers = n;
            return this;
        }

        /** Speakers per overlapped language in the pretrain split. */
        public Builder optPretrainSpeakers(int n) {
            this.pretrainSpeakers = n;
            return this;
        }

        /** Sentences per speaker (every speaker of the split reads the same ones). */
        public Builder optTrainSentences(int n) {
            this.trainSentences = n;
            return this;
        }

        public Builder optDevSentences(int n) {
            this.devSentences = n;
            return this;
        }

        public Builder optTestSentences(int n) {
            this.testSentences = n;
            return this;
        }

        public Builder optPretrainSentences(int n) {
            this.pretrainSentences = n;
            return this;
        }

        /** White noise at this SNR (dB) on every utterance of every split; null (default) = clean. */
        public Builder optNoiseSnrDb(Double snrDb) {
            this.conditions = new Conditions(snrDb, snrDb, 0, 0, 0, 1, 1);
            return this;
        }

        /** Acoustic conditions of every split (noise, band limiting, speed); default {@link Conditions#CLEAN}. */
        public Builder optConditions(Conditions conditions) {
            this.conditions = conditions;
            return this;
        }

        /** gettext domains to mine, in priority order (default {@link ParallelSentences#DEFAULT_DOMAINS}). */
        public Builder optDomains(List<String> domains) {
            this.domains = domains;
            return this;
        }

        /**
         * Near-parallel text: sentences translated in at least this fraction of the languages (default 1, n-way).
         * 60+ languages share only a few dozen fully parallel gettext sentences.
         */
        public Builder optMinCoverage(double minCoverage) {
            this.minCoverage = minCoverage;
            return this;
        }

        /**
         * Whether dev and test speakers use only voice variants no train/pretrain speaker of the language uses
         * (default true, the hardest setting); false draws them from the same variants with new pitch and rate.
         */
        public Builder optUnseenTestVariants(boolean unseen) {
            this.unseenTestVariants = unseen;
            return this;
        }

        /**
         * Records a location per speaker in the manifest: uniform within {@code jitterKm} of its language's
         * coordinates (every language needs one), see {@link SpeakerLocation}.
         */
        public Builder optSpeakerLocations(Map<String, Glottolog.Location> byLanguage, double jitterKm) {
            this.languageLocations = Map.copyOf(byLanguage);
            this.locationJitterKm = jitterKm;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optLocaleDir(Path localeDir) {
            this.localeDir = localeDir;
            return this;
        }

        /** Name on the card, e.g. {@code "Dhvani analog"} (default {@code "FLEURS analog"}); not part of the content. */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        public Builder optProgress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Test seam: the executable that synthesizes (default {@code espeak-ng} on the PATH), e.g. a stub that crashes
         * the way espeak-ng 1.51 sometimes does. The version check and voice listing still ask {@code espeak-ng}.
         */
        Builder optEspeakBinary(String binary) {
            this.espeakBinary = binary;
            return this;
        }

        public FleursAnalog build() {
            if (outputDir == null || languages == null || overlapped == null) {
                throw new IllegalStateException("FleursAnalog: setOutputDir, setLanguages and setOverlapped are required");
            }
            if (languages.isEmpty() || new HashSet<>(languages).size() != languages.size()) {
                throw new IllegalArgumentException("FleursAnalog: languages must be non-empty and distinct: " + languages);
            }
            if (!languages.containsAll(overlapped)) {
                throw new IllegalArgumentException("FleursAnalog: overlapped " + overlapped
                        + " must be a subset of languages " + languages);
            }
            int variants = EspeakVoices.MALE.size() + EspeakVoices.FEMALE.size();
            if (unseenTestVariants && devSpeakers + testSpeakers >= variants || devSpeakers < 0 || testSpeakers < 0 || trainSpeakers < 1
                    || pretrainSpeakers < 0) {
                throw new IllegalArgumentException("FleursAnalog: need trainSpeakers >= 1, and dev + test speakers ("
                        + (devSpeakers + testSpeakers) + ") below the " + variants
                        + " espeak-ng variants so train keeps at least one unseen-by-test voice");
            }
            if (Stream.of(trainSentences, devSentences, testSentences, pretrainSentences).anyMatch(n -> n < 0)
                    || trainSentences == 0 || testSentences == 0) {
                throw new IllegalArgumentException("FleursAnalog: sentence counts must be >= 0, train and test >= 1");
            }
            if (conditions == null) {
                throw new IllegalArgumentException("FleursAnalog: conditions must not be null (use Conditions.CLEAN)");
            }
            if (!(minCoverage > 0 && minCoverage <= 1)) {
                throw new IllegalArgumentException("FleursAnalog: minCoverage must be in (0, 1], got " + minCoverage);
            }
            if (languageLocations != null) {
                List<String> missing = languages.stream().filter(l -> !languageLocations.containsKey(l)).toList();
                if (!missing.isEmpty() || !(locationJitterKm >= 0)) {
                    throw new IllegalArgumentException("FleursAnalog: speaker locations need coordinates for every "
                            + "language (missing " + missing + ") and a radius >= 0 km (got " + locationJitterKm + ")");
                }
            }
            return new FleursAnalog(this);
        }
    }
}
