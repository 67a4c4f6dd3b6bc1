package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * Read-speech analogs made of espeak-ng reading n-way parallel gettext sentences: the Multilingual LibriSpeech analog
 * for ASR (paper Table 3: de, en, es, fr, it, nl; each utterance carries its transcript) and the VoxForge analog for
 * the NOSS language-ID task (de, en, es, fr, it, ru; the class is the language column, and no topic or text cue
 * separates the languages). Speaker- and sentence-disjoint train/dev/test; dev and test use voice variants unseen in
 * train. The two differ only in languages, default sizes and card text ({@link Flavor}).
 */
public final class ReadSpeechAnalog {

    /** What distinguishes one read-speech analog from the other. */
    public enum Flavor {
        // MLS format 2: 480 train sentences per language instead of 60, as 60 could teach characters but not words
        MLS("mls-analog", "MLS analog corpus", List.of("de", "en", "es", "fr", "it", "nl"), 480, 2),
        VOXFORGE("voxforge-analog", "VoxForge analog corpus", List.of("de", "en", "es", "fr", "it", "ru"), 40, 1);

        final String corpus;
        final String title;
        /** Default languages: the paper's six MLS languages, or VoxForge's six. */
        public final List<String> languages;
        final int defaultTrainSentences;
        /** Build format: bumped whenever this flavor's output changes (part of the corpus step's identity). */
        final int format;

        Flavor(String corpus, String title, List<String> languages, int defaultTrainSentences, int format) {
            this.corpus = corpus;
            this.title = title;
            this.languages = languages;
            this.defaultTrainSentences = defaultTrainSentences;
            this.format = format;
        }

        ReadSpeech.Text text(List<String> languages) {
            return this == MLS
                    ? new ReadSpeech.Text("mls", "MLS analog corpus",
                            "Corpus card: MLS analog (" + String.join(", ", languages) + ")",
                            "Analog corpus — not the real Multilingual LibriSpeech.",
                            "Read speech synthesized offline by espeak-ng from n-way parallel sentences (human translations of "
                                    + "interface strings in Debian's gettext catalogues), with transcripts, for ASR. Real MLS is "
                                    + "~50k hours of LibriVox audiobooks read by thousands of humans; this is short interface text "
                                    + "read by a formant synthesizer with a few voice variants per language, so WERs measure the "
                                    + "pipeline and the methods' relative behaviour, not MLS accuracy.",
                            List.of("Task: ASR (transcript column); language column for per-language WER"))
                    : new ReadSpeech.Text("voxforge", "VoxForge analog corpus",
                            "Corpus card: VoxForge analog (LID, " + String.join(", ", languages) + ")",
                            "Analog corpus — not the real VoxForge.",
                            "Six-language language-ID speech synthesized offline by espeak-ng from n-way parallel sentences "
                                    + "(human translations of interface strings in Debian's gettext catalogues). Real VoxForge is "
                                    + "user-submitted read speech recorded by volunteers on their own microphones; here every "
                                    + "language is spoken by a few espeak-ng voice variants in clean conditions, so accuracy "
                                    + "measures the pipeline and the methods' relative behaviour, not VoxForge accuracy.",
                            List.of("Task: language ID; the class label is the language column (label column empty)"));
        }
    }

    /** Everything that determines the content (recorded in corpus.json, compared on reuse). */
    record Params(int format, String corpus, List<String> languages, SyntheticPlan.Sizes sizes, long seed,
            String localeDir) {}

    private final Flavor flavor;
    private final Params params;
    private final CorpusDirectory dir;
    private final Path localeDir;
    private final ProgressListener progress;

    private ReadSpeechAnalog(Builder b) {
        this.flavor = b.flavor;
        this.params = new Params(b.flavor.format, b.flavor.corpus, List.copyOf(b.languages), b.sizes(), b.seed,
                b.localeDir.toAbsolutePath().normalize().toString());
        this.dir = new CorpusDirectory(b.outputDir, b.flavor.title);
        this.localeDir = b.localeDir;
        this.progress = b.progress;
    }

    public static Builder builder(Flavor flavor) {
        return new Builder(flavor);
    }

    /** Builds the corpus, or validates and returns an earlier complete build with the same parameters. */
    public CorpusInfo prepare() throws IOException {
        return ReadSpeech.prepare(dir, params, flavor.text(params.languages()), params.languages(), params.sizes(),
                params.seed(), localeDir, progress);
    }

    /** Configures a {@link ReadSpeechAnalog}. */
    public static final class Builder extends SyntheticCorpusBuilder<Builder> {
        private final Flavor flavor;
        private List<String> languages;

        private Builder(Flavor flavor) {
            super(new SyntheticPlan.Sizes(4, 1, 2, flavor.defaultTrainSentences, 10, 20));
            this.flavor = flavor;
            this.languages = flavor.languages;
        }

        @Override
        Builder self() {
            return this;
        }

        /** ISO 639-1 codes; default the flavor's six. */
        public Builder optLanguages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        public ReadSpeechAnalog build() {
            requireOutputDir(flavor.corpus);
            if (languages.isEmpty() || new HashSet<>(languages).size() != languages.size()) {
                throw new IllegalArgumentException(flavor.corpus + ": languages must be non-empty and distinct: " + languages);
            }
            return new ReadSpeechAnalog(this);
        }
    }
}
