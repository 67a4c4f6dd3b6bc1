package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.util.ProgressListener;

import java.nio.file.Path;

/**
 * The options every espeak-ng analog builder shares: output directory, speakers and sentences per split, seed,
 * locale directory and progress. Subclasses add their own and pass their default sizes.
 */
abstract class SyntheticCorpusBuilder<B extends SyntheticCorpusBuilder<B>> {

    Path outputDir;
    int trainSpeakers;
    int devSpeakers;
    int testSpeakers;
    int trainSentences;
    int devSentences;
    int testSentences;
    long seed = 1;
    Path localeDir = Path.of("/usr/share/locale");
    ProgressListener progress = ProgressListener.NONE;

    SyntheticCorpusBuilder(SyntheticPlan.Sizes defaults) {
        optSpeakers(defaults.trainSpeakers(), defaults.devSpeakers(), defaults.testSpeakers());
        optSentences(defaults.trainSentences(), defaults.devSentences(), defaults.testSentences());
    }

    abstract B self();

    /** Required: the corpus directory (a partial or outdated build of ours in it is replaced). */
    public B setOutputDir(Path outputDir) {
        this.outputDir = outputDir;
        return self();
    }

    /** Speakers per language in train, dev and test. */
    public B optSpeakers(int train, int dev, int test) {
        this.trainSpeakers = train;
        this.devSpeakers = dev;
        this.testSpeakers = test;
        return self();
    }

    /** Sentences each speaker of the split reads (the same sentences in every language). */
    public B optSentences(int train, int dev, int test) {
        this.trainSentences = train;
        this.devSentences = dev;
        this.testSentences = test;
        return self();
    }

    public B optSeed(long seed) {
        this.seed = seed;
        return self();
    }

    public B optLocaleDir(Path localeDir) {
        this.localeDir = localeDir;
        return self();
    }

    public B optProgress(ProgressListener progress) {
        this.progress = progress;
        return self();
    }

    /** The sizes, validated. */
    SyntheticPlan.Sizes sizes() {
        return new SyntheticPlan.Sizes(trainSpeakers, devSpeakers, testSpeakers, trainSentences, devSentences,
                testSentences);
    }

    /** Throws unless the output directory is set and the sizes are valid. */
    void requireOutputDir(String corpus) {
        if (outputDir == null) {
            throw new IllegalStateException(corpus + ": setOutputDir is required");
        }
        sizes();
    }
}
