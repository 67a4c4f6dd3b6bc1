package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ESC-50 cough analog (cough vs other human sounds): the six recorded coughs of the Hedgewars voice packs, each in
 * several seeded augmented copies, against as many other vocal sounds (laugh, pain, effort, moan) of the same split's
 * packs, augmented alike so augmentation carries no label. Splits disjoint by voice pack.
 */
public final class EscCoughAnalog {

    public static final List<String> LABELS = List.of("cough", "other");
    static final int FORMAT = 1;

    record Params(int format, String corpus, int copiesPerCough, double clipSeconds, long seed, String voicesDir,
            String decoder) {}

    private record Job(HedgewarsVoices.Sound sound, String split, int copy, String label) {
        String id() {
            return "escc-" + sound.id() + "-aug" + copy;
        }
    }

    private final Params params;
    private final CorpusDirectory dir;
    private final Path voicesDir;
    private final AudioDecoder decoder;
    private final ProgressListener progress;

    private EscCoughAnalog(Builder b) {
        this.params = new Params(FORMAT, "esc-cough-analog", b.copies, b.clipSeconds, b.seed,
                b.voicesDir.toAbsolutePath().normalize().toString(), b.decoder.id());
        this.dir = new CorpusDirectory(b.outputDir, "ESC-50 cough analog corpus");
        this.voicesDir = b.voicesDir;
        this.decoder = b.decoder;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CorpusInfo prepare() throws IOException {
        CorpusInfo done = dir.reuse(params);
        if (done != null) {
            return done;
        }
        List<String> needed = new ArrayList<>(List.of(HedgewarsVoices.PACKAGE));
        needed.addAll(decoder.debianPackages());
        DebianPackages.requireInstalled(needed);
        dir.clear();
        List<HedgewarsVoices.Sound> sounds = HedgewarsVoices.sounds(voicesDir);
        Map<String, String> splitOfPack = HedgewarsVoices.splitOfPack(sounds, params.seed());
        List<Job> jobs = new ArrayList<>();
        Map<String, Integer> coughsPerSplit = new LinkedHashMap<>();
        for (String split : List.of("train", "dev", "test")) {
            List<HedgewarsVoices.Sound> inSplit = sounds.stream().filter(s -> split.equals(splitOfPack.get(s.pack())))
                    .toList();
            List<HedgewarsVoices.Sound> coughs = inSplit.stream().filter(s -> s.label().equals("cough")).toList();
            List<HedgewarsVoices.Sound> others = new ArrayList<>(inSplit.stream()
                    .filter(s -> !s.label().equals("cough")).toList());
            Seeded.shuffle(others, Seeded.stream(params.seed(), "escc-other/" + split));
            coughsPerSplit.put(split, coughs.size());
            int n = coughs.size() * params.copiesPerCough();
            for (HedgewarsVoices.Sound c : coughs) {
                for (int k = 0; k < params.copiesPerCough(); k++) {
                    jobs.add(new Job(c, split, k, "cough"));
                }
            }
            for (int i = 0; i < n && !others.isEmpty(); i++) { // cycles through the others if there are fewer
                jobs.add(new Job(others.get(i % others.size()), split, i / others.size(), "other"));
            }
        }
        List<Utterance> utts = Parallel.map(jobs, j -> {
            // every item, copy 0 included, is augmented: otherwise "unaugmented" would mark the minority of others
            float[] x = EscHumanAnalog.variant(decoder.read16k(j.sound().file()), 1, params.clipSeconds(),
                    Seeded.stream(params.seed(), "escc-aug/" + j.id()));
            String rel = dir.writeAudio("audio/" + j.label() + "/" + j.id() + ".wav", x);
            return new Utterance(j.id(), j.split(), "und", "hedgewars-" + j.sound().pack().toLowerCase(Locale.ROOT),
                    "", j.sound().name(), "", rel, x.length, false, j.label(), Double.NaN, Double.NaN);
        }, Job::id, progress);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("split_of_pack", splitOfPack);
        record.put("coughs_per_split", coughsPerSplit);
        CorpusCard.Builder card = CorpusCard.builder()
                .optTitle("Corpus card: ESC-50 cough analog (Hedgewars voice packs)")
                .optDisclaimer("Analog corpus — not the real ESC-50; very few distinct coughs.")
                .optDescription("Binary cough detection on real recorded game vocal sounds. Hedgewars ships only "
                        + coughsPerSplit.values().stream().mapToInt(Integer::intValue).sum() + " distinct coughs (one "
                        + "per voice pack that has one), so each is used in " + params.copiesPerCough() + " seeded "
                        + "augmented copies (speed 0.9-1.1, gain +-6 dB, placed at a seeded offset in a "
                        + params.clipSeconds() + " s clip, white noise 20-40 dB SNR); the 'other' "
                        + "class is as many augmented laughs, pain cries, effort grunts and moans of the same packs. "
                        + "ESC-50's coughing class has 40 five-second field recordings; results here have very wide "
                        + "error bars (the test split holds " + coughsPerSplit.get("test") + " distinct cough).")
                .optSources(List.of("Audio: Debian " + HedgewarsVoices.PACKAGE + ", Data/Sounds/voices/<pack>/ "
                                + "(GFDL-1.3 per /usr/share/doc/hedgewars-data/copyright)",
                        "Decoding: " + decoder.id() + ", then the project's resampler"))
                .optNotes(List.of("Task: binary classification, label column (cough/other); language 'und'",
                        "Splits disjoint by voice pack (speaker): " + splitOfPack + "; seed " + params.seed()))
                .optAppendix(CorpusDirectory.labelTable(utts, LABELS));
        return dir.finish(params, utts, DebianPackages.versions(needed), record, card);
    }

    /** Configures an {@link EscCoughAnalog}. */
    public static final class Builder {
        private Path outputDir;
        private int copies = 8;
        private double clipSeconds = 3.0;
        private long seed = 1;
        private Path voicesDir = HedgewarsVoices.VOICES_DIR;
        private AudioDecoder decoder = new SoxDecoder();
        private ProgressListener progress = ProgressListener.NONE;

        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** Augmented copies of each cough (and as many 'other' items); default 8. */
        public Builder optCopiesPerCough(int copies) {
            this.copies = copies;
            return this;
        }

        /** Length of every clip in seconds (sounds are padded with silence or cropped); default 3. */
        public Builder optClipSeconds(double seconds) {
            this.clipSeconds = seconds;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optVoicesDir(Path voicesDir) {
            this.voicesDir = voicesDir;
            return this;
        }

        public Builder optDecoder(AudioDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        public Builder optProgress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        public EscCoughAnalog build() {
            if (outputDir == null) {
                throw new IllegalStateException("EscCoughAnalog: setOutputDir is required");
            }
            if (copies < 1 || !(clipSeconds >= 0.5 && clipSeconds <= 10)) {
                throw new IllegalArgumentException("EscCoughAnalog: need copiesPerCough >= 1 (found " + copies
                        + ") and clipSeconds in [0.5, 10] (found " + clipSeconds + ")");
            }
            return new EscCoughAnalog(this);
        }
    }
}
