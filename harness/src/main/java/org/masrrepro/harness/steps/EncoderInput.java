package org.masrrepro.harness.steps;

import org.masrrepro.baselines.train.FeatureStats;
import org.masrrepro.baselines.train.GloballyNormalized;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.harness.spec.ConformerSpec;
import org.masrrepro.harness.spec.EncoderSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Features as an encoder sees them: with global normalisation, through the statistics its pretraining computed on
 * the pretraining data (whatever corpus the features come from); with per-utterance normalisation, as they are.
 */
final class EncoderInput {

    /** File in a pretrain step's directory holding the global statistics of its input. */
    static final String STATS_FILE = "feature_stats.json";

    private EncoderInput() {}

    static boolean global(EncoderSpec encoder) {
        return "global".equals(((ConformerSpec) encoder).inputNormalization());
    }

    static Path statsFile(Path pretrainDir) {
        return pretrainDir.resolve(STATS_FILE);
    }

    /** {@code set} as the encoder pretrained in {@code pretrainDir} sees it; records the statistics' hash. */
    static FeatureSet of(FeatureSet set, EncoderSpec encoder, Path pretrainDir, StepContext ctx) throws IOException {
        if (!global(encoder)) {
            return set;
        }
        Path file = statsFile(pretrainDir);
        FeatureStats stats = FeatureStats.read(file);
        ctx.recordInputHash(STATS_FILE, Hashes.sha256(file));
        return new GloballyNormalized(set, stats);
    }

    /** A tag of the input mapping for cache keys: "utterance", or the statistics' hash. */
    static String tag(EncoderSpec encoder, Path pretrainDir) throws IOException {
        return global(encoder) ? "global-" + Hashes.sha256(statsFile(pretrainDir)) : "utterance";
    }
}
