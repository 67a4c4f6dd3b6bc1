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
        @Opt @Doc("white noise SNR in dB added to every split alike (the low end when noise_snr_max_db is set); absent = clean") Double noiseSnrDb,
        @Opt @Doc("data seed; absent = derived from the root seed") Long seed,
        @Opt @Doc("high end of a per-item uniform SNR range in dB; absent = the fixed noise_snr_db") Double noiseSnrMaxDb,
        @Opt @Doc("share of items band-limited (every split alike); absent = none") Double bandLimitProbability,
        @Opt @Doc("band-limit high-pass corner, Hz (default 300)") Double bandLowHz,
        @Opt @Doc("band-limit low-pass corner, Hz (default 3400)") Double bandHighHz,
        @Opt @Doc("slowest speed-perturbation factor (every split alike); absent = 1") Double speedMin,
        @Opt @Doc("fastest speed-perturbation factor; absent = 1") Double speedMax,
        @Opt @Doc("near-parallel text: a sentence must be translated in at least this fraction of the languages; absent = 1 (n-way)") Double minCoverage,
        @Opt @Doc("true: dev/test speakers use voice variants no train speaker of the language uses; false: new pitch/rate draws from the same variants; absent = true") Boolean unseenTestVariants,
        @Opt @Doc("record each speaker's location in the manifest: uniform within this radius (km) of the language's Glottolog point; absent = no locations") Double locationJitterKm) implements CorpusSpec {

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
        Check.that(noiseSnrMaxDb == null || noiseSnrDb != null && noiseSnrMaxDb >= noiseSnrDb && noiseSnrMaxDb < 80,
                "noise_snr_max_db needs noise_snr_db and must lie in [noise_snr_db, 80), found " + noiseSnrMaxDb);
        Check.that(bandLimitProbability == null || bandLimitProbability >= 0 && bandLimitProbability <= 1,
                "band_limit_probability must be in [0, 1], found " + bandLimitProbability);
        Check.that(bandLowHz == null || bandLowHz >= 0, "band_low_hz must be >= 0, found " + bandLowHz);
        Check.that(bandHighHz == null || bandHighHz > (bandLowHz == null ? 300 : bandLowHz) && bandHighHz <= 8000,
                "band_high_hz must be above band_low_hz and at most 8000 (16 kHz audio), found " + bandHighHz);
        Check.that(speedMin == null || speedMin > 0.5 && speedMin <= 1.5, "speed_min must be in (0.5, 1.5], found " + speedMin);
        Check.that(speedMax == null || speedMax >= (speedMin == null ? 1 : speedMin) && speedMax < 2,
                "speed_max must be in [speed_min, 2), found " + speedMax);
        Check.that(minCoverage == null || minCoverage > 0.5 && minCoverage <= 1,
                "min_coverage must be in (0.5, 1], found " + minCoverage);
        Check.that(locationJitterKm == null || locationJitterKm >= 0 && locationJitterKm <= 5000,
                "location_jitter_km must be in [0, 5000], found " + locationJitterKm);
        languages = List.copyOf(languages);
        overlapped = List.copyOf(overlapped);
    }

    /** The acoustic conditions these fields describe (applied to every split alike). */
    public org.masrrepro.datasets.corpus.Conditions conditions() {
        Double hi = noiseSnrMaxDb != null ? noiseSnrMaxDb : noiseSnrDb;
        double p = bandLimitProbability == null ? 0 : bandLimitProbability;
        return new org.masrrepro.datasets.corpus.Conditions(noiseSnrDb, hi, p, bandLowHz == null ? 300 : bandLowHz,
                bandHighHz == null ? 3400 : bandHighHz, speedMin == null ? 1 : speedMin, speedMax == null ? 1 : speedMax);
    }
}
