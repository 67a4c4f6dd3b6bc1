package org.masrrepro.harness.steps;

import org.masrrepro.datasets.util.Hashes;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.ssl.BestRq;
import org.masrrepro.baselines.ssl.SslObjective;
import org.masrrepro.baselines.ssl.W2vBert;
import org.masrrepro.baselines.train.AuxiliaryObjective;
import org.masrrepro.baselines.train.Checkpoint;
import org.masrrepro.baselines.train.FeatureStats;
import org.masrrepro.baselines.train.GloballyNormalized;
import org.masrrepro.baselines.train.Pretrainer;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.harness.spec.BestRqSpec;
import org.masrrepro.harness.spec.EncoderSpec;
import org.masrrepro.harness.spec.PretrainSpec;
import org.masrrepro.harness.spec.SpecJson;
import org.masrrepro.harness.spec.W2vBertSpec;
import org.masrrepro.masr.PkSampler;

import java.nio.file.Path;
import java.util.List;

/** Self-supervised pretraining of the encoder on the corpus's pretrain split; resumes from its own checkpoints. */
public final class PretrainStep implements Step {

    private final FeatureStep features;
    private final EncoderSpec encoder;
    private final PretrainSpec spec;
    private final long seed;
    private final long quantizerSeed;
    private final PretrainStep base;

    /**
     * @param base the pretraining this one continues ({@code spec.initFrom()}), or null to start from scratch
     */
    public PretrainStep(FeatureStep features, EncoderSpec encoder, PretrainSpec spec, long rootSeed, PretrainStep base) {
        this.features = features;
        this.encoder = encoder;
        this.spec = spec;
        // A continuation keeps the base's quantizer (same targets) but draws its own batches and masks.
        this.seed = Seeds.derive(rootSeed, base == null ? "pretrain" : "pretrain/continued");
        this.quantizerSeed = Seeds.derive(rootSeed, "pretrain/quantizer");
        this.base = base;
        if ((base == null) != (spec.initFrom() == null)) {
            throw new IllegalArgumentException("a base pretraining is given exactly when the spec has init_from");
        }
    }

    /** The features (and through them the corpus) whose pretrain split this step trains on. */
    public FeatureStep features() {
        return features;
    }

    /** The auxiliary objectives (LASR, MASR streams) this step adds to the SSL loss, in log-name order. */
    public List<org.masrrepro.harness.spec.AuxSpec> aux() {
        return spec.aux();
    }

    /** The pretraining this one continues, or null when it starts from scratch. */
    public PretrainStep base() {
        return base;
    }

    /**
     * Whether this step trains no step at all (steps 0, the random-init reference row): it only initialises the
     * encoder and reads its corpus's input statistics, so nothing was pretrained on that corpus.
     */
    public boolean trainsNothing() {
        return base == null && spec.training().steps() == 0;
    }

    /** Steps this step trains: all of them, or the remainder after the base's milestone. */
    int stepsToRun() {
        int total = spec.training().steps();
        return base == null ? total : total - startStep();
    }

    private int startStep() {
        return (int) Math.round(spec.initFrom().atFraction() * base.spec.training().steps());
    }

    /** The final checkpoint inside a finished pretrain step's directory. */
    public static Path finalCheckpoint(Path stepDir) {
        return stepDir.resolve("train").resolve("final");
    }

    private SslObjective objective() {
        if (spec.ssl() instanceof BestRqSpec b) {
            return new BestRq(Configs.bestRq(b, quantizerSeed));
        }
        if (spec.ssl() instanceof W2vBertSpec w) {
            // A continuation resumes the Gumbel temperature schedule where the base run's milestone left it.
            return new W2vBert(Configs.w2vBert(w), base == null ? 0 : startStep());
        }
        throw new IllegalStateException("no implementation for SSL objective " + spec.ssl());
    }

    @Override
    public String kind() {
        return "pretrain";
    }

    @Override
    public int version() {
        // 3: BEST-RQ mask probability counts per input frame, not per stacked frame
        return 3;
    }

    @Override
    public String title() {
        String ssl = SpecJson.toJson(spec.ssl()).getAsJsonObject().get("type").getAsString();
        StringBuilder t = new StringBuilder(ssl);
        spec.aux().forEach(a -> {
            com.google.gson.JsonObject o = SpecJson.toJson(a).getAsJsonObject();
            t.append(" + ").append(o.get("type").getAsString());
            if (o.has("stream")) { // Geo- and Text-MASR add a second MASR stream: name each
                t.append('[').append(o.get("stream").getAsString()).append(']');
            }
        });
        if (base != null) {
            t.append(" (continued from step ").append(startStep()).append(")");
        }
        if (spec.training().steps() == 0) {
            return "no pretraining (" + t + " encoder at its seeded initialisation)";
        }
        return t.toString();
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.add("encoder", SpecJson.toJson(encoder));
        o.add("pretrain", SpecJson.toJson(spec));
        o.addProperty("seed", seed);
        o.addProperty("quantizer_seed", quantizerSeed);
        o.addProperty("split", "pretrain");
        if (base != null) {
            o.addProperty("continues_from_step", startStep());
        }
        if (spec.ssl() instanceof W2vBertSpec) {
            // 2: quantizer logits initialised N(0, 1) on standardised frames (fairseq); kept out of version() so
            // the BEST-RQ runs keep their identities
            o.addProperty("w2v_bert_revision", 2);
        }
        return o;
    }

