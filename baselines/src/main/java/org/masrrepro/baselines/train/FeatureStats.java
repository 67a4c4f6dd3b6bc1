package org.masrrepro.baselines.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.masrrepro.datasets.features.FeatureSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Per-dimension mean and standard deviation of every frame of a feature set: the global input normalisation that
 * BEST-RQ's random-projection quantizer and the encoders trained on it expect. Computed once on the pretraining
 * data and carried with the encoder, so fine-tuning, evaluation and probes on other corpora see the same mapping.
 *
 * @param frames number of frames the statistics were computed on
 * @param mean   per-dimension mean
 * @param std    per-dimension standard deviation (floored at 1e-3 so constant dimensions stay finite)
 */
public record FeatureStats(long frames, double[] mean, double[] std) {

    private static final double MIN_STD = 1e-3;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    public FeatureStats {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std must have the same, non-zero length");
        }
        for (int j = 0; j < std.length; j++) {
            if (!Double.isFinite(mean[j]) || !(std[j] > 0) || !Double.isFinite(std[j])) {
                throw new IllegalArgumentException("dimension " + j + ": mean " + mean[j] + ", std " + std[j]);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Statistics of every frame of {@code set} (two-pass over the data in double precision). */
    public static FeatureStats of(FeatureSet set) {
        int f = set.dim();
        double[] mean = new double[f];
        long n = 0;
        for (int i = 0; i < set.size(); i++) {
            for (float[] row : set.frames(i)) {
                for (int j = 0; j < f; j++) {
                    mean[j] += row[j];
                }
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no frames to compute feature statistics on");
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= n;
        }
        double[] var = new double[f];
        for (int i = 0; i < set.size(); i++) {
            for (float[] row : set.frames(i)) {
                for (int j = 0; j < f; j++) {
                    double d = row[j] - mean[j];
                    var[j] += d * d;
                }
            }
        }
        double[] std = new double[f];
        for (int j = 0; j < f; j++) {
            std[j] = Math.max(MIN_STD, Math.sqrt(var[j] / n));
        }
        return new FeatureStats(n, mean, std);
    }

    public int dim() {
        return mean.length;
    }

    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, GSON.toJson(this), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static FeatureStats read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing: the pretraining that wrote it did not finish, or it used "
                    + "per-utterance normalisation");
        }
        try {
            Stored s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
            if (s == null || s.mean == null || s.std == null) {
                throw new IOException(file + ": not a feature statistics file (needs frames, mean, std)");
            }
            return new FeatureStats(s.frames, s.mean, s.std);
        } catch (IllegalArgumentException | com.google.gson.JsonParseException e) {
            throw new IOException(file + ": invalid feature statistics (" + e.getMessage() + ")", e);
        }
    }

    /** The file's fields, bound before validation so a bad file gets an error naming it. */
    private static final class Stored {
        long frames;
        double[] mean;
        double[] std;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureStats s && frames == s.frames && Arrays.equals(mean, s.mean)
                && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "FeatureStats[" + mean.length + " dims over " + frames + " frames]";
    }
}
