package org.masrrepro.datasets.corpus;

import org.masrrepro.datasets.util.Hashes;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.masrrepro.datasets.audio.Augment;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.synth.Speaker;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.text.ParallelSentence;
import org.masrrepro.datasets.text.ParallelSentences;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * FLEURS-like language-ID corpus built offline: espeak-ng reads n-way parallel gettext sentences with several
 * synthetic speakers per language. Splits are disjoint in speakers and sentences; dev and test speakers use voice
 * variants that no train or pretrain speaker of their language uses; the pretrain split holds only the overlapped
 * languages. The same parameters and packages give the same bytes.
 */
public final class FleursAnalog {

    /** Completion marker, written last. */
    public static final String DONE = "DONE";
    static final List<String> SPLITS = List.of("pretrain", "train", "dev", "test");
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Params params;
    private final Path dir;
    private final Path localeDir;
    private final ProgressListener progress;

    /** Everything that determines the corpus's content (recorded in corpus.json and compared on reuse). */
    record Params(List<String> languages, List<String> overlapped, Map<String, Integer> speakers,
            Map<String, Integer> sentences, Double noiseSnrDb, long seed, List<String> domains, int version) {}

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
        this.params = new Params(List.copyOf(b.languages), b.overlapped.stream().sorted().toList(), speakers, sentences,
                b.noiseSnrDb, b.seed, ParallelSentences.DEFAULT_DOMAINS, 1);
        this.dir = b.outputDir;
        this.localeDir = b.localeDir;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the corpus, or validates and returns an identical earlier build. */
    public CorpusInfo prepare() throws IOException {
        Path json = dir.resolve("corpus.json");
        if (Files.isRegularFile(dir.resolve(DONE)) && Files.isRegularFile(json)) {
            Map<?, ?> stored = GSON.fromJson(Files.readString(json), Map.class);
            Map<?, ?> wanted = GSON.fromJson(GSON.toJson(params), Map.class);
            if (wanted.equals(stored.get("params"))) {
                return validate();
            }
        }
        AtomicFiles.deleteRecursively(dir);
        Files.createDirectories(dir);
        return build();
    }

    private CorpusInfo validate() throws IOException {
        List<Utterance> utts = Manifest.read(dir.resolve("manifest.csv"));
        for (Utterance u : utts) {
            Path f = dir.resolve(u.audioPath());
            if (!Files.isRegularFile(f) || Files.size(f) != 44L + 2L * u.numSamples()) {
                throw new IOException(f + ": missing or wrong size for " + u.numSamples()
                        + " samples; delete " + dir + " to rebuild the corpus");
            }
        }
        return info(utts, packageVersions());
    }

