package org.masrrepro.harness.steps;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.masrrepro.baselines.probe.EmbeddingCache;
import org.masrrepro.baselines.probe.EmbeddingExtractor;
import org.masrrepro.baselines.probe.Embeddings;
import org.masrrepro.baselines.probe.LinearProbe;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.harness.spec.EncoderSpec;
import org.masrrepro.harness.spec.ProbeSpec;
import org.masrrepro.harness.spec.SpecJson;
import org.masrrepro.reports.metrics.ClassificationMetrics;
import org.masrrepro.reports.metrics.ClassificationReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * NOSS linear probe of a pretrained encoder: embeddings of train/dev/test (cached under {@code <runs>/cache/embeddings}
 * per encoder and features hash), the grid of {@link LinearProbe}, and the selected probe's test scores:
 * metrics.json (the same report as a LID evaluation), scores.csv, confusion.csv, and probe.json with every grid point,
 * the selection, test UAR and, for two classes, the EER of the class-1 probability.
 */
public final class ProbeStep implements Step {

    public static final String PROBE = "probe.json";
    private static final List<String> SPLITS = List.of("train", "dev", "test");

    private final PretrainStep pretrain;
    private final FeatureStep features;
    private final EncoderSpec encoder;
    private final ProbeSpec spec;
    private final List<String> overlapped;

    /** @param overlapped classes seen in pretraining (language targets), for the O / NO accuracies; may be empty */
    public ProbeStep(PretrainStep pretrain, FeatureStep features, EncoderSpec encoder, ProbeSpec spec,
            List<String> overlapped) {
        this.pretrain = pretrain;
        this.features = features;
        this.encoder = encoder;
        this.spec = spec;
        this.overlapped = List.copyOf(overlapped);
    }

