package org.masrrepro.datasets.corpus;

import java.util.List;
import java.util.Map;

/** espeak-ng voice names per language code, and the variant pools speakers are drawn from. */
final class EspeakVoices {

    /** Languages whose espeak-ng voice name differs from the code. */
    private static final Map<String, String> VOICE = Map.of(
            "en", "en-us", "fr", "fr-fr", "zh", "cmn", "pt", "pt", "vi", "vi", "yue", "yue");

    /** espeak-ng's generic variants; the gender comes from the prefix. */
    static final List<String> VARIANTS = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5");

    private EspeakVoices() {}

    static String voice(String language) {
        return VOICE.getOrDefault(language, language);
    }

    static String gender(String variant) {
        return variant.startsWith("f") ? "F" : "M";
    }
}
