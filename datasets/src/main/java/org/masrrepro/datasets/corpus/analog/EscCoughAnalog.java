package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.audio.Augment;
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
import java.util.SplittableRandom;

/**
 * ESC-50 cough analog (cough vs other human sounds): the distinct recorded coughs of the Hedgewars voice packs and of
 * Scratch's media library, each in several seeded degraded copies, against as many other vocal sounds (laughs, pain
 * cries, effort grunts, moans, sneezes, screams) of the same split's packs, degraded alike so degradation carries no
 * label. Splits disjoint by group of packs (packs sharing a recording stay together), two cough groups in test.
 */
public final class EscCoughAnalog {

    public static final List<String> LABELS = List.of("cough", "other");
    /**
     * 2: Scratch's coughs and sneezes added, packs sharing a recording split together and repeats dropped, two cough
     * groups in test, harder degradation (format 1: Hedgewars only, one distinct cough in test; two of six cpu-scale probes scored 100%).
     */
    static final int FORMAT = 2;
    static final int TEST_COUGH_GROUPS = 2;

    record Params(int format, String corpus, int copiesPerCough, double clipSeconds, long seed, String voicesDir,
            String scratchDir, int testCoughGroups, String decoder) {}

    private record Job(HedgewarsVoices.Sound sound, String split, int copy, String label) {
        String id() {
            return "escc-" + sound.id() + "-aug" + copy;
        }
    }

    private final Params params;
    private final CorpusDirectory dir;
    private final Path voicesDir;
    private final Path scratchDir;
    private final AudioDecoder decoder;
    private final ProgressListener progress;

    private EscCoughAnalog(Builder b) {
        this.params = new Params(FORMAT, "esc-cough-analog", b.copies, b.clipSeconds, b.seed,
                b.voicesDir.toAbsolutePath().normalize().toString(),
                b.scratchDir.toAbsolutePath().normalize().toString(), TEST_COUGH_GROUPS, b.decoder.id());
        this.dir = new CorpusDirectory(b.outputDir, "ESC-50 cough analog corpus");
        this.voicesDir = b.voicesDir;
        this.scratchDir = b.scratchDir;
        this.decoder = b.decoder;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A degraded clip: speed 0.85-1.15, gain -6..6 dB, placed at a seeded offset in {@code seconds} of silence (or
     * cropped), band-limited to a seeded band (high-pass 80-300 Hz, low-pass 3-7 kHz, as varied microphones) and
     * white noise at 5-20 dB SNR over the whole clip.
     */
    static float[] degrade(float[] x, double seconds, SplittableRandom rnd) {
        float[] y = Augment.speed(x, 0.85 + 0.3 * rnd.nextDouble());
        y = Levels.gain(y, -6 + 12 * rnd.nextDouble());
        y = EscHumanAnalog.place(y, (int) Math.round(seconds * CorpusDirectory.SAMPLE_RATE), rnd);
        y = Augment.bandLimit(y, CorpusDirectory.SAMPLE_RATE, 80 + 220 * rnd.nextDouble(),
                3000 + 4000 * rnd.nextDouble());
        return Augment.addNoise(y, 5 + 15 * rnd.nextDouble(), rnd.nextLong());
    }

    public CorpusInfo prepare() throws IOException {
        CorpusInfo done = dir.reuse(params);
        if (done != null) {
            return done;
        }
        List<String> needed = new ArrayList<>(List.of(HedgewarsVoices.PACKAGE, ScratchHumanSounds.PACKAGE));
        needed.addAll(decoder.debianPackages());
        DebianPackages.requireInstalled(needed);
        dir.clear();
        List<HedgewarsVoices.Sound> all = new ArrayList<>(HedgewarsVoices.sounds(voicesDir));
        all.addAll(ScratchHumanSounds.sounds(scratchDir));
        Map<String, String> splitOfPack = HedgewarsVoices.splitOfPack(all, params.seed(), params.testCoughGroups());
        List<HedgewarsVoices.Sound> sounds = HedgewarsVoices.distinct(all);
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
            float[] x = degrade(decoder.read16k(j.sound().file()), params.clipSeconds(),
                    Seeded.stream(params.seed(), "escc-aug/" + j.id()));
            String rel = dir.writeAudio("audio/" + j.label() + "/" + j.id() + ".wav", x);
            String pack = j.sound().pack().toLowerCase(Locale.ROOT);
            return new Utterance(j.id(), j.split(), "und", pack.startsWith("scratch-") ? pack : "hedgewars-" + pack,
                    "", j.sound().name(), "", rel, x.length, false, j.label(), Double.NaN, Double.NaN);
        }, Job::id, progress);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("split_of_pack", splitOfPack);
        record.put("coughs_per_split", coughsPerSplit);
        record.put("sounds_available", all.size());
        record.put("distinct_sounds", sounds.size());
        int distinctCoughs = coughsPerSplit.values().stream().mapToInt(Integer::intValue).sum();
        CorpusCard.Builder card = CorpusCard.builder()
                .optTitle("Corpus card: ESC-50 cough analog (Hedgewars voice packs, Scratch media library)")
                .optDisclaimer("Analog corpus — not the real ESC-50; very few distinct coughs.")
                .optDescription("Binary cough detection on real recorded vocal sounds. Debian ships only "
                        + distinctCoughs + " distinct coughs here (Hedgewars' Default_pl and Russian_pl packs share "
                        + "one recording), so each is used in " + params.copiesPerCough() + " seeded degraded "
                        + "copies (speed 0.85-1.15, gain +-6 dB, placed at a seeded offset in a "
                        + params.clipSeconds() + " s clip, band limits 80-300 Hz to 3-7 kHz, white noise 5-20 dB "
                        + "SNR); the 'other' class is as many laughs, pain cries, effort grunts, moans, sneezes and "
                        + "screams of the same split's packs, degraded alike. ESC-50's coughing class has 40 "
                        + "five-second field recordings; results here have wide error bars (the test split holds "
                        + coughsPerSplit.get("test") + " distinct coughs; format 1, with one, saturated at 100%).")
                .optSources(List.of("Audio: Debian " + HedgewarsVoices.PACKAGE + ", Data/Sounds/voices/<pack>/ "
                                + "(GFDL-1.3 per /usr/share/doc/hedgewars-data/copyright)",
                        "Audio: Debian " + ScratchHumanSounds.PACKAGE + ", Media/Sounds/Human/ (CC BY-SA 3.0, "
                                + "Massachusetts Institute of Technology, per /usr/share/doc/scratch/copyright)",
                        "Decoding: " + decoder.id() + ", then the project's resampler"))
                .optNotes(List.of("Task: binary classification, label column (cough/other); language 'und'",
                        "Splits disjoint by group of packs (speaker; packs sharing a byte-identical recording are one "
                                + "group, and each recording is used once: " + all.size() + " files, "
                                + sounds.size() + " distinct), " + params.testCoughGroups() + " groups with a cough "
                                + "in test, 1 in dev: " + splitOfPack + "; seed " + params.seed()))
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
        private Path scratchDir = ScratchHumanSounds.SOUNDS_DIR;
        private AudioDecoder decoder = AudioDecoder.JAVA;
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

        public Builder optScratchDir(Path scratchDir) {
            this.scratchDir = scratchDir;
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