    @Override
    public String kind() {
        return "probe";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String title() {
        return "linear probe (" + spec.target() + ") on test";
    }

    @Override
    public JsonObject inputs() {
        JsonObject o = new JsonObject();
        o.add("encoder", SpecJson.toJson(encoder));
        o.add("probe", SpecJson.toJson(spec));
        JsonArray ov = new JsonArray();
        overlapped.forEach(ov::add);
        o.add("overlapped", ov);
        return o;
    }

    @Override
    public List<Step> dependencies() {
        return List.of(pretrain, features);
    }

    @Override
    public void execute(StepContext ctx) throws Exception {
        Path ckpt = PretrainStep.finalCheckpoint(ctx.dirOf(pretrain));
        String paramsHash = Hashes.sha256(ckpt.resolve("encoder.params"));
        ctx.recordInputHash("encoder.params", paramsHash);
        // The cache key covers the input mapping too: the same weights on differently normalised input differ.
        String encoderHash = paramsHash + "-" + EncoderInput.tag(encoder, ctx.dirOf(pretrain));
        Path featDir = ctx.dirOf(features);
        EmbeddingCache cache = new EmbeddingCache(ctx.cacheDir("embeddings"));
        ManifestLabels labels = ManifestLabels.read(CorpusStep.dataDir(ctx.dirOf(features.corpus())), spec.target());
        Map<String, FeatureSet> sets = new HashMap<>();
        Map<String, Embeddings> emb = new HashMap<>();
        EmbeddingExtractor[] extractor = new EmbeddingExtractor[1]; // loaded only when the cache misses
        try {
            for (String split : SPLITS) {
                String featHash = Hashes.sha256(FeatureStep.file(featDir, split));
                ctx.recordInputHash(split + ".feats", featHash);
                FeatureSet set = EncoderInput.of(FeatureStep.open(featDir, split), encoder, ctx.dirOf(pretrain), ctx);
                sets.put(split, set);
                emb.put(split, cache.getOrExtract(encoderHash, featHash, set, () -> {
                    if (extractor[0] == null) {
                        extractor[0] = EmbeddingExtractor.load(ckpt, Configs.encoder(encoder, set.dim()), ctx.device());
                    }
                    return extractor[0].extract(set, ctx.progress());
                }));
            }
        } finally {
            if (extractor[0] != null) {
                extractor[0].close();
            }
        }
        TreeSet<String> names = new TreeSet<>();
        for (String split : SPLITS) {
            emb.get(split).ids().forEach(id -> names.add(labels.of(id)));
        }
        List<String> classes = List.copyOf(names);
        if (classes.size() < 2) {
            throw new IllegalStateException("a probe needs at least 2 classes of " + spec.target() + ", found " + classes);
        }
        int[] trainY = indices(emb.get("train"), labels, classes);
        int[] devY = indices(emb.get("dev"), labels, classes);
        int[] testY = indices(emb.get("test"), labels, classes);
        LinearProbe.Result r = LinearProbe.builder()
                .setTrain(emb.get("train").vectors(), trainY)
                .setDev(emb.get("dev").vectors(), devY)
                .setTest(emb.get("test").vectors())
                .setNumClasses(classes.size())
                .optL2Strengths(spec.l2Strengths())
                .optSelection(spec.selection().equals("uar") ? LinearProbe.Selection.UAR : LinearProbe.Selection.ACCURACY)
                .optMaxIterations(spec.maxIterations())
                .build().run();
        float[][] scores = new float[testY.length][classes.size()];
        for (int i = 0; i < testY.length; i++) {
            for (int c = 0; c < classes.size(); c++) {
                scores[i][c] = (float) Math.log(Math.max(r.testProbabilities()[i][c], 1e-30));
            }
        }
        ClassificationReport report = LidOutputs.write(ctx, sets.get("test"), testY, classes, scores, overlapped);
        double testUar = 100 * LinearProbe.uar(testY, r.testPredictions(), classes.size());
        double binaryEer = Double.NaN;
        if (classes.size() == 2) {
            double[] class1 = new double[testY.length];
            for (int i = 0; i < testY.length; i++) {
                class1[i] = r.testProbabilities()[i][1];
            }
            binaryEer = ClassificationMetrics.binaryEer(testY, class1);
        }
        JsonObject out = new JsonObject();
        out.addProperty("target", spec.target());
        out.addProperty("selection", spec.selection());
        JsonArray cls = new JsonArray();
        classes.forEach(cls::add);
        out.add("classes", cls);
        out.add("selected", point(r.best()));
        out.addProperty("test_accuracy", report.accuracy());
        out.addProperty("test_uar", testUar);
        out.addProperty("test_binary_eer", binaryEer);
        out.addProperty("embedding_dim", emb.get("train").dim());
        JsonArray grid = new JsonArray();
        r.grid().forEach(p -> grid.add(point(p)));
        out.add("grid", grid);
        String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(out);
        AtomicFiles.writeString(ctx.dir().resolve(PROBE), json + "\n");
        ctx.recordOutputHash(PROBE, Hashes.sha256(ctx.dir().resolve(PROBE)));
        ctx.recordMeasurement("test_uar", testUar);
        ctx.recordMeasurement("test_binary_eer", binaryEer);
        ctx.recordMeasurement("selected", r.best().config().toString());
    }

    private static JsonObject point(LinearProbe.Point p) {
        JsonObject o = new JsonObject();
        o.addProperty("l2_normalize", p.config().l2Normalize());
        o.addProperty("balanced", p.config().balanced());
        o.addProperty("c", p.config().c());
        o.addProperty("dev_accuracy", 100 * p.devAccuracy());
        o.addProperty("dev_uar", 100 * p.devUar());
        o.addProperty("iterations", p.iterations());
        o.addProperty("converged", p.converged());
        return o;
    }

    private static int[] indices(Embeddings e, ManifestLabels labels, List<String> classes) {
        int[] y = new int[e.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = classes.indexOf(labels.of(e.ids().get(i)));
        }
        return y;
    }
}
