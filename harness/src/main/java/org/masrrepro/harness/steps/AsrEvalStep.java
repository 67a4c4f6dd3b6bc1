package org.masrrepro.harness.steps;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.asr.AsrModel;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.text.TranscriptNormalizer;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.reports.wer.Trn;
import org.masrrepro.reports.wer.WordErrorRate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transcribes a split with every language's fine-tuned CTC model (greedy decoding) and scores it: metrics.json
 * ({@link AsrReport}), and per language sclite trn files ref/&lt;lang&gt;.trn and hyp/&lt;lang&gt;.trn of the
 * normalised references and hypotheses (score them with {@code sclite -r ref/xx.trn trn -h hyp/xx.trn trn}).
 */
public final class AsrEvalStep implements Step {

    public static final String METRICS = "metrics.json";

    private final List<AsrFinetuneStep> models;
    private final String split;
    private final FeatureStep features;

    /** Evaluates on {@code split} of the corpus the models were fine-tuned on. */
    public AsrEvalStep(List<AsrFinetuneStep> models, String split) {
        this(models, split, null);
    }

    /** Evaluates on {@code split} of {@code features}' corpus (null: the fine-tuning corpus). */
    public AsrEvalStep(List<AsrFinetuneStep> models, String split, FeatureStep features) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("ASR evaluation needs at least one language's model");
        }
        this.models = List.copyOf(models);
        this.split = split;
        this.features = features == null ? this.models.get(0).features() : features;
    }

    /** The features transcribed and scored. */
    public FeatureStep features() {
        return features;
    }

    public List<AsrFinetuneStep> models() {
        return models;
    }

    @Override
    public String kind() {
        return "eval";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String title() {
        return "asr on " + split;
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.addProperty("task", "asr");
        o.addProperty("split", split);
        o.addProperty("decoding", "greedy");
        o.addProperty("normalization", AsrData.NORMALIZATION);
        JsonArray langs = new JsonArray();
        models.forEach(m -> langs.add(m.language()));
        o.add("languages", langs);
        return o;
    }

    @Override
    public List<Step> dependencies() {
        List<Step> deps = new ArrayList<>(models);
        deps.add(features); // the fine-tuning features unless another corpus is evaluated: identity unchanged then
        return deps;
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        FeatureSet all = FeatureStep.open(ctx.dirOf(features), split);
        ctx.recordInputHash(split + ".feats", Hashes.sha256(FeatureStep.file(ctx.dirOf(features), split)));
        all = EncoderInput.of(all, models.get(0).encoder(), ctx.dirOf(models.get(0).pretrain()), ctx);
        Path corpusData = CorpusStep.dataDir(ctx.dirOf(features.corpus()));
        Files.createDirectories(ctx.dir().resolve("ref"));
        Files.createDirectories(ctx.dir().resolve("hyp"));
        List<AsrReport.Language> rows = new ArrayList<>();
        double werSum = 0;
        double cerSum = 0;
        for (AsrFinetuneStep model : models) {
            String lang = model.language();
            AsrData data = AsrData.of(all, corpusData, lang);
            if (data.size() == 0) {
                throw new IllegalStateException("no " + split + " utterances of language " + lang + " in "
                        + ctx.dirOf(features));
            }
            Path modelDir = ctx.dirOf(model);
            String[] hyp;
            try (AsrModel m = AsrModel.load(AsrFinetuneStep.finalCheckpoint(modelDir),
                    Configs.encoder(model.encoder(), all.dim()), AsrFinetuneStep.vocabulary(modelDir),
                    ctx.device())) {
                hyp = m.transcribe(data, ctx.progress());
            }
            Map<String, String> refs = new LinkedHashMap<>();
            Map<String, String> hyps = new LinkedHashMap<>();
            WordErrorRate.Counts words = new WordErrorRate.Counts(0, 0, 0, 0);
            WordErrorRate.Counts chars = new WordErrorRate.Counts(0, 0, 0, 0);
            for (int i = 0; i < data.size(); i++) {
                String ref = data.transcript(i);
                String h = TranscriptNormalizer.normalize(hyp[i]);
                refs.put(data.id(i), ref);
                hyps.put(data.id(i), h);
                words = words.plus(WordErrorRate.align(tokens(ref), tokens(h)));
                chars = chars.plus(WordErrorRate.align(characters(ref), characters(h)));
            }
            Path refTrn = ctx.dir().resolve("ref").resolve(lang + ".trn");
            Path hypTrn = ctx.dir().resolve("hyp").resolve(lang + ".trn");
            Trn.write(refTrn, refs);
            Trn.write(hypTrn, hyps);
            ctx.recordOutputHash("hyp/" + lang + ".trn", Hashes.sha256(hypTrn));
            rows.add(new AsrReport.Language(lang, data.size(), words.referenceWords(), words.substitutions(),
                    words.deletions(), words.insertions(), words.wer(), chars.referenceWords(), chars.wer()));
            werSum += words.wer();
            cerSum += chars.wer();
            ctx.recordMeasurement("wer_" + lang, words.wer());
        }
        AsrReport report = new AsrReport(split, AsrData.NORMALIZATION, rows, werSum / rows.size(),
                cerSum / rows.size());
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
                .create().toJson(report);
        AtomicFiles.writeString(ctx.dir().resolve(METRICS), json + "\n");
        ctx.recordOutputHash(METRICS, Hashes.sha256(ctx.dir().resolve(METRICS)));
        ctx.recordMeasurement("average_wer", report.averageWer());
        ctx.recordMeasurement("average_cer", report.averageCer());
    }

    private static List<String> tokens(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    /** Characters (code points, spaces included) as tokens, for the character error rate. */
    private static List<String> characters(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }
}
