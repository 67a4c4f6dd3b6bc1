package org.masrrepro.harness.steps;

import com.google.gson.JsonObject;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.FleursAnalog;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.analog.AnalogCorpora;
import org.masrrepro.harness.spec.AnalogCorpusSpec;
import org.masrrepro.datasets.metadata.Glottolog;
import org.masrrepro.datasets.metadata.Uriel;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.harness.spec.CorpusSpec;
import org.masrrepro.harness.spec.FleursAnalogSpec;
import org.masrrepro.harness.spec.RealCorpusSpec;
import org.masrrepro.harness.spec.SpecJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds (or validates an earlier build of) a corpus: audio, manifest, corpus card. */
public final class CorpusStep implements Step {

    private final CorpusSpec spec;
    private final long seed;

    public CorpusStep(CorpusSpec spec, long rootSeed) {
        this.spec = spec;
        Long own = spec instanceof FleursAnalogSpec f ? f.seed() : spec instanceof AnalogCorpusSpec a ? a.seed()
                : spec instanceof RealCorpusSpec r ? r.seed() : null;
        this.seed = own != null ? own : Seeds.derive(rootSeed, "corpus");
    }

    /**
     * Written beside the manifest of a real corpus that left audio files out ({@code skip_bad_files}): every one of
     * them, {@code path<TAB>reason} under a header line (the card lists the first 50).
     */
    public static final String SKIPPED_LIST = "skipped_files.tsv";

    /**
     * How many audio files the finished corpus step in {@code stepDir} left out (its provenance's {@code bad_files});
     * 0 when none, for an analog, or when the step has no provenance.
     */
    public static int skippedFiles(Path stepDir) throws IOException {
        JsonObject p = StepProvenance.read(stepDir);
        if (p == null || !p.has("measurements") || !p.getAsJsonObject("measurements").has("bad_files")) {
            return 0;
        }
        return p.getAsJsonObject("measurements").get("bad_files").getAsInt();
    }

    /**
     * Where the files a corpus step left out are listed: {@link #SKIPPED_LIST}, or the card (which names the first 50)
     * for a corpus built before that list was written.
     */
    public static Path skippedList(Path stepDir) {
        Path list = dataDir(stepDir).resolve(SKIPPED_LIST);
        return Files.isRegularFile(list) ? list : dataDir(stepDir).resolve("card.md");
    }

    /**
     * The corpus type the finished step in {@code stepDir} was built from, as its provenance records it ({@code
     * real}, {@code analog}, {@code fleurs-analog}); null when it has no provenance.
     */
    public static String typeOf(Path stepDir) throws IOException {
        return typeOf(StepProvenance.read(stepDir));
    }

    /**
     * The corpus type a corpus step's provenance records; null when it records none, records it malformed, or
     * {@code provenance} is null.
     */
    public static String typeOf(JsonObject provenance) {
        try {
            if (provenance == null || !provenance.has("inputs") || !provenance.getAsJsonObject("inputs").has("corpus")) {
                return null;
            }
            JsonObject c = provenance.getAsJsonObject("inputs").getAsJsonObject("corpus");
            return c.has("type") ? c.get("type").getAsString() : null;
        } catch (RuntimeException e) { // ClassCastException, IllegalStateException: not this harness's provenance
            return null;
        }
    }

    /** A real corpus that left audio files out says how many and where they are listed. */
    @Override
    public List<String> warnings(Path dir) {
        int n;
        try {
            n = skippedFiles(dir);
        } catch (IOException | RuntimeException e) {
            return List.of("cannot read " + dir.resolve(StepRunner.PROVENANCE) + " to count skipped audio files: "
                    + e.getMessage());
        }
        if (n == 0) {
            return List.of();
        }
        return List.of(String.format(java.util.Locale.ROOT, "%s: %d audio file%s missing or unreadable and left out "
                        + "(skip_bad_files); the list: %s. Every table that uses this corpus says so in its caption.",
                spec.label(), n, n == 1 ? " was" : "s were", skippedList(dir)));
    }

    /**
     * The output hash under which every corpus step but a real one records {@link Manifest#audioSha256} of the audio
     * it built (since commit 4058511; steps built before it are hashed from disk by {@code check}); the suffix names
     * the framing of {@link Hashes#sha256Files}, so a change there is a new key, not a false "audio differs".
     */
    public static final String AUDIO_HASH = "audio_" + Hashes.FILES_SCHEME;