    private CorpusInfo build() throws IOException {
        ParallelSentences miner = ParallelSentences.builder().setLanguages(params.languages())
                .optLocaleDir(localeDir).optDomains(params.domains()).build();
        List<ParallelSentence> pool = new ArrayList<>(miner.mine());
        Map<String, List<ParallelSentence>> bySplit = assignSentences(pool);
        SplittableRandom rnd = new SplittableRandom(params.seed());
        List<Job> jobs = new ArrayList<>();
        Map<String, Speaker> speakers = new TreeMap<>();
        for (String lang : params.languages()) {
            boolean overlapped = params.overlapped().contains(lang);
            List<String> variants = new ArrayList<>(EspeakVoices.VARIANTS);
            shuffle(variants, rnd.split());
            int heldOut = Math.min(variants.size() - 2, params.speakers().get("dev") + params.speakers().get("test"));
            List<String> unseen = variants.subList(0, heldOut);
            List<String> seen = variants.subList(heldOut, variants.size());
            int seenIdx = 0;
            int unseenIdx = 0;
            int speakerNo = 0;
            SplittableRandom spkRnd = rnd.split();
            for (String split : SPLITS) {
                if (split.equals("pretrain") && !overlapped) {
                    continue;
                }
                for (int s = 0; s < params.speakers().get(split); s++) {
                    boolean held = split.equals("dev") || split.equals("test");
                    String variant = held ? unseen.get(unseenIdx++ % unseen.size()) : seen.get(seenIdx++ % seen.size());
                    String id = String.format("fleurs-%s-spk%02d", lang, speakerNo++);
                    Speaker spk = new Speaker(id, lang, variant, EspeakVoices.gender(variant),
                            30 + spkRnd.nextInt(41), 140 + spkRnd.nextInt(51));
                    speakers.put(id, spk);
                    for (ParallelSentence sent : bySplit.get(split)) {
                        String uttId = lang + "-" + split + "-" + id.substring(id.length() - 2) + "-" + sent.id();
                        jobs.add(new Job(uttId, split, spk, sent, overlapped));
                    }
                }
            }
        }
        List<Utterance> utts = synthesize(jobs);
        List<Utterance> kept = removeCrossLanguageDuplicates(utts);
        kept.sort(Comparator.comparing(Utterance::id));
        Manifest.write(dir.resolve("manifest.csv"), kept);
        Map<String, String> packages = packageVersions(miner.cataloguesUsed().values());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("params", params);
        record.put("espeak_ng_version", EspeakNg.version());
        record.put("debian_packages", packages);
        record.put("locales", miner.localeUsed());
        record.put("speakers", speakers.values());
        Map<String, List<String>> sentenceIds = new LinkedHashMap<>();
        bySplit.forEach((k, v) -> sentenceIds.put(k, v.stream().map(ParallelSentence::id).toList()));
        record.put("sentence_ids", sentenceIds);
        record.put("removed_cross_language_duplicates", utts.size() - kept.size());
        AtomicFiles.writeString(dir.resolve("corpus.json"), GSON.toJson(record));
        CorpusInfo info = info(kept, packages);
        AtomicFiles.writeString(dir.resolve("card.md"), CorpusCard.render(info, params, miner.localeUsed(), speakers.values(),
                pool.size(), utts.size() - kept.size(), EspeakNg.version()));
        AtomicFiles.writeString(dir.resolve(DONE), info.manifestSha256() + "\n");
        return info;
    }

    private record Job(String id, String split, Speaker speaker, ParallelSentence sentence, boolean overlapped) {}

    private Map<String, List<ParallelSentence>> assignSentences(List<ParallelSentence> pool) {
        int needed = params.sentences().values().stream().mapToInt(Integer::intValue).sum();
        if (pool.size() < needed) {
            throw new IllegalStateException("only " + pool.size() + " sentences are translated in all of "
                    + params.languages() + " but the splits need " + needed
                    + "; use fewer sentences per split or fewer languages");
        }
        shuffle(pool, new SplittableRandom(params.seed() ^ 0x5eedL));
        Map<String, List<ParallelSentence>> out = new LinkedHashMap<>();
        int at = 0;
        for (String split : List.of("test", "dev", "train", "pretrain")) {
            int n = params.sentences().get(split);
            out.put(split, pool.subList(at, at + n).stream().sorted(Comparator.comparing(ParallelSentence::id)).toList());
            at += n;
        }
        return out;
    }

