package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * VoxForge, the submission archives extracted per language: {@code {root}/{language}/{user}-{date}-{tag}/} each with
 * the audio in {@code wav/} or {@code flac/}, and optionally {@code etc/PROMPTS} ({@code .../{utt} TEXT} lines, the
 * transcripts) and {@code etc/README} (a {@code Gender:} line). The language folder names are the manifest codes
 * (VoxForge's de, en, es, fr, it, ru) unless mapped. The speaker is the submission's user name (every
 * {@code anonymous} submission counts as its own speaker). VoxForge has no official split, so speakers are shuffled
 * per language with a seed and assigned to test, dev and train by fraction: speaker-disjoint and deterministic.
 */
public final class VoxForge extends CorpusLoader {

    private final Map<String, String> languageOf;
    private final SeededSplit split;

    private VoxForge(Builder b) {
        super(b);
        this.languageOf = Map.copyOf(b.languageOf);
        try {
            this.split = new SeededSplit(b.seed, b.devFraction, b.testFraction);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("VoxForge: " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "voxforge";
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        List<Utterance> out = new ArrayList<>();
        for (Path langDir : subdirs(root)) {
            String folder = langDir.getFileName().toString();
            String lang = languageOf.getOrDefault(folder, folder);
            // speaker -> rows (split filled in below)
            Map<String, List<Utterance>> bySpeaker = new TreeMap<>();
            for (Path session : subdirs(langDir)) {
                String name = session.getFileName().toString();
                int dash = name.indexOf('-');
                String user = dash > 0 ? name.substring(0, dash) : name;
                String speaker = lang + "_" + (user.equalsIgnoreCase("anonymous") ? name : user);
                String gender = gender(session.resolve("etc").resolve("README"));
                Map<String, String> prompts = prompts(session.resolve("etc").resolve("PROMPTS"));
                for (Path audio : audio(session)) {
                    String file = audio.getFileName().toString();
                    String stem = file.substring(0, file.lastIndexOf('.'));
                    bySpeaker.computeIfAbsent(speaker, k -> new ArrayList<>()).add(Rows.row(lang + "_" + name + "_" + stem,
                            "", lang, speaker, gender, "", prompts.getOrDefault(stem, ""), rel(audio), ""));
                }
            }
            out.addAll(split(lang, bySpeaker));
        }
        note(split.describe("speakers", "speaker-disjoint"));
        return out;
    }

    private List<Utterance> split(String lang, Map<String, List<Utterance>> bySpeaker) {
        if (bySpeaker.size() < 3) {
            note(lang + ": only " + bySpeaker.size() + " speaker(s), all in train");
        }
        Map<String, String> splitOf = split.assign(lang, new ArrayList<>(bySpeaker.keySet())); // sorted: reproducible
        List<Utterance> out = new ArrayList<>();
        bySpeaker.forEach((spk, rows) -> rows.forEach(u -> out.add(new Utterance(u.id(), splitOf.get(spk), u.language(),
                u.speaker(), u.gender(), u.sentenceId(), u.transcript(), u.audioPath(), 0, false, "", Double.NaN,
                Double.NaN))));
        return out;
    }

    private static List<Path> audio(Path session) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("wav", "flac")) {
            Path d = session.resolve(sub);
            if (Files.isDirectory(d)) {
                out.addAll(files(d, "." + sub));
            }
        }
        return out;
    }

    private static Map<String, String> prompts(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (String line : lenientLines(file)) {
            String t = line.trim();
            int sp = t.indexOf(' ');
            if (sp > 0) {
                String key = t.substring(0, sp);
                out.put(key.substring(key.lastIndexOf('/') + 1), t.substring(sp + 1).trim());
            }
        }
        return out;
    }

    private static String gender(Path readme) throws IOException {
        if (!Files.isRegularFile(readme)) {
            return "";
        }
        for (String line : lenientLines(readme)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("gender:")) {
                String g = Rows.gender(line.substring(7).replaceAll("[\\[\\]]", ""));
                return g == null ? "" : g; // "Please Select" and the like: unknown
            }
        }
        return "";
    }

    /** Configures a {@link VoxForge} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private Map<String, String> languageOf = Map.of();
        private long seed = 1;
        private double devFraction = 0.1;
        private double testFraction = 0.1;

        /** Seed of the speaker shuffle; default 1. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Fractions of each language's speakers in dev and test (defaults 0.1 and 0.1). */
        public Builder optFractions(double dev, double test) {
            this.devFraction = dev;
            this.testFraction = test;
            return this;
        }

        /** Language folder name -> manifest language code. */
        public Builder optLanguageMap(Map<String, String> folderToLanguage) {
            this.languageOf = Map.copyOf(folderToLanguage);
            return this;
        }

        @Override
        public VoxForge build() {
            return new VoxForge(this);
        }
    }
}
