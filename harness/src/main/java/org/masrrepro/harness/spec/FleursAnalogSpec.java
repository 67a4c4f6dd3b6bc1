package org.masrrepro.harness.spec;

import java.util.HashSet;
import java.util.List;

/**
 * FLEURS-like language-ID corpus synthesized offline with espeak-ng from n-way parallel gettext sentences.
 * Splits are disjoint by speaker and sentence; test and dev speakers use voice variants unseen in training.
 */
@TypeName("fleurs-analog")
public record FleursAnalogSpec(
        @Doc("label shown in every table that uses this corpus") String label,
        @Doc("ISO 639-1 codes of the languages") List<String> languages,
        @Doc("languages also in the pretraining corpus (the paper's 'overlapped')") List<String> overlapped,
        @Doc("speakers per language in the train split") int trainSpeakers,
        @Doc("speakers per language in the dev split") int devSpeakers,
        @Doc("speakers per language in the test split") int testSpeakers,
        @Doc("speakers per overlapped language in the pretrain split") int pretrainSpeakers,
        @Doc("sentences each train speaker reads") int trainSentences,
        @Doc("sentences each dev speaker reads") int devSentences,
        @Doc("sentences each test speaker reads") int testSentences,
        @Doc("sentences each pretrain speaker reads") int pretrainSentences,
        @Opt @Doc("white noise SNR in dB added to every split alike; absent = clean") Double noiseSnrDb,
        @Opt @Doc("data seed; absent = derived from the root seed") Long seed) implements CorpusSpec {

    public FleursAnalogSpec {
        Check.that(label != null && label.toLowerCase().contains("analog"),
                "label must say 'analog' so no table passes it off as the real corpus, found \"" + label + "\"");
        Check.that(languages.size() >= 2, "languages needs at least 2 entries, found " + languages.size());
        Check.that(new HashSet<>(languages).size() == languages.size(), "languages has duplicates: " + languages);
        for (String o : overlapped) {
            Check.that(languages.contains(o), "overlapped language \"" + o + "\" is not in languages " + languages);
        }
        Check.that(!overlapped.isEmpty(), "overlapped must name at least one language (pretraining needs data)");
        Check.positive("train_speakers", trainSpeakers);
        Check.positive("dev_speakers", devSpeakers);
        Check.positive("test_speakers", testSpeakers);
        Check.positive("pretrain_speakers", pretrainSpeakers);
        Check.positive("train_sentences", trainSentences);
        Check.positive("dev_sentences", devSentences);
        Check.positive("test_sentences", testSentences);
        Check.positive("pretrain_sentences", pretrainSentences);
        Check.that(noiseSnrDb == null || (noiseSnrDb > -20 && noiseSnrDb < 80),
                "noise_snr_db must be in (-20, 80) dB, found " + noiseSnrDb);
        languages = List.copyOf(languages);
        overlapped = List.copyOf(overlapped);
    }
}