    private List<Utterance> synthesize(List<Job> jobs) throws IOException {
        EspeakNg espeak = new EspeakNg();
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Utterance>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (Job j : jobs) {
                futures.add(pool.submit(() -> synthesizeOne(espeak, j)));
            }
            List<Utterance> out = new ArrayList<>(jobs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("synthesizing " + jobs.get(i).id() + ": " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if ((i + 1) % 50 == 0 || i + 1 == futures.size()) {
                    double el = (System.nanoTime() - t0) / 1e9;
                    progress.onProgress("synthesis", i + 1, jobs.size(), Double.NaN, el / (i + 1) * (jobs.size() - i - 1));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Utterance synthesizeOne(EspeakNg espeak, Job j) throws IOException {
        String text = j.sentence().text().get(j.speaker().language());
        float[] x = espeak.synthesize(EspeakVoices.voice(j.speaker().language()), j.speaker().variant(),
                j.speaker().rateWpm(), j.speaker().pitch(), text);
        if (params.noiseSnrDb() != null) {
            x = Augment.addNoise(x, params.noiseSnrDb(), params.seed() ^ stableHash(j.id()));
        }
        String rel = "audio/" + j.speaker().language() + "/" + j.id() + ".wav";
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Wav.write(f, x, EspeakNg.SAMPLE_RATE);
        return new Utterance(j.id(), j.split(), j.speaker().language(), j.speaker().id(), j.speaker().gender(),
                j.sentence().id(), text, rel, x.length, j.overlapped());
    }

    /** espeak-ng's bs and hr voices give identical audio for identical text: such items cannot be labelled. */
    private List<Utterance> removeCrossLanguageDuplicates(List<Utterance> utts) throws IOException {
        Map<String, Set<String>> langsByHash = new HashMap<>();
        Map<String, String> hashById = new HashMap<>();
        for (Utterance u : utts) {
            String h = Hashes.sha256(dir.resolve(u.audioPath()));
            hashById.put(u.id(), h);
            langsByHash.computeIfAbsent(h, k -> new TreeSet<>()).add(u.language());
        }
        List<Utterance> kept = new ArrayList<>();
        for (Utterance u : utts) {
            if (langsByHash.get(hashById.get(u.id())).size() > 1) {
                Files.delete(dir.resolve(u.audioPath()));
            } else {
                kept.add(u);
            }
        }
        return kept;
    }

    private CorpusInfo info(List<Utterance> utts, Map<String, String> packages) throws IOException {
        double hours = utts.stream().mapToLong(Utterance::numSamples).sum() / (double) EspeakNg.SAMPLE_RATE / 3600;
        Path manifest = dir.resolve("manifest.csv");
        return new CorpusInfo(dir, manifest, dir.resolve("card.md"), List.copyOf(utts), hours, packages,
                Hashes.sha256(manifest));
    }

    private Map<String, String> packageVersions() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = GSON.fromJson(Files.readString(dir.resolve("corpus.json")), Map.class);
        Map<String, String> out = new TreeMap<>();
        ((Map<?, ?>) rec.get("debian_packages")).forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    private static Map<String, String> packageVersions(Collection<Path> catalogues) {
        Set<String> packages = new TreeSet<>(List.of("espeak-ng", "espeak-ng-data"));
        Map<Path, String> owners = new HashMap<>();
        for (Path c : catalogues) {
            Path domainFile = c.getFileName();
            owners.computeIfAbsent(domainFile, k -> DebianPackages.owner(c));
        }
        owners.values().stream().filter(o -> o != null).forEach(packages::add);
        return DebianPackages.versions(packages);
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
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        private Double noiseSnrDb;
        private long seed = 1;
        private Path localeDir = Path.of("/usr/share/locale");
        private ProgressListener progress = ProgressListener.NONE;

        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        public Builder setLanguages(List<String> languages) {
            this.languages = languages;
            return this;
        }

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

        public Builder optPretrainSpeakers(int n) {
            this.pretrainSpeakers = n;
            return this;
        }

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

        public Builder optNoiseSnrDb(Double snrDb) {
            this.noiseSnrDb = snrDb;
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

        public Builder optProgress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        public FleursAnalog build() {
            if (outputDir == null || languages == null || overlapped == null) {
                throw new IllegalStateException("setOutputDir, setLanguages and setOverlapped are required");
            }
            if (!languages.containsAll(overlapped)) {
                throw new IllegalArgumentException("overlapped " + overlapped + " must be among languages " + languages);
            }
            return new FleursAnalog(this);
        }
    }
}
