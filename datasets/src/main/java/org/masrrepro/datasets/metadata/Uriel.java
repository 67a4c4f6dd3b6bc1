package org.masrrepro.datasets.metadata;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * URIEL / lang2vec vectors (Littell et al. 2017, CC BY-SA 4.0) read from the distributed npz files in a directory
 * the user gives: {@code feature_predictions.npz} (kNN-predicted syntax, phonology and inventory features),
 * {@code family_features.npz} (family-tree membership) and {@code letter_codes.json} (ISO 639-1 to 639-3).
 */
public final class Uriel {

    /** Feature families of the paper's Figure 2 that come from URIEL (geographic comes from Glottolog). */
    public enum Family {
        SYNTACTIC("S_"), PHONOLOGICAL("P_"), INVENTORY("INV_"), GENETIC("F_"), FEATURAL(null);

        final String prefix;

        Family(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * Individual languages whose URIEL family vector is empty, mapped to their macrolanguage (URIEL lists
     * Norwegian's family tree under "nor" only).
     */
    static final Map<String, String> MACROLANGUAGE = Map.of("nob", "nor", "nno", "nor");

    private final Path dir;
    private final Map<String, String> letterCodes;
    private final Map<String, Integer> predictionsRow = new HashMap<>();
    private final Npy.Array predictions;
    private final String[] predictionFeatures;
    private Npy.Array family;
    private final Map<String, Integer> familyRow = new HashMap<>();

    private Uriel(Path dir) throws IOException {
        this.dir = dir;
        Path codes = require(dir.resolve("letter_codes.json"));
        letterCodes = new Gson().fromJson(Files.readString(codes, StandardCharsets.UTF_8),
                new TypeToken<Map<String, String>>() {}.getType());
        Map<String, Npy.Array> p = Npy.readNpz(require(dir.resolve("feature_predictions.npz")));
        predictions = p.get("data");
        predictionFeatures = p.get("feats").strings();
        String[] langs = p.get("langs").strings();
        for (int i = 0; i < langs.length; i++) {
            predictionsRow.put(langs[i], i);
        }
    }

    /** Opens the URIEL files in {@code dir}; the message names the directory and the missing file. */
    public static Uriel open(Path dir) throws IOException {
        return new Uriel(dir);
    }

    private static Path require(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + " is missing: point the data directory at a copy of the lang2vec/URIEL files "
                    + "(tests and CI use ../shared/data/uriel)");
        }
        return f;
    }

    /** ISO 639-3 code of a 639-1 or 639-3 code. */
    public String iso3(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.length() == 2) {
            String three = letterCodes.get(c);
            if (three == null) {
                throw new IllegalArgumentException("unknown ISO 639-1 code \"" + code + "\" (not in letter_codes.json)");
            }
            return three;
        }
        return c;
    }

    /** The vector of a family for a language (639-1 or 639-3). */
    public float[] vector(Family fam, String code) throws IOException {
        String iso = iso3(code);
        if (fam == Family.FEATURAL) {
            List<float[]> parts = List.of(vector(Family.SYNTACTIC, code), vector(Family.PHONOLOGICAL, code),
                    vector(Family.INVENTORY, code));
            int n = parts.stream().mapToInt(a -> a.length).sum();
            float[] out = new float[n];
            int at = 0;
            for (float[] a : parts) {
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return out;
        }
        if (fam == Family.GENETIC) {
            loadFamily();
            Integer row = familyRow.get(iso);
            if (row != null && isZero(family.floats(), row * family.shape()[1], family.shape()[1])
                    && MACROLANGUAGE.containsKey(iso)) {
                row = familyRow.get(MACROLANGUAGE.get(iso));
            }
            if (row == null) {
                throw new IllegalArgumentException("language " + code + " (" + iso + ") is not in family_features.npz");
            }
            int width = family.shape()[1];
            float[] out = new float[width];
            System.arraycopy(family.floats(), row * width, out, 0, width);
            return out;
        }
        Integer row = predictionsRow.get(iso);
        if (row == null) {
            throw new IllegalArgumentException("language " + code + " (" + iso + ") is not in feature_predictions.npz");
        }
        int width = predictionFeatures.length;
        List<Float> out = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            if (predictionFeatures[j].startsWith(fam.prefix)) {
                out.add(predictions.floats()[row * width + j]);
            }
        }
        float[] v = new float[out.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = out.get(i);
        }
        return v;
    }

    private static boolean isZero(float[] a, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private synchronized void loadFamily() throws IOException {
        if (family != null) {
            return;
        }
        Map<String, Npy.Array> f = Npy.readNpz(require(dir.resolve("family_features.npz")));
        family = f.get("data");
        String[] langs = f.get("langs").strings();
        for (int i = 0; i < langs.length; i++) {
            familyRow.put(langs[i], i);
        }
    }
}
