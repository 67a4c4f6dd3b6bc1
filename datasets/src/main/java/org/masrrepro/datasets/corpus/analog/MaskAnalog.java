package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.audio.Augment;
import org.masrrepro.datasets.corpus.Conditions;
import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.synth.EspeakVoices;
import org.masrrepro.datasets.synth.Speaker;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * ComParE 2020 Mask analog (clear vs mask): espeak-ng speech; half of each speaker's sentences (seeded) pass through
 * a mask-like high-shelf cut ({@link #MASK_DEPTH_DB} deep, knee at 1.5-3 kHz). Every item, clear or masked, also gets
 * a random microphone tilt (a shelf of 0-{@value #MIC_MAX_DEPTH_DB} dB, half of the items untouched) and passes through
 * {@link #CHANNEL}, so spectral tilt alone does not give the label away; then RMS normalisation. All seeded per item.
 */
public final class MaskAnalog {

    public static final List<String> LABELS = List.of("clear", "mask");
    /**
     * 2: the mask shelf became weaker and variable (4-9 dB instead of about 14 dB) and every item got a microphone
     * tilt and the channel, after a frozen random encoder's probe scored 97.5% on format 1 (measured).
     */
    static final int FORMAT = 2;
    private static final double LEVEL_DBFS = -26;
    /** Depth range (dB) of the mask's high-shelf cut. */
    static final double[] MASK_DEPTH_DB = {4, 9};
    /** Upper bound (dB) of the microphone tilt applied to half of all items, clear or masked. */
    static final double MIC_MAX_DEPTH_DB = 12;
    /** Every item's channel, both classes alike: speed x0.95-1.05, half band-limited to 300-3400 Hz, 15-35 dB SNR. */
    static final Conditions CHANNEL = new Conditions(15.0, 35.0, 0.5, 300, 3400, 0.95, 1.05);

    record Params(int format, String corpus, String language, SyntheticPlan.Sizes sizes, long seed, String localeDir) {}

    private final Params params;
    private final CorpusDirectory dir;
    private final Path localeDir;
    private final ProgressListener progress;

    private MaskAnalog(Builder b) {
        this.params = new Params(FORMAT, "mask-analog", b.language, b.sizes(), b.seed,
                b.localeDir.toAbsolutePath().normalize().toString());
        this.dir = new CorpusDirectory(b.outputDir, "mask analog corpus");
        this.localeDir = b.localeDir;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A high-shelf cut: the input's 2nd-order Butterworth low-pass at {@code cutoffHz} plus the input scaled by d,
     * where d gives a pass-band to stop-band ratio of {@code depthDb}: (1 + d) / d = 10^(depth / 20).
     */
    static float[] shelf(float[] x, double cutoffHz, double depthDb) {
        float[] low = Augment.bandLimit(x, CorpusDirectory.SAMPLE_RATE, 0, cutoffHz);
        double dry = 1 / (Math.pow(10, depthDb / 20) - 1);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (low[i] + dry * x[i]);
        }
        return y;
    }

    public CorpusInfo prepare() throws IOException {
        CorpusInfo done = dir.reuse(params);
        if (done != null) {
            return done;
        }
        dir.clear();
        SyntheticPlan plan = new SyntheticPlan("mask", List.of(params.language()), params.sizes(), params.seed(),
                localeDir);
        String espeakVersion = SyntheticPlan.espeakVersion();
        // per speaker, a seeded half of the sentences is masked (balanced classes within every speaker)
        Map<String, Boolean> masked = new LinkedHashMap<>();
        Map<String, List<SyntheticPlan.Item>> bySpeaker = new LinkedHashMap<>();
        plan.items.forEach(i -> bySpeaker.computeIfAbsent(i.speaker().id(), k -> new ArrayList<>()).add(i));
        bySpeaker.forEach((spk, items) -> {
            List<SyntheticPlan.Item> l = new ArrayList<>(items);
            Seeded.shuffle(l, Seeded.stream(params.seed(), "mask/" + spk));
            for (int k = 0; k < l.size(); k++) {
                masked.put(l.get(k).id(), k < l.size() / 2 || (k == l.size() / 2 && l.size() % 2 == 1
                        && Seeded.stream(params.seed(), "mask-odd/" + spk).nextBoolean()));
            }
        });
        EspeakNg espeak = new EspeakNg();
        List<Utterance> utts = Parallel.map(plan.items, item -> {
            Speaker s = item.speaker();
            boolean mask = masked.get(item.id());
            SplittableRandom rnd = Seeded.stream(params.seed(), "mask-item/" + item.id());
            float[] x = espeak.synthesize(EspeakVoices.voice(s.language()), s.variant(), s.rateWpm(), s.pitch(), item.text());
            // every draw happens for every item, in a fixed order, so the streams do not depend on the label
            double maskCutoff = 1500 + 1500 * rnd.nextDouble();
            double maskDepth = MASK_DEPTH_DB[0] + (MASK_DEPTH_DB[1] - MASK_DEPTH_DB[0]) * rnd.nextDouble();
            boolean mic = rnd.nextBoolean();
            double micCutoff = 1000 + 3000 * rnd.nextDouble();
            double micDepth = MIC_MAX_DEPTH_DB * rnd.nextDouble();
            long channelSeed = rnd.nextLong();
            if (mask) {
                x = shelf(x, maskCutoff, maskDepth);
            }
            if (mic && micDepth > 0.5) { // a shallower shelf is inaudible, and its dry factor diverges at 0 dB
                x = shelf(x, micCutoff, micDepth);
            }
            x = Levels.toRms(CHANNEL.apply(Levels.toRms(x, LEVEL_DBFS), CorpusDirectory.SAMPLE_RATE, channelSeed),
                    LEVEL_DBFS);
            String label = mask ? "mask" : "clear";
            String id = item.id() + "-" + label;
            String rel = dir.writeAudio("audio/" + label + "/" + id + ".wav", x);
            return new Utterance(id, item.split(), s.language(), s.id(), s.gender(), item.sentence().id(), item.text(),
                    rel, x.length, false, label, Double.NaN, Double.NaN);
        }, SyntheticPlan.Item::id, progress);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("espeak_ng_version", espeakVersion);
        record.put("speakers", plan.speakersBySplit);
        record.put("sentence_ids", plan.sentenceIds);
        CorpusCard.Builder card = CorpusCard.builder()
                .optTitle("Corpus card: ComParE Mask analog (" + params.language() + ")")
                .optDisclaimer("Analog corpus — not the real Mask Augsburg Speech Corpus (ComParE 2020 Mask).")
                .optDescription("espeak-ng " + espeakVersion + " reads parallel gettext sentences; 'mask' items pass "
                        + "through a high-shelf cut of " + (int) MASK_DEPTH_DB[0] + "-" + (int) MASK_DEPTH_DB[1]
                        + " dB (2nd-order Butterworth knee at 1.5-3 kHz, drawn per item), standing in for the "
                        + "muffling of a surgical mask. Every item, clear or masked, then gets a microphone tilt "
                        + "(half of the items: a shelf of 0-" + (int) MIC_MAX_DEPTH_DB + " dB, knee at 1-4 kHz) and "
                        + "the channel " + CHANNEL.describe() + ", so a dull recording is not by itself a mask. The "
                        + "real corpus holds 32 German speakers recorded with and without a mask, where the effect "
                        + "is subtler, speaker-dependent and includes articulation changes; here it is a filter only.")
                .optCatalogueOwners(plan.catalogueOwners()).optLocales(plan.miner.localeUsed())
                .optSpeakers(plan.allSpeakers())
                .optNotes(List.of("Task: binary classification, label column (clear/mask); half of each speaker's "
                                + "sentences are masked (seeded)",
                        "Every item: RMS normalized to " + LEVEL_DBFS + " dBFS before and after the channel "
                                + "(seeded per item), so level and noise floor carry no label",
                        "Splits disjoint by speaker and sentence; seed " + params.seed()))
                .optAppendix(CorpusDirectory.labelTable(utts, LABELS));
        return dir.finish(params, utts, plan.packageVersions(), record, card);
    }

    /** Configures a {@link MaskAnalog}. */
    public static final class Builder extends SyntheticCorpusBuilder<Builder> {
        private String language = "de";

        private Builder() {
            super(new SyntheticPlan.Sizes(6, 2, 2, 40, 10, 20));
        }

        @Override
        Builder self() {
            return this;
        }

        /** The language spoken (default de, as the Mask corpus). */
        public Builder optLanguage(String language) {
            this.language = language;
            return this;
        }

        public MaskAnalog build() {
            requireOutputDir("MaskAnalog");
            if (language == null) {
                throw new IllegalStateException("MaskAnalog: optLanguage must not be null");
            }
            return new MaskAnalog(this);
        }
    }
}
