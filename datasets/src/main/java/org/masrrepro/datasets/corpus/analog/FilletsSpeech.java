package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Real recorded speech for ASR: the Czech and Dutch voice acting of Fish Fillets NG (Debian fillets-ng-data-cs/-nl,
 * ~1.7 h each) with the line texts of the game's dialogue scripts as transcripts. Splits are disjoint by game level
 * (dialogue), the same levels in every language; the two protagonists speak in every split.
 */
public final class FilletsSpeech {

    public static final List<String> LANGUAGES = List.of("cs", "nl");
    static final int FORMAT = 1;

    record Params(int format, String corpus, List<String> languages, double devFraction, double testFraction,
            List<Integer> maxLinesPerSplit, long seed, String gameDir, String decoder) {}

    private final Params params;
    private final CorpusDirectory dir;
    private final Path gameDir;
    private final AudioDecoder decoder;
    private final ProgressListener progress;

    private FilletsSpeech(Builder b) {
        this.params = new Params(FORMAT, "fillets-speech", List.copyOf(b.languages), b.devFraction, b.testFraction,
                List.of(b.maxTrain, b.maxDev, b.maxTest), b.seed, b.gameDir.toAbsolutePath().normalize().toString(),
                b.decoder.id());
        this.dir = new CorpusDirectory(b.outputDir, "Fish Fillets speech corpus");
        this.gameDir = b.gameDir;
        this.decoder = b.decoder;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The chosen lines per language: the split's lines, seeded order, at most the split's cap (0 = all). */
    static List<FilletsDialogues.Line> select(List<FilletsDialogues.Line> lines, Map<String, String> splitOfLevel,
            List<Integer> caps, long seed, String purpose) {
        List<FilletsDialogues.Line> out = new ArrayList<>();
        List<String> splits = List.of("train", "dev", "test");
        for (int i = 0; i < splits.size(); i++) {
            String split = splits.get(i);
            List<FilletsDialogues.Line> l = new ArrayList<>(lines.stream()
                    .filter(x -> split.equals(splitOfLevel.get(x.level()))).toList());
            Seeded.shuffle(l, Seeded.stream(seed, purpose + "/" + split));
            int cap = caps.get(i);
            out.addAll(cap > 0 && cap < l.size() ? l.subList(0, cap) : l);
        }
        return out;
    }

    static String splitOf(FilletsDialogues.Line line, Map<String, String> splitOfLevel) {
        return splitOfLevel.get(line.level());
    }

    /** Builds the corpus, or validates and returns an earlier complete build with the same parameters. */
    public CorpusInfo prepare() throws IOException {
        CorpusInfo done = dir.reuse(params);
        if (done != null) {
            return done;
        }
        List<String> needed = new ArrayList<>(List.of(FilletsDialogues.SCRIPT_PACKAGE));
        params.languages().forEach(l -> needed.add(FilletsDialogues.AUDIO_PACKAGES.get(l)));
        needed.addAll(decoder.debianPackages());
        DebianPackages.requireInstalled(needed);
        dir.clear();
        Map<String, String> splitOfLevel = FilletsDialogues.splitOfLevel(gameDir, params.devFraction(),
                params.testFraction(), params.seed());
        List<FilletsDialogues.Line> chosen = new ArrayList<>();
        Map<String, Integer> available = new TreeMap<>();
        for (String lang : params.languages()) {
            List<FilletsDialogues.Line> all = FilletsDialogues.lines(gameDir, lang);
            available.put(lang, all.size());
            chosen.addAll(select(all, splitOfLevel, params.maxLinesPerSplit(), params.seed(), "fillets/" + lang));
        }
        List<Utterance> decoded = Parallel.map(chosen, line -> {
            float[] x;
            try {
                x = decoder.read16k(line.audio());
            } catch (org.masrrepro.datasets.audio.EmptyAudioException e) {
                return null; // a few shipped recordings are empty Ogg streams: no speech for the line, left out
            }
            if (x.length == 0) {
                return null;
            }
            String id = "fillets-" + line.language() + "-" + line.id().replace('/', '-');
            String rel = dir.writeAudio("audio/" + line.language() + "/" + id + ".wav", x);
            return new Utterance(id, splitOf(line, splitOfLevel), line.language(), line.speaker(), "",
                    line.level() + "/" + line.role(), line.text(), rel, x.length, false);
        }, FilletsDialogues.Line::id, progress);
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (decoded.get(i) == null) {
                empty.add(chosen.get(i).language() + ":" + chosen.get(i).id());
            }
        }
        List<Utterance> utts = decoded.stream().filter(java.util.Objects::nonNull).toList();
        Map<String, String> packages = DebianPackages.versions(needed);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("lines_available", available);
        record.put("split_of_level", splitOfLevel);
        record.put("removed_empty_recordings", empty);
        CorpusCard.Builder card = CorpusCard.builder()
                .optTitle("Corpus card: Fish Fillets NG real speech (" + String.join(", ", params.languages()) + ")")
                .optDisclaimer("Real recorded speech as an MLS analog — not a standard ASR corpus.")
                .optDescription("Voice-acted game dialogue (Fish Fillets NG, ALTAR interactive; Czech original cast "
                        + "and Dutch dub) decoded from Ogg Vorbis (22.05 kHz, lossy) and resampled to 16 kHz; "
                        + "transcripts are the lines of the game's dialogue scripts, which the actors read but may "
                        + "have departed from slightly. A few actors speak everything, the two fish most lines, so "
                        + "this stands in for real-speech ASR (MLS) in two extra languages, not for MLS's many "
                        + "LibriVox readers.")
                .optSources(List.of(
                        "Audio: Debian " + String.join(", ", params.languages().stream()
                                .map(FilletsDialogues.AUDIO_PACKAGES::get).toList())
                                + " (GPL-2; see /usr/share/doc/<package>/copyright)",
                        "Transcripts: dialogue scripts of Debian fillets-ng-data (GPL-2), "
                                + "script/<level>/*dialogs_<lang>.lua, matched to sound/<level>/<lang>/<id>.ogg by id",
                        "Decoding: " + decoder.id() + " (the id of the Ogg decoder), then the "
                                + "project's resampler to 16 kHz; lines with no or empty script text are skipped"))
                .optNotes(List.of(
                        "Splits are disjoint by game level (dialogue): " + count(splitOfLevel, "train") + " train, "
                                + count(splitOfLevel, "dev") + " dev, " + count(splitOfLevel, "test")
                                + " test levels, the same in every language; NOT speaker-disjoint: the small fish (m) "
                                + "and big fish (v) voices occur in all splits",
                        "Lines with audio and text available per language: " + available
                                + "; lines per split capped at " + params.maxLinesPerSplit() + " (0 = all)",
                        "Lines left out because their shipped recording holds no audio (an empty Ogg stream): "
                                + empty.size() + (empty.isEmpty() ? "" : " " + empty),
                        "Seed: " + params.seed() + "; sentence_id is level/role; gender unknown (empty)"));
        return dir.finish(params, utts, packages, record, card);
    }

