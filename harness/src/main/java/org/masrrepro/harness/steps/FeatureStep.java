package org.masrrepro.harness.steps;

import org.masrrepro.datasets.util.Hashes;
import com.google.gson.JsonObject;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.features.LogMel;
import org.masrrepro.harness.spec.FeatureSpec;
import org.masrrepro.harness.spec.LogMelSpec;
import org.masrrepro.harness.spec.SpecJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Extracts and caches features for every split of a corpus: one {@code <split>.feats} file each. */
public final class FeatureStep implements Step {

    /** Splits a corpus may have, in the order they are extracted. */
    public static final List<String> SPLITS = List.of("pretrain", "train", "dev", "test");

    private final CorpusStep corpus;
    private final FeatureSpec spec;

    public FeatureStep(CorpusStep corpus, FeatureSpec spec) {
        this.corpus = corpus;
        this.spec = spec;
    }

    public CorpusStep corpus() {
        return corpus;
    }

    public FeatureSpec spec() {
        return spec;
    }

    /** Path of one split's feature file in a feature step's directory. */
    public static Path file(Path stepDir, String split) {
        return stepDir.resolve(split + ".feats");
    }

    /** Opens the cached features of one split from a finished feature step's directory. */
    public static FeatureSet open(Path stepDir, String split) throws IOException {
        return FeatureCache.open(file(stepDir, split));
    }

    static LogMel logMel(FeatureSpec spec) {
        LogMelSpec m = (LogMelSpec) spec;
        return LogMel.builder()
                .optNumMels(m.numMels())
                .optWindowMs(m.windowMs())
                .optHopMs(m.hopMs())
                .optFftSize(m.fftSize())
                .build();
    }

    @Override
    public String kind() {
        return "features";
    }

    @Override
    public int version() {
        return 2; // feature file format 2 (little-endian index before the data)
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.add("features", SpecJson.toJson(spec));
        return o;
    }

    @Override
    public List<Step> dependencies() {
        return List.of(corpus);
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        Path data = CorpusStep.dataDir(ctx.dirOf(corpus));
        Path manifest = data.resolve("manifest.csv");
        List<Utterance> all = Manifest.read(manifest);
        recordCorpusRead(ctx, manifest);
        LogMel logMel = logMel(spec);
        ctx.recordMeasurement("log_mel", logMel.describe());
        for (String split : SPLITS) {
            List<Utterance> utts = all.stream().filter(u -> u.split().equals(split)).toList();
            if (utts.isEmpty()) {
                continue;
            }
            Path out = ctx.dir().resolve(split + ".feats");
            FeatureSet set = FeatureCache.build(data, utts, logMel, out, ctx.progress());
            ctx.recordOutputHash(split + ".feats", Hashes.sha256(out));
            ctx.recordMeasurement(split + "_utterances", set.size());
        }
    }

    /** Key of the corpus audio hash a feature step copies from its corpus step's provenance. */
    public static final String CORPUS_AUDIO_HASH = "corpus_" + CorpusStep.AUDIO_HASH;

    // Ties the features to the manifest they read (hashed now) and to the audio the corpus step hashed as it built it
    // (copied, not re-hashed: a real corpus records none, and re-reading the audio costs what extraction does).
    private void recordCorpusRead(StepContext ctx, Path manifest) throws IOException {
        ctx.recordInputHash("manifest.csv", Hashes.sha256(manifest));
        String audio = StepProvenance.outputHash(StepProvenance.read(ctx.dirOf(corpus)), CorpusStep.AUDIO_HASH);
        if (audio != null) {
            ctx.recordInputHash(CORPUS_AUDIO_HASH, audio);
        }
    }
}
