package org.masrrepro.harness.steps;

import com.google.gson.JsonObject;
import org.masrrepro.baselines.asr.AsrTrainer;
import org.masrrepro.baselines.asr.CharVocabulary;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.harness.spec.AsrSpec;
import org.masrrepro.harness.spec.EncoderSpec;
import org.masrrepro.harness.spec.SpecJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Fine-tunes the pretrained encoder + a CTC character head on one language's train utterances. */
public final class AsrFinetuneStep implements Step {

    private final PretrainStep pretrain;
    private final FeatureStep features;
    private final EncoderSpec encoder;
    private final AsrSpec spec;
    private final String language;
    private final long seed;

    public AsrFinetuneStep(PretrainStep pretrain, FeatureStep features, EncoderSpec encoder, AsrSpec spec,
            String language, long rootSeed) {
        this.pretrain = pretrain;
        this.features = features;
        this.encoder = encoder;
        this.spec = spec;
        this.language = language;
        this.seed = Seeds.derive(rootSeed, "finetune/asr/" + language);
    }

    public static Path finalCheckpoint(Path stepDir) {
        return stepDir.resolve("train").resolve("final");
    }

    /** The character vocabulary the model was trained with. */
    public static CharVocabulary vocabulary(Path stepDir) throws IOException {
        return CharVocabulary.load(stepDir.resolve("vocab.txt"));
    }

    public String language() {
        return language;
    }

    public PretrainStep pretrain() {
        return pretrain;
    }

    public EncoderSpec encoder() {
        return encoder;
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
        return 2; // 2: the encoder masks padding in training batches
    }

    @Override
    public String title() {
        return "asr " + language;
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.addProperty("task", "asr");
        o.add("encoder", SpecJson.toJson(encoder));
        o.add("training", SpecJson.toJson(spec.training()));
        o.addProperty("freeze_encoder_steps", spec.freezeEncoderSteps());
        o.addProperty("language", language);
        o.addProperty("normalization", AsrData.NORMALIZATION);
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
        FeatureSet all = FeatureStep.open(ctx.dirOf(features), "train");
        ctx.recordInputHash("train.feats", Hashes.sha256(FeatureStep.file(ctx.dirOf(features), "train")));
        all = EncoderInput.of(all, encoder, ctx.dirOf(pretrain), ctx);
        AsrData train = AsrData.of(all, CorpusStep.dataDir(ctx.dirOf(features.corpus())), language);
        if (train.size() == 0) {
            throw new IllegalStateException("no train utterances of language " + language + " in "
                    + ctx.dirOf(features));
        }
        CharVocabulary vocab = CharVocabulary.of(train.transcripts());
        vocab.save(ctx.dir().resolve("vocab.txt"));
        int[][] targets = train.transcripts().stream().map(vocab::encode).toArray(int[][]::new);
        AsrTrainer.Builder b = AsrTrainer.builder()
                .setEncoder(Configs.encoder(encoder, train.dim()))
                .optInitFrom(PretrainStep.finalCheckpoint(ctx.dirOf(pretrain)))
                .setData(train, targets, vocab.size())
                .setBatchSize(spec.training().batchSize())
                .setCropFrames(spec.training().cropFrames())
                .setTotalSteps(spec.training().steps())
                .setOptimizer(Configs.optimizer(spec.training().optimizer()))
                .setSeed(seed)
                .setWorkDir(ctx.dir().resolve("train"))
                .optCheckpointEvery(spec.training().checkpointEvery())
                .optLogEvery(spec.training().logEvery())
                .optFreezeEncoderSteps(spec.freezeEncoderSteps())
                .optDevice(ctx.device())
                .optProgress(ctx.progress());
        ctx.interruptAfterSteps().ifPresent(b::optStopAfterSteps);
        TrainResult r = b.build().run();
        if (!r.finished()) {
            throw new Interrupted("ASR fine-tuning (" + language + ") stopped at step " + r.stepsDone()
                    + "; run again to resume");
        }
        ctx.recordOutputHash("model.params", Hashes.sha256(r.finalCheckpoint().resolve("model.params")));
        ctx.recordOutputHash("vocab.txt", Hashes.sha256(ctx.dir().resolve("vocab.txt")));
        ctx.recordMeasurement("utterances", train.size());
        ctx.recordMeasurement("characters", vocab.size() - 1);
        ctx.recordMeasurement("steps", r.stepsDone());
        ctx.recordMeasurement("final_loss", r.finalLoss());
        ctx.recordMeasurement("steps_per_second", r.stepsPerSecond());
        ctx.recordMeasurement("recomputed_steps", r.recomputedSteps());
    }
}
