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
 * ESC-50 "human, non-speech" analog: real recorded vocal sounds of the Hedgewars voice packs (laugh, pain, effort,
 * cough, moan), label by file name, splits disjoint by voice pack (actor). Optional seeded augmented copies (speed,
 * gain, white noise) enlarge the small classes' training data.
 */
public final class EscHumanAnalog {

    /** 2: packs sharing a recording are split together and repeats dropped (format 1 split packs alone). */
    static final int FORMAT = 2;

    record Params(int format, String corpus, int maxPerClassAndSplit, int copies, double clipSeconds, long seed,
            String voicesDir, String decoder) {}

    private record Job(HedgewarsVoices.Sound sound, String split, int copy) {
        String id() {
            return "esch-" + sound.id() + (copy == 0 ? "" : "-aug" + copy);
        }
    }

    private final Params params;
    private final CorpusDirectory dir;
    private final Path voicesDir;
    private final AudioDecoder decoder;
    private final ProgressListener progress;

    private EscHumanAnalog(Builder b) {
        this.params = new Params(FORMAT, "esc-human-analog", b.maxPerClass, b.copies, b.clipSeconds, b.seed,
                b.voicesDir.toAbsolutePath().normalize().toString(), b.decoder.id());
        this.dir = new CorpusDirectory(b.outputDir, "ESC-50 human analog corpus");
        this.voicesDir = b.voicesDir;
        this.decoder = b.decoder;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fixed-length clip, as ESC-50's 5 s clips: copy 0 is the recording placed at a seeded offset in {@code seconds}
     * of digital silence (or cropped at a seeded offset when longer); copy k > 0 is first changed in speed (0.9-1.1)
     * and gain (-6..6 dB), then placed alike, then gets white noise over the whole clip (20-40 dB SNR). The fixed
     * length keeps duration from telling the classes apart.
     */
    static float[] variant(float[] x, int copy, double seconds, SplittableRandom rnd) {
        float[] y = x;
        if (copy > 0) {
            y = Augment.speed(y, 0.9 + 0.2 * rnd.nextDouble());
            y = Levels.gain(y, -6 + 12 * rnd.nextDouble());
        }
        y = place(y, (int) Math.round(seconds * CorpusDirectory.SAMPLE_RATE), rnd);
        return copy == 0 ? y : Augment.addNoise(y, 20 + 20 * rnd.nextDouble(), rnd.nextLong());
    }

    /** {@code x} at a seeded offset in {@code n} samples of silence, or a seeded {@code n}-sample crop of it. */
    static float[] place(float[] x, int n, SplittableRandom rnd) {
        float[] out = new float[n];
        if (x.length >= n) {
            System.arraycopy(x, rnd.nextInt(x.length - n + 1), out, 0, n);
        } else {
            System.arraycopy(x, 0, out, rnd.nextInt(n - x.length + 1), x.length);
        }
        return out;
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
        List<HedgewarsVoices.Sound> all = HedgewarsVoices.sounds(voicesDir);
        Map<String, String> splitOfPack = HedgewarsVoices.splitOfPack(all, params.seed());
        List<HedgewarsVoices.Sound> sounds = HedgewarsVoices.distinct(all);
        List<Job> jobs = new ArrayList<>();
        for (String split : List.of("train", "dev", "test")) {
            for (String label : HedgewarsVoices.LABELS) {
                List<HedgewarsVoices.Sound> l = new ArrayList<>(sounds.stream()
                        .filter(s -> s.label().equals(label) && split.equals(splitOfPack.get(s.pack()))).toList());
                Seeded.shuffle(l, Seeded.stream(params.seed(), "esch/" + split + "/" + label));
                int cap = params.maxPerClassAndSplit();
                for (HedgewarsVoices.Sound s : cap > 0 && cap < l.size() ? l.subList(0, cap) : l) {
                    for (int c = 0; c < params.copies(); c++) {
                        jobs.add(new Job(s, split, c));
                    }
                }
            }
        }
        List<Utterance> utts = Parallel.map(jobs, j -> {
            float[] x = variant(decoder.read16k(j.sound().file()), j.copy(), params.clipSeconds(),
                    Seeded.stream(params.seed(), "esch-aug/" + j.id()));
            String rel = dir.writeAudio("audio/" + j.sound().label() + "/" + j.id() + ".wav", x);
            return new Utterance(j.id(), j.split(), "und", "hedgewars-" + j.sound().pack().toLowerCase(Locale.ROOT),
                    "", j.sound().name(), "", rel, x.length, false, j.sound().label(), Double.NaN, Double.NaN);
        }, Job::id, progress);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("split_of_pack", splitOfPack);
        record.put("sounds_available", all.size());
        record.put("distinct_sounds", sounds.size());
        CorpusCard.Builder card = CorpusCard.builder()
                .optTitle("Corpus card: ESC-50 human analog (Hedgewars voice packs)")
                .optDisclaimer("Analog corpus — not the real ESC-50.")
                .optDescription("Real recorded human non-speech vocal sounds (laughs, pain cries, effort grunts, "
                        + "coughs, moans) from the voice packs of the game Hedgewars, one actor per pack, decoded "
                        + "from Ogg Vorbis to 16 kHz. ESC-50's human category holds 10 classes (crying baby, "
                        + "sneezing, clapping, breathing, coughing, footsteps, laughing, brushing teeth, snoring, "
                        + "drinking) of 40 five-second field recordings each; this has 5 classes of short acted game "
                        + "sounds, few and unbalanced, each placed in a fixed " + params.clipSeconds() + " s clip of silence.")
                .optSources(List.of("Audio: Debian " + HedgewarsVoices.PACKAGE + ", Data/Sounds/voices/<pack>/ "
                                + "(GFDL-1.3 per /usr/share/doc/hedgewars-data/copyright)",
                        "Decoding: " + decoder.id() + ", then the project's resampler"))
                .optNotes(List.of("Task: " + HedgewarsVoices.LABELS.size() + "-class classification, label column "
                                + HedgewarsVoices.LABELS + "; the language column is 'und' (no language)",
                        "Splits disjoint by voice pack (speaker), stratified so each split has a pack with a cough; "
                                + "packs that ship byte-identical copies of a recording are kept in one split and "
                                + "each recording is used once (" + all.size() + " files, " + sounds.size()
                                + " distinct): " + splitOfPack,
                        "At most " + params.maxPerClassAndSplit() + " sounds per class and split (0 = all), "
                                + params.copies() + " copies each (copy 0 = the recording; others seeded speed "
                                + "0.9-1.1, gain +-6 dB, white noise 20-40 dB SNR); every clip " + params.clipSeconds()
                                + " s, the sound at a seeded offset; seed " + params.seed()))
                .optAppendix(CorpusDirectory.labelTable(utts, HedgewarsVoices.LABELS));
        return dir.finish(params, utts, DebianPackages.versions(needed), record, card);
    }

    /** Configures an {@link EscHumanAnalog}. */
    public static final class Builder {
        private Path outputDir;
        private int maxPerClass;
        private int copies = 1;
        private double clipSeconds = 3.0;
        private long seed = 1;
        private Path voicesDir = HedgewarsVoices.VOICES_DIR;
        private AudioDecoder decoder = AudioDecoder.JAVA;
        private ProgressListener progress = ProgressListener.NONE;

        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** At most this many recordings per class and split (seeded choice); 0 = all (default). */
        public Builder optMaxPerClassAndSplit(int n) {
            this.maxPerClass = n;
            return this;
        }

        /** Items per recording: 1 = the recording only (default), k = plus k-1 augmented copies. */
        public Builder optCopies(int copies) {
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

        public EscHumanAnalog build() {
            if (outputDir == null) {
                throw new IllegalStateException("EscHumanAnalog: setOutputDir is required");
            }
            if (maxPerClass < 0 || copies < 1 || !(clipSeconds >= 0.5 && clipSeconds <= 10)) {
                throw new IllegalArgumentException("EscHumanAnalog: need maxPerClassAndSplit >= 0, "
                        + "copies >= 1 and clipSeconds in [0.5, 10]");
            }
            return new EscHumanAnalog(this);
        }
    }
}
