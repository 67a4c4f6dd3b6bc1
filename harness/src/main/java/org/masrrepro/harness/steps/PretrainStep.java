package org.masrrepro.harness.steps;

import com.google.gson.JsonObject;
import org.masrrepro.baselines.ssl.BestRq;
import org.masrrepro.baselines.ssl.SslObjective;
import org.masrrepro.baselines.train.Pretrainer;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.harness.spec.BestRqSpec;
import org.masrrepro.harness.spec.EncoderSpec;
import org.masrrepro.harness.spec.PretrainSpec;
import org.masrrepro.harness.spec.SpecJson;

import java.nio.file.Path;
import java.util.List;

/** Self-supervised pretraining of the encoder on the corpus's pretrain split; resumes from its own checkpoints. */
public final class PretrainStep implements Step {

    private final FeatureStep features;
    private final EncoderSpec encoder;
    private final PretrainSpec spec;
    private final long seed;
    private final long quantizerSeed;

    public PretrainStep(FeatureStep features, EncoderSpec encoder, PretrainSpec spec, long rootSeed) {
        this.features = features;
        this.encoder = encoder;
        this.spec = spec;
        this.seed = Seeds.derive(rootSeed, "pretrain");
        this.quantizerSeed = Seeds.derive(rootSeed, "pretrain/quantizer");
    }

    /** The final checkpoint inside a finished pretrain step's directory. */
    public static Path finalCheckpoint(Path stepDir) {
        return stepDir.resolve("train").resolve("final");
    }

    private SslObjective objective() {
        if (spec.ssl() instanceof BestRqSpec b) {
            return new BestRq(Configs.bestRq(b, quantizerSeed));
        }
        throw new IllegalStateException("no implementation for SSL objective " + spec.ssl());
    }

    @Override
    public String kind() {
        return "pretrain";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String title() {
        return SpecJson.toJson(spec.ssl()).getAsJsonObject().get("type").getAsString();
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.add("encoder", SpecJson.toJson(encoder));
        o.add("pretrain", SpecJson.toJson(spec));
        o.addProperty("seed", seed);
        o.addProperty("quantizer_seed", quantizerSeed);
        o.addProperty("split", "pretrain");
        return o;
    }

    @Override
    public List<Step> dependencies() {
        return List.of(features);
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        FeatureSet data = FeatureStep.open(ctx.dirOf(features), "pretrain");
        ctx.recordInputHash("pretrain.feats", FeatureCache.sha256(FeatureStep.file(ctx.dirOf(features), "pretrain")));
        SslObjective objective = objective();
        Pretrainer.Builder b = Pretrainer.builder()
                .setEncoder(Configs.encoder(encoder, data.dim()))
                .setObjective(objective)
                .setData(data)
                .setBatchSize(spec.training().batchSize())
                .setCropFrames(spec.training().cropFrames())
                .setTotalSteps(spec.training().steps())
                .setOptimizer(Configs.optimizer(spec.training().optimizer()))
                .setSeed(seed)
                .setWorkDir(ctx.dir().resolve("train"))
                .optCheckpointEvery(spec.training().checkpointEvery())
                .optLogEvery(spec.training().logEvery())
                .optDevice(ctx.device())
                .optProgress(ctx.progress());
        ctx.interruptAfterSteps().ifPresent(b::optStopAfterSteps);
        TrainResult r = b.build().run();
        if (!r.finished()) {
            throw new Interrupted("pretraining stopped at step " + r.stepsDone() + " of " + spec.training().steps()
                    + " on request; run again to resume from the last checkpoint");
        }
        ctx.recordOutputHash("model.params", FeatureCache.sha256(r.finalCheckpoint().resolve("model.params")));
        ctx.recordMeasurement("steps", r.stepsDone());
        ctx.recordMeasurement("final_loss", r.finalLoss());
        ctx.recordMeasurement("steps_per_second", r.stepsPerSecond());
    }
}
