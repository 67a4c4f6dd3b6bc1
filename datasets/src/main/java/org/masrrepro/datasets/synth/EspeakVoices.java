package org.masrrepro.datasets.synth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** espeak-ng voice names per language code, and the voice variants synthetic speakers are drawn from. */
public final class EspeakVoices {

    /** Languages whose espeak-ng voice name differs from the code (European Portuguese is {@code pt}). */
    private static final Map<String, String> VOICE = Map.of("en", "en-us", "fr", "fr-fr", "zh", "cmn");

    /** Male variants, then female; espeak-ng also has m8 but its gender/age differ in kind (age 50), so it is left out. */
    public static final List<String> MALE = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7");
    public static final List<String> FEMALE = List.of("f1", "f2", "f3", "f4", "f5");

    private EspeakVoices() {}

    /** The espeak-ng voice that reads {@code language}. */
    public static String voice(String language) {
        return VOICE.getOrDefault(language, language);
    }

    /** {@code M} or {@code F}, from the variant's prefix. */
    public static String gender(String variant) {
        if (variant.startsWith("f")) {
            return "F";
        }
        if (variant.startsWith("m")) {
            return "M";
        }
        throw new IllegalArgumentException("not a gendered espeak-ng variant (m1..m7, f1..f5): " + variant);
    }

    /** Throws, naming what is missing, unless espeak-ng has a voice for every language and all m/f variants. */
    public static void check(Collection<String> languages) throws IOException {
        Set<String> voices = EspeakNg.voices();
        Set<String> variants = EspeakNg.variants();
        List<String> missing = new ArrayList<>();
        for (String lang : languages) {
            if (!voices.contains(voice(lang))) {
                missing.add("voice " + voice(lang) + " (for " + lang + ")");
            }
        }
        for (String v : concat(MALE, FEMALE)) {
            if (!variants.contains(v)) {
                missing.add("variant " + v);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("espeak-ng " + EspeakNg.version() + " lacks " + missing
                    + "; drop those languages or install the full voice data: apt-get install -y espeak-ng espeak-ng-data");
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