    private static long count(Map<String, String> splitOfLevel, String split) {
        return splitOfLevel.values().stream().filter(split::equals).count();
    }

    /** Configures a {@link FilletsSpeech}. */
    public static final class Builder {
        private Path outputDir;
        private List<String> languages = LANGUAGES;
        private double devFraction = 0.1;
        private double testFraction = 0.15;
        private int maxTrain;
        private int maxDev;
        private int maxTest;
        private long seed = 1;
        private Path gameDir = FilletsDialogues.GAME_DIR;
        private AudioDecoder decoder = AudioDecoder.JAVA;
        private ProgressListener progress = ProgressListener.NONE;

        public Builder setOutputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** Subset of cs, nl. */
        public Builder optLanguages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        /** Fractions of the game's levels in dev and test (default 0.1 and 0.15). */
        public Builder optLevelFractions(double dev, double test) {
            this.devFraction = dev;
            this.testFraction = test;
            return this;
        }

        /** At most this many lines per language in train, dev, test (seeded choice); 0 = all (the default). */
        public Builder optMaxLinesPerSplit(int train, int dev, int test) {
            this.maxTrain = train;
            this.maxDev = dev;
            this.maxTest = test;
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

        /** How Ogg Vorbis is decoded; default {@link AudioDecoder#JAVA}. */
        public Builder optDecoder(AudioDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        public Builder optProgress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        public FilletsSpeech build() {
            if (outputDir == null) {
                throw new IllegalStateException("FilletsSpeech: setOutputDir is required");
            }
            if (languages.isEmpty() || new HashSet<>(languages).size() != languages.size()
                    || !new TreeSet<>(LANGUAGES).containsAll(languages)) {
                throw new IllegalArgumentException("FilletsSpeech: languages must be distinct, from " + LANGUAGES
                        + ", found " + languages);
            }
            if (!(devFraction > 0 && testFraction > 0 && devFraction + testFraction < 1)) {
                throw new IllegalArgumentException("FilletsSpeech: need dev, test level fractions > 0 with sum < 1, found "
                        + devFraction + ", " + testFraction);
            }
            if (maxTrain < 0 || maxDev < 0 || maxTest < 0) {
                throw new IllegalArgumentException("FilletsSpeech: line caps must be >= 0 (0 = all)");
            }
            return new FilletsSpeech(this);
        }
    }
}