    @Override
    public List<Step> dependencies() {
        return base == null ? List.of(features) : List.of(features, base);
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        if (!java.nio.file.Files.isRegularFile(FeatureStep.file(ctx.dirOf(features), "pretrain"))) {
            throw new java.io.IOException("the pretraining corpus \"" + features.corpus().spec().label() + "\" has no "
                    + "utterance in split pretrain (its manifest: " + CorpusStep.dataDir(ctx.dirOf(features.corpus()))
                    .resolve("manifest.csv") + "), and pretraining reads that split: give the corpus pretrain rows (a "
                    + "manifest CSV's split column or \"default_split\": \"pretrain\"), or make it the downstream "
                    + "corpus and pretrain on one that has them");
        }
        FeatureSet data = FeatureStep.open(ctx.dirOf(features), "pretrain");
        ctx.recordInputHash("pretrain.feats", Hashes.sha256(FeatureStep.file(ctx.dirOf(features), "pretrain")));
        if (EncoderInput.global(encoder)) {
            // A continuation keeps its base's statistics: the encoder it starts from was trained on that mapping.
            FeatureStats stats = base != null ? FeatureStats.read(EncoderInput.statsFile(ctx.dirOf(base)))
                    : FeatureStats.of(data);
            stats.write(EncoderInput.statsFile(ctx.dir()));
            ctx.recordOutputHash(EncoderInput.STATS_FILE, Hashes.sha256(EncoderInput.statsFile(ctx.dir())));
            data = new GloballyNormalized(data, stats);
        }
        SslObjective objective = objective();
        Path corpusData = CorpusStep.dataDir(ctx.dirOf(features.corpus()));
        List<AuxiliaryObjective> aux = AuxObjectives.build(spec.aux(), data, corpusData, ctx.dataDir(), ctx);
        Pretrainer.Builder b = Pretrainer.builder()
                .setEncoder(Configs.encoder(encoder, data.dim()))
                .setObjective(objective)
                .optAuxiliaries(aux)
                .setData(data)
                .setBatchSize(spec.training().batchSize())
                .setCropFrames(spec.training().cropFrames())
                .setTotalSteps(stepsToRun())
                .setOptimizer(Configs.optimizer(spec.training().optimizer()))
                .setSeed(seed)
                .setWorkDir(ctx.dir().resolve("train"))
                .optCheckpointEvery(spec.training().checkpointEvery())
                .optLogEvery(spec.training().logEvery())
                .optDevice(ctx.device())
                .optProgress(ctx.progress());
        if (spec.sampler() != null) {
            String stream = spec.aux().isEmpty() ? "language" : spec.aux().get(0).stream();
            int[] labels = AuxObjectives.ids(AuxObjectives.streamLabels(data, corpusData, stream));
            b.optSampler(PkSampler.of(labels, spec.sampler().labelsPerBatch(), spec.sampler().utterancesPerLabel()));
        }
        if (base != null) {
            Path milestone = ctx.dirOf(base).resolve("train").resolve(Checkpoint.milestoneName(startStep()));
            if (!Checkpoint.isComplete(milestone)) {
                throw new IllegalStateException("the base pretraining has no milestone checkpoint at step " + startStep()
                        + " (" + milestone + "); milestones exist at every tenth of a run whose steps are a multiple of 10");
            }
            b.optInitFrom(milestone);
            ctx.recordInputHash("init_from/encoder.params", Hashes.sha256(milestone.resolve("encoder.params")));
        }
        ctx.interruptAfterSteps().ifPresent(b::optStopAfterSteps);
        TrainResult r = b.build().run();
        if (!r.finished()) {
            throw new Interrupted("pretraining stopped at step " + r.stepsDone() + " of " + stepsToRun()
                    + " on request; run again to resume from the last checkpoint");
        }
        ctx.recordOutputHash("model.params", Hashes.sha256(r.finalCheckpoint().resolve("model.params")));
        ctx.recordMeasurement("steps", r.stepsDone());
        ctx.recordMeasurement("final_loss", r.finalLoss());
        ctx.recordMeasurement("steps_per_second", r.stepsPerSecond());
        ctx.recordMeasurement("recomputed_steps", r.recomputedSteps());
    }
}
