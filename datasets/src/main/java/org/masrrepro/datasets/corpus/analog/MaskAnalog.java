package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.audio.Augment;
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
 * a mask-like filter: a Butterworth low-pass at a per-item cutoff of 1.5-3 kHz plus the dry signal 12 dB down, i.e.
 * a high-shelf cut. Every item is then loudness-normalized and gets white noise at 35 dB SNR, seeded per item.
 */
public final class MaskAnalog {

    public static final List<String> LABELS = List.of("clear", "mask");
    static final int FORMAT = 1;
    private static final double LEVEL_DBFS = -26;
    private static final double SNR_DB = 35;
    private static final double DRY_DB = -12;

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

    /** The mask-like filter: low-pass at {@code cutoffHz} plus the input {@value #DRY_DB} dB down. */
    static float[] muffle(float[] x, double cutoffHz) {
        float[] low = Augment.bandLimit(x, CorpusDirectory.SAMPLE_RATE, 0, cutoffHz);
        double dry = Math.pow(10, DRY_DB / 20);
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
            double cutoff = 1500 + 1500 * rnd.nextDouble();
            if (mask) {
                x = muffle(x, cutoff);
            }
            x = Augment.addNoise(Levels.toRms(x, LEVEL_DBFS), SNR_DB, rnd.nextLong());
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
                        + "through a deterministic high-shelf cut (2nd-order Butterworth low-pass at 1.5-3 kHz plus "
                        + "the dry signal at " + DRY_DB + " dB), standing in for the muffling of a surgical mask. The "
                        + "real corpus holds 32 German speakers recorded with and without a mask, where the effect "
                        + "is subtler, speaker-dependent and includes articulation changes; here it is a filter only.")
                .optCatalogueOwners(plan.catalogueOwners()).optLocales(plan.miner.localeUsed())
                .optSpeakers(plan.allSpeakers())
                .optNotes(List.of("Task: binary classification, label column (clear/mask); half of each speaker's "
                                + "sentences are masked (seeded)",
                        "Every item: RMS normalized to " + LEVEL_DBFS + " dBFS, then white noise at " + SNR_DB
                                + " dB SNR (seeded per item), so level and noise floor carry no label",
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
