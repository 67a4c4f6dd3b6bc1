package org.masrrepro.harness.steps;

import org.masrrepro.datasets.util.Hashes;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.lid.LidTrainer;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.datasets.features.FeatureCache;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.harness.spec.EncoderSpec;
import org.masrrepro.harness.spec.LidSpec;
import org.masrrepro.harness.spec.SpecJson;

import java.nio.file.Path;
import java.util.List;

/** Fine-tunes the pretrained encoder + mean pooling + linear head for language ID on the train split. */
public final class LidFinetuneStep implements Step {

    private final PretrainStep pretrain;
    private final FeatureStep features;
    private final EncoderSpec encoder;
    private final LidSpec spec;
    private final List<String> classes;
    private final long seed;

    public LidFinetuneStep(PretrainStep pretrain, FeatureStep features, EncoderSpec encoder, LidSpec spec,
            List<String> classes, long rootSeed) {
        this.pretrain = pretrain;
        this.features = features;
        this.encoder = encoder;
        this.spec = spec;
        this.classes = List.copyOf(classes);
        this.seed = Seeds.derive(rootSeed, "finetune/lid");
    }

    public static Path finalCheckpoint(Path stepDir) {
        return stepDir.resolve("train").resolve("final");
    }

    public EncoderSpec encoder() {
        return encoder;
    }

    public List<String> classes() {
        return classes;
    }

    public PretrainStep pretrain() {
        return pretrain;
    }

    public FeatureStep features() {
        return features;
    }

    @Override
    public String kind() {
        return "finetune";
    }

    @Override
    public int version() {
        return 2; // 2: the head-only warm-up really trains the head
    }

    @Override
    public String title() {
        return "lid (" + classes.size() + " languages)";
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.add("encoder", SpecJson.toJson(encoder));
        o.add("task", SpecJson.toJson(spec.training()));
        o.addProperty("freeze_encoder_steps", spec.freezeEncoderSteps());
        if (spec.encoderLearningRateScale() != null) { // absent keeps the identities of earlier runs
            o.addProperty("encoder_learning_rate_scale", spec.encoderLearningRateScale());
        }
        JsonArray c = new JsonArray();
        classes.forEach(c::add);
        o.add("classes", c);
        o.addProperty("seed", seed);
        o.addProperty("split", "train");
        return o;
    }

    @Override
    public List<Step> dependencies() {
        return List.of(pretrain, features);
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        FeatureSet train = FeatureStep.open(ctx.dirOf(features), "train");
        ctx.recordInputHash("train.feats", Hashes.sha256(FeatureStep.file(ctx.dirOf(features), "train")));
        int[] labels = ManifestLabels.read(CorpusStep.dataDir(ctx.dirOf(features.corpus())), "language").indices(train, classes);
        train = EncoderInput.of(train, encoder, ctx.dirOf(pretrain), ctx);
        LidTrainer.Builder b = LidTrainer.builder()
                .setEncoder(Configs.encoder(encoder, train.dim()))
                .optInitFrom(PretrainStep.finalCheckpoint(ctx.dirOf(pretrain)))
                .setData(train, labels, classes.size())
                .setBatchSize(spec.training().batchSize())
                .setCropFrames(spec.training().cropFrames())
                .setTotalSteps(spec.training().steps())
                .setOptimizer(Configs.optimizer(spec.training().optimizer()))
                .setSeed(seed)
                .setWorkDir(ctx.dir().resolve("train"))
                .optCheckpointEvery(spec.training().checkpointEvery())
                .optFreezeEncoderSteps(spec.freezeEncoderSteps())
                .optEncoderLearningRateScale(spec.encoderLearningRateScale() == null ? 1 : spec.encoderLearningRateScale())
                .optDevice(ctx.device())
                .optProgress(ctx.progress());
        TrainResult r = b.build().run();
        if (!r.finished()) {
            throw new Interrupted("fine-tuning stopped at step " + r.stepsDone() + "; run again to resume");
        }
        ctx.recordOutputHash("model.params", Hashes.sha256(r.finalCheckpoint().resolve("model.params")));
        ctx.recordMeasurement("steps", r.stepsDone());
        ctx.recordMeasurement("final_loss", r.finalLoss());
        ctx.recordMeasurement("steps_per_second", r.stepsPerSecond());
        ctx.recordMeasurement("recomputed_steps", r.recomputedSteps());
    }
}