    /** Where the corpus itself (manifest.csv, card.md, audio/) lives inside the step directory. */
    public static Path dataDir(Path stepDir) {
        return stepDir.resolve("data");
    }

    public CorpusSpec spec() {
        return spec;
    }

    @Override
    public String kind() {
        return "corpus";
    }

    @Override
    public int version() {
        return 3; // FLEURS analog format 5: near-parallel text (widest-translated first), conditions, test-voice policy, speaker locations
    }

    @Override
    public String title() {
        return spec.label();
    }

    /** A real corpus must still be what the manifest was built from (its files' paths, sizes and times). */
    @Override
    public void checkReusable(Path dir, Path dataDir) throws IOException {
        if (spec instanceof RealCorpusSpec r) {
            RealCorpora.checkUnchanged(r, dataDir(dir), dataDir);
        }
    }

    @Override
    public JsonObject inputs() {
        JsonObject corpus = SpecJson.toJson(spec).getAsJsonObject();
        corpus.remove("label"); // cosmetic: two specs naming the same data differently share it
        corpus.remove("seed");
        JsonObject o = new JsonObject();
        o.add("corpus", corpus);
        if (spec instanceof AnalogCorpusSpec a) { // a rebuilt analog must not reuse what was computed from the old one
            o.addProperty("analog_format", AnalogCorpora.format(a.corpus()));
        }
        if (!(spec instanceof RealCorpusSpec r) || r.drawsSplit()) { // other real corpora use no seed
            o.addProperty("seed", seed);
        }
        return o;
    }

    @Override
    public List<Step> dependencies() {
        return List.of();
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        if (spec instanceof AnalogCorpusSpec a) {
            record(ctx, AnalogCorpora.prepare(a.corpus(), AnalogCorpora.Size.parse(a.size()), dataDir(ctx.dir()), seed,
                    ctx.progress()));
            return;
        }
        if (spec instanceof RealCorpusSpec r) {
            RealCorpora.prepare(r, seed, dataDir(ctx.dir()), ctx);
            return;
        }
        if (!(spec instanceof FleursAnalogSpec f)) {
            throw new IllegalStateException("no builder for corpus type " + spec.getClass().getSimpleName());
        }
        FleursAnalog.Builder builder = FleursAnalog.builder();
        if (f.locationJitterKm() != null) {
            Path data = ctx.dataDir();
            Uriel uriel = Uriel.open(data.resolve("uriel"));
            Glottolog glottolog = Glottolog.open(data.resolve("glottolog"));
            ctx.recordInputHash("glottolog/languages.csv", Hashes.sha256(data.resolve("glottolog/languages.csv")));
            Map<String, Glottolog.Location> at = new TreeMap<>();
            for (String lang : f.languages()) {
                at.put(lang, glottolog.location(uriel.iso3(lang)));
            }
            builder.optSpeakerLocations(at, f.locationJitterKm());
        }
        CorpusInfo info = builder
                .setOutputDir(dataDir(ctx.dir()))
                .setLanguages(f.languages())
                .setOverlapped(f.overlapped())
                .optTrainSpeakers(f.trainSpeakers())
                .optDevSpeakers(f.devSpeakers())
                .optTestSpeakers(f.testSpeakers())
                .optPretrainSpeakers(f.pretrainSpeakers())
                .optTrainSentences(f.trainSentences())
                .optDevSentences(f.devSentences())
                .optTestSentences(f.testSentences())
                .optPretrainSentences(f.pretrainSentences())
                .optConditions(f.conditions())
                .optMinCoverage(f.minCoverage() == null ? 1.0 : f.minCoverage())
                .optUnseenTestVariants(f.unseenTestVariants() == null || f.unseenTestVariants())
                .optSeed(seed)
                .optName(f.label().replaceAll("\\s*\\(.*$", ""))
                .optProgress(ctx.progress())
                .build()
                .prepare();
        record(ctx, info);
    }

    private static void record(StepContext ctx, CorpusInfo info) throws IOException {
        ctx.recordInputHash("manifest.csv", info.manifestSha256());
        // Hashed as built, so a regression check compares the audio the run's features were made from, not whatever
        // is on disk when it runs. Real corpora are not hashed here: at paper scale that is terabytes.
        ctx.recordOutputHash(AUDIO_HASH, Manifest.audioSha256(dataDir(ctx.dir()).resolve("manifest.csv")));
        ctx.recordMeasurement("utterances", info.utterances().size());
        ctx.recordMeasurement("hours", info.hours());
        ctx.recordMeasurement("debian_packages", info.packageVersions());
    }
}
