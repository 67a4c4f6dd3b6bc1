package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The analog corpora by name, each at two sizes: {@code smoke} (seconds to build, for tests) and {@code cpu} (what a
 * CPU-only reproduction trains on). The harness names a corpus and a size; everything else is fixed here.
 */
public final class AnalogCorpora {

    /** Corpus names, as specs write them. */
    public static final List<String> NAMES = List.of("mls-analog", "voxforge-analog", "fillets-speech",
            "librivox-clips", "spoof-analog", "style-analog", "mask-analog", "esc-human-analog", "esc-cough-analog");

    /** How large a build. */
    public enum Size {
        SMOKE, CPU;

        public static Size parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown corpus size \"" + s + "\"; use smoke or cpu");
            }
        }
    }

    private AnalogCorpora() {}

    /** {@code asr}, {@code lid} or {@code classification}: which column holds the target. */
    public static String task(String name) {
        return switch (check(name)) {
            case "mls-analog", "fillets-speech", "librivox-clips" -> "asr";
            case "voxforge-analog" -> "lid";
            default -> "classification";
        };
    }

    /** The class labels in class order: languages for ASR/LID corpora, the label column's values otherwise. */
    public static List<String> labels(String name) {
        return switch (check(name)) {
            case "mls-analog" -> ReadSpeechAnalog.Flavor.MLS.languages;
            case "voxforge-analog" -> ReadSpeechAnalog.Flavor.VOXFORGE.languages;
            case "fillets-speech" -> FilletsSpeech.LANGUAGES;
            case "librivox-clips" -> List.of("en");
            case "spoof-analog" -> SpoofAnalog.LABELS;
            case "style-analog" -> SpeakingStyleAnalog.LABELS;
            case "mask-analog" -> MaskAnalog.LABELS;
            case "esc-human-analog" -> HedgewarsVoices.LABELS;
            default -> EscCoughAnalog.LABELS;
        };
    }

    /** The languages spoken (for specs' language lists); {@code und} for the non-speech corpora. */
    public static List<String> languages(String name) {
        return switch (check(name)) {
            case "spoof-analog" -> FilletsSpeech.LANGUAGES;
            case "style-analog" -> List.of("en");
            case "mask-analog" -> List.of("de");
            case "esc-human-analog", "esc-cough-analog" -> List.of("und");
            default -> labels(name);
        };
    }

    /**
     * The build format of corpus {@code name}: bumped whenever its builder's output changes, and part of the corpus
     * step's identity, so a changed analog is rebuilt (and everything computed from it recomputed) instead of reused.
     */
    public static int format(String name) {
        return switch (check(name)) {
            case "mls-analog" -> ReadSpeechAnalog.Flavor.MLS.format;
            case "voxforge-analog" -> ReadSpeechAnalog.Flavor.VOXFORGE.format;
            case "fillets-speech" -> FilletsSpeech.FORMAT;
            case "librivox-clips" -> LibriVoxClips.FORMAT;
            case "spoof-analog" -> SpoofAnalog.FORMAT;
            case "style-analog" -> SpeakingStyleAnalog.FORMAT;
            case "mask-analog" -> MaskAnalog.FORMAT;
            case "esc-human-analog" -> EscHumanAnalog.FORMAT;
            default -> EscCoughAnalog.FORMAT;
        };
    }

    /** Builds (or validates an earlier build of) corpus {@code name} at {@code size} in {@code outputDir}. */
    public static CorpusInfo prepare(String name, Size size, Path outputDir, long seed, ProgressListener progress)
            throws IOException {
        boolean smoke = size == Size.SMOKE;
        return switch (check(name)) {
            case "mls-analog" -> ReadSpeechAnalog.builder(ReadSpeechAnalog.Flavor.MLS).setOutputDir(outputDir).optSeed(seed).optProgress(progress)
                    .optSpeakers(smoke ? 1 : 4, 1, smoke ? 1 : 2).optSentences(smoke ? 2 : ReadSpeechAnalog.Flavor.MLS.defaultTrainSentences, smoke ? 1 : 10, smoke ? 1 : 20)
                    .build().prepare();
            case "voxforge-analog" -> ReadSpeechAnalog.builder(ReadSpeechAnalog.Flavor.VOXFORGE).setOutputDir(outputDir).optSeed(seed)
                    .optProgress(progress).optSpeakers(smoke ? 1 : 4, 1, smoke ? 1 : 2)
                    .optSentences(smoke ? 2 : ReadSpeechAnalog.Flavor.VOXFORGE.defaultTrainSentences, smoke ? 1 : 10, smoke ? 1 : 20)
                    .build().prepare();
            case "fillets-speech" -> FilletsSpeech.builder().setOutputDir(outputDir).optSeed(seed).optProgress(progress)
                    .optMaxLinesPerSplit(smoke ? 4 : 0, smoke ? 2 : 0, smoke ? 2 : 0).build().prepare();
            case "librivox-clips" -> LibriVoxClips.of(outputDir).prepare();
            case "spoof-analog" -> SpoofAnalog.builder().setOutputDir(outputDir).optSeed(seed).optProgress(progress)
                    .optLinesPerSplit(smoke ? 3 : 200, smoke ? 1 : 40, smoke ? 1 : 60).build().prepare();
            case "style-analog" -> SpeakingStyleAnalog.builder().setOutputDir(outputDir).optSeed(seed)
                    .optProgress(progress).optSpeakers(smoke ? 1 : 6, smoke ? 1 : 2, smoke ? 1 : 2)
                    .optSentences(smoke ? 2 : 30, smoke ? 1 : 10, smoke ? 1 : 15).build().prepare();
            case "mask-analog" -> MaskAnalog.builder().setOutputDir(outputDir).optSeed(seed).optProgress(progress)
                    .optSpeakers(smoke ? 1 : 6, smoke ? 1 : 2, smoke ? 1 : 2)
                    .optSentences(smoke ? 4 : 40, smoke ? 2 : 10, smoke ? 2 : 20).build().prepare();
            case "esc-human-analog" -> EscHumanAnalog.builder().setOutputDir(outputDir).optSeed(seed)
                    .optProgress(progress).optMaxPerClassAndSplit(smoke ? 1 : 0).optCopies(smoke ? 1 : 3).build()
                    .prepare();
            default -> EscCoughAnalog.builder().setOutputDir(outputDir).optSeed(seed).optProgress(progress)
                    .optCopiesPerCough(smoke ? 2 : 16).build().prepare();
        };
    }

    private static String check(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown analog corpus \"" + name + "\"; known: " + NAMES);
        }
        return name;
    }
}
