package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * Multilingual LibriSpeech (MLS) analog for ASR (paper Table 3: de, en, es, fr, it, nl): espeak-ng reads n-way
 * parallel gettext sentences; each utterance carries its transcript. Speaker- and sentence-disjoint train/dev/test.
 */
public final class MlsAnalog {

    public static final List<String> LANGUAGES = List.of("de", "en", "es", "fr", "it", "nl");
    static final int FORMAT = 1;

    /** Everything that determines the content (recorded in corpus.json, compared on reuse). */
    record Params(int format, String corpus, List<String> languages, SyntheticPlan.Sizes sizes, long seed,
            String localeDir) {}

    private final Params params;
    private final CorpusDirectory dir;
    private final Path localeDir;
    private final ProgressListener progress;

    private MlsAnalog(Builder b) {
        this.params = new Params(FORMAT, "mls-analog", List.copyOf(b.languages), b.sizes(), b.seed,
                b.localeDir.toAbsolutePath().normalize().toString());
        this.dir = new CorpusDirectory(b.outputDir, "MLS analog corpus");
        this.localeDir = b.localeDir;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the corpus, or validates and returns an earlier complete build with the same parameters. */
    public CorpusInfo prepare() throws IOException {
        ReadSpeech.Text text = new ReadSpeech.Text("mls", "MLS analog corpus",
                "Corpus card: MLS analog (" + String.join(", ", params.languages()) + ")",
                "Analog corpus — not the real Multilingual LibriSpeech.",
                "Read speech synthesized offline by espeak-ng from n-way parallel sentences (human translations of "
                        + "interface strings in Debian's gettext catalogues), with transcripts, for ASR. Real MLS is "
                        + "~50k hours of LibriVox audiobooks read by thousands of humans; this is short interface text "
                        + "read by a formant synthesizer with a few voice variants per language, so WERs measure the "
                        + "pipeline and the methods' relative behaviour, not MLS accuracy.",
                List.of("Task: ASR (transcript column); language column for per-language WER"));
        return ReadSpeech.prepare(dir, params, text, params.languages(), params.sizes(), params.seed(), localeDir,
                progress);
    }

    /** Configures an {@link MlsAnalog}. */
    public static final class Builder {
        private Path outputDir;
        private List<String> languages = LANGUAGES;
        private int trainSpeakers = 4;
        private int devSpeakers = 1;
        private int testSpeakers = 2;
        private int trainSentences = 60;
        private int devSentences = 10;
        private int testSentences = 20;
        private long seed = 1;
        private Path localeDir = Path.of("/usr/share/locale");
        private ProgressListener progress = ProgressListener.NONE;

        /** Required: the corpus directory (a partial or outdated build of ours in it is replaced). */
        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** ISO 639-1 codes; default the paper's six: de, en, es, fr, it, nl. */
        public Builder optLanguages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        /** Speakers per language in train, dev and test. */
        public Builder optSpeakers(int train, int dev, int test) {
            this.trainSpeakers = train;
            this.devSpeakers = dev;
            this.testSpeakers = test;
            return this;
        }

        /** Sentences each speaker of the split reads (the same sentences in every language). */
        public Builder optSentences(int train, int dev, int test) {
            this.trainSentences = train;
            this.devSentences = dev;
            this.testSentences = test;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optLocaleDir(Path localeDir) {
            this.localeDir = localeDir;
            return this;
        }

        public Builder optProgress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        SyntheticPlan.Sizes sizes() {
            return new SyntheticPlan.Sizes(trainSpeakers, devSpeakers, testSpeakers, trainSentences, devSentences,
                    testSentences);
        }

        public MlsAnalog build() {
            if (outputDir == null) {
                throw new IllegalStateException("MlsAnalog: setOutputDir is required");
            }
            if (languages.isEmpty() || new HashSet<>(languages).size() != languages.size()) {
                throw new IllegalArgumentException("MlsAnalog: languages must be non-empty and distinct: " + languages);
            }
            sizes();
            return new MlsAnalog(this);
        }
    }
}
