package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.Conditions;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.synth.EspeakVoices;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * ASVspoof2019 analog (spoof detection): bona fide = real recorded Fish Fillets NG lines (cs, nl); spoof = the same line
 * from one of three {@link Attack attack systems}, drawn per line: espeak-ng speaking its text with a synthetic voice
 * assigned to the line's speaker, or a copy-synthesis of the real recording by an LPC vocoder or by Griffin-Lim
 * (same speaker, text and timing, as ASVspoof's voice-conversion and vocoder attacks). Both classes are
 * loudness-normalized and then pass through the same random channel ({@link #CHANNEL}: speed, telephone band, noise), so
 * that the recording channel cannot separate them; label {@code bonafide} or {@code spoof}; splits disjoint by game
 * level, as in {@link FilletsSpeech}.
 */
public final class SpoofAnalog {

    public static final List<String> LABELS = List.of("bonafide", "spoof");
    // 2: both classes through the same random channel; 3: three attack systems instead of espeak-ng alone
    static final int FORMAT = 3;
    static final int GRIFFIN_LIM_ITERATIONS = 32;

    /**
     * The spoofing systems, one drawn per line with equal probability, the same in every split. With espeak-ng alone
     * (format 2) a frozen random encoder's linear probe scored 93.8% (cpu): a formant synthesizer is too easy to tell.
     */
    enum Attack {
        TTS("tts", "espeak-ng formant text-to-speech, a synthetic voice per target speaker"),
        LPC("lpc", "LPC vocoder copy-synthesis of the bona fide recording (order 18, pulse or noise excitation)"),
        GRIFFIN_LIM("gl", "Griffin-Lim copy-synthesis of the bona fide recording's STFT magnitude ("
                + GRIFFIN_LIM_ITERATIONS + " iterations)");

        final String id;
        final String description;

        Attack(String id, String description) {
            this.id = id;
            this.description = description;
        }
    }

    private static final double LEVEL_DBFS = -26;

    /**
     * The channel of every item, bona fide and spoof alike, drawn per item: speed x0.9-1.1, half of the items band-limited
     * to 300-3400 Hz (telephone), white noise at 0-20 dB SNR. Without it a linear probe on the clean analog scored
     * 97.5% (cpu, BEST-RQ encoder), too close to 100% to compare methods.
     */
    public static final Conditions CHANNEL = new Conditions(0.0, 20.0, 0.5, 300, 3400, 0.9, 1.1);

    record Params(int format, String corpus, List<String> languages, List<Integer> linesPerSplit, double devFraction,
            double testFraction, long seed, String gameDir, String decoder, String channel) {}

    private final Params params;
    private final Conditions channel;
    private final CorpusDirectory dir;
    private final Path gameDir;
    private final AudioDecoder decoder;
    private final ProgressListener progress;

    /** One item: {@code attack} is null for the bona fide one. */
    private record Job(FilletsDialogues.Line line, String split, Attack attack) {
        boolean spoof() {
            return attack != null;
        }

        String id() {
            return "spoof-" + line.language() + "-" + line.id().replace('/', '-')
                    + (spoof() ? "-spoof-" + attack.id : "-bonafide");
        }
    }

    private SpoofAnalog(Builder b) {
        this.params = new Params(FORMAT, "spoof-analog", List.copyOf(b.languages), List.of(b.train, b.dev, b.test),
                b.devFraction, b.testFraction, b.seed, b.gameDir.toAbsolutePath().normalize().toString(),
                b.decoder.id(), b.channel.describe());
        this.channel = b.channel;
        this.dir = new CorpusDirectory(b.outputDir, "ASVspoof analog corpus");
        this.gameDir = b.gameDir;
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
        List<String> needed = new ArrayList<>(List.of(FilletsDialogues.SCRIPT_PACKAGE, "espeak-ng", "espeak-ng-data"));
        params.languages().forEach(l -> needed.add(FilletsDialogues.AUDIO_PACKAGES.get(l)));
        needed.addAll(decoder.debianPackages());
        DebianPackages.requireInstalled(needed);
        EspeakVoices.check(params.languages());
        dir.clear();
        String espeakVersion = EspeakNg.version();
        Map<String, String> splitOfLevel = FilletsDialogues.splitOfLevel(gameDir, params.devFraction(),
                params.testFraction(), params.seed());
        List<Job> jobs = new ArrayList<>();
        for (String lang : params.languages()) {
            for (FilletsDialogues.Line line : FilletsSpeech.select(FilletsDialogues.lines(gameDir, lang), splitOfLevel,
                    params.linesPerSplit(), params.seed(), "spoof/" + lang)) {
                String split = FilletsSpeech.splitOf(line, splitOfLevel);
                Attack[] attacks = Attack.values();
                Attack attack = attacks[Seeded.stream(params.seed(), "spoof-attack/" + lang + "/" + line.id())
                        .nextInt(attacks.length)];
                jobs.add(new Job(line, split, null));
                jobs.add(new Job(line, split, attack));
            }
        }
        EspeakNg espeak = new EspeakNg();
        List<String> variants = new ArrayList<>(EspeakVoices.MALE);
        variants.addAll(EspeakVoices.FEMALE);
        List<Utterance> made = Parallel.map(jobs, j -> {
            FilletsDialogues.Line l = j.line();
            float[] x;
            float[] recording;
            try {
                recording = decoder.read16k(l.audio()); // every job of a line needs it: TTS only to know it exists
            } catch (org.masrrepro.datasets.audio.EmptyAudioException e) {
                return null; // a few shipped recordings are empty Ogg streams: the line is left out of both classes
            }
            if (j.attack() == Attack.TTS) {
                // one synthetic voice per target speaker, the same in every split
                SplittableRandom rnd = Seeded.stream(params.seed(), "spoof-voice/" + l.speaker());
                String variant = variants.get(rnd.nextInt(variants.size()));
                int pitch = 30 + rnd.nextInt(41);
                int rate = 140 + rnd.nextInt(51);
                x = espeak.synthesize(EspeakVoices.voice(l.language()), variant, rate, pitch, l.text());
            } else {
                x = recording;
                long attackSeed = Seeded.stream(params.seed(), "spoof-vocoder/" + j.id()).nextLong();
                if (j.attack() == Attack.LPC) {
                    x = CopySynthesis.lpcVocoder(x, attackSeed);
                } else if (j.attack() == Attack.GRIFFIN_LIM) {
                    x = CopySynthesis.griffinLim(x, GRIFFIN_LIM_ITERATIONS, attackSeed);
                }
            }
            x = Levels.toRms(channel.apply(Levels.toRms(x, LEVEL_DBFS), EspeakNg.SAMPLE_RATE,
                    Seeded.stream(params.seed(), "spoof-channel/" + j.id()).nextLong()), LEVEL_DBFS);
            String rel = dir.writeAudio("audio/" + (j.spoof() ? "spoof" : "bonafide") + "/" + j.id() + ".wav", x);
            return new Utterance(j.id(), j.split(), l.language(), l.speaker(), "", l.id(), l.text(), rel, x.length,
                    false, j.spoof() ? "spoof" : "bonafide", Double.NaN, Double.NaN);
        }, Job::id, progress);
        List<Utterance> utts = made.stream().filter(java.util.Objects::nonNull).toList();
        java.util.Set<String> emptyLines = new java.util.TreeSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (made.get(i) == null) {
                emptyLines.add(jobs.get(i).line().language() + ":" + jobs.get(i).line().id());
            }
        }
        Map<String, String> packages = DebianPackages.versions(needed);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("espeak_ng_version", espeakVersion);
        record.put("split_of_level", splitOfLevel);
        record.put("attacks", attackCounts(utts));
        CorpusCard.Builder card = CorpusCard.builder()
                .optTitle("Corpus card: ASVspoof2019 analog (bona fide vs espeak-ng spoof, "
                        + String.join(", ", params.languages()) + ")")
                .optDisclaimer("Analog corpus — not the real ASVspoof 2019.")
                .optDescription("Bona fide: real voice-acted Fish Fillets NG lines; spoof: the same line from one of "
                        + "three attack systems drawn per line (tts: espeak-ng " + espeakVersion + " reading the text "
                        + "with a synthetic voice per target speaker; lpc: LPC vocoder copy-synthesis of the real "
                        + "recording; gl: Griffin-Lim copy-synthesis of its STFT magnitude). Both classes are "
                        + "normalized to " + LEVEL_DBFS + " dBFS RMS. ASVspoof 2019 LA spoofs come from 19 modern TTS "
                        + "and voice-conversion systems trained on the target speakers (VCTK), with unseen systems in "
                        + "its evaluation set; these classic vocoders are easier to detect, and every attack appears "
                        + "in every split here, so accuracy here says little about ASVspoof EER. Both classes pass "
                        + "through the same random channel, drawn per item: " + channel.describe() + ".")
                .optSources(List.of("Bona fide audio and texts: Debian fillets-ng-data-cs/-nl and fillets-ng-data (GPL-2)",
                        "Spoof: espeak-ng with espeak-ng-data (GPL-3.0-or-later); LPC and Griffin-Lim vocoders of "
                                + "this project applied to the bona fide audio"))
                .optNotes(List.of("Task: binary classification, label column (bonafide/spoof); every line appears "
                                + "once per class, so text cannot separate the classes",
                        "Splits disjoint by game level; lines per language and split capped at "
                                + params.linesPerSplit() + " (0 = all); seed " + params.seed(),
                        "Lines left out because their shipped recording holds no audio (an empty Ogg stream): "
                                + emptyLines.size() + (emptyLines.isEmpty() ? "" : " " + emptyLines)))
                .optAppendix(CorpusDirectory.labelTable(utts, LABELS) + "\n" + attackTable(utts));
        return dir.finish(params, utts, packages, record, card);
    }

    /** Attack id -> number of spoof items, in {@link Attack} order. */
    private static Map<String, Long> attackCounts(List<Utterance> utts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Attack a : Attack.values()) {
            out.put(a.id, utts.stream().filter(u -> u.id().endsWith("-spoof-" + a.id)).count());
        }
        return out;
    }

    private static String attackTable(List<Utterance> utts) {
        List<String> splits = List.of("train", "dev", "test");
        StringBuilder sb = new StringBuilder("## Spoof items per attack system and split\n\n| attack | system | train | dev "
                + "| test |\n|---|---|---|---|---|\n");
        for (Attack a : Attack.values()) {
            sb.append("| ").append(a.id).append(" | ").append(a.description).append(" |");
            for (String s : splits) {
                sb.append(' ').append(utts.stream()
                        .filter(u -> u.split().equals(s) && u.id().endsWith("-spoof-" + a.id)).count()).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Configures a {@link SpoofAnalog}. */
    public static final class Builder {
        private Path outputDir;
        private List<String> languages = FilletsSpeech.LANGUAGES;
        private int train = 200;
        private int dev = 40;
        private int test = 60;
        private double devFraction = 0.1;
        private double testFraction = 0.15;
        private long seed = 1;
        private Path gameDir = FilletsDialogues.GAME_DIR;
        private AudioDecoder decoder = AudioDecoder.JAVA;
        private Conditions channel = CHANNEL;
        private ProgressListener progress = ProgressListener.NONE;

        /** The channel both classes pass through (default {@link #CHANNEL}; {@link Conditions#CLEAN} for none). */
        public Builder optChannel(Conditions channel) {
            this.channel = channel;
            return this;
        }

        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        public Builder optLanguages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        /** Lines per language in train, dev, test (each gives one bona fide and one spoof item); 0 = all. */
        public Builder optLinesPerSplit(int train, int dev, int test) {
            this.train = train;
            this.dev = dev;
            this.test = test;
            return this;
        }

        public Builder optLevelFractions(double dev, double test) {
            this.devFraction = dev;
            this.testFraction = test;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optGameDir(Path gameDir) {
            this.gameDir = gameDir;
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

        public SpoofAnalog build() {
            if (outputDir == null) {
                throw new IllegalStateException("SpoofAnalog: setOutputDir is required");
            }
            if (languages.isEmpty() || new HashSet<>(languages).size() != languages.size()
                    || !new TreeSet<>(FilletsSpeech.LANGUAGES).containsAll(languages)) {
                throw new IllegalArgumentException("SpoofAnalog: languages must be distinct, from "
                        + FilletsSpeech.LANGUAGES + ", found " + languages);
            }
            if (train < 0 || dev < 0 || test < 0) {
                throw new IllegalArgumentException("SpoofAnalog: lines per split must be >= 0 (0 = all)");
            }
            if (!(devFraction > 0 && testFraction > 0 && devFraction + testFraction < 1)) {
                throw new IllegalArgumentException("SpoofAnalog: need level fractions > 0 with sum < 1");
            }
            return new SpoofAnalog(this);
        }
    }
}
