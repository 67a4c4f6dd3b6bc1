package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dhvani (Vakyansh) pretraining audio: one folder per language, {@code {root}/{language}/}, holding the audio and
 * fairseq-style manifests {@code *.tsv}: a first line naming the audio root, then {@code relpath<TAB>num_samples}
 * lines. The audio root is used when it is an existing directory (absolute, or relative to the TSV's folder);
 * otherwise (a path on the machine the corpus was made on) the audio is looked up relative to the TSV's folder.
 * Splits, by default, follow the fairseq manifest names: {@code train.tsv -> train}, {@code valid.tsv} or
 * {@code dev.tsv -> dev}, {@code test.tsv -> test}; any other manifest name is then an error. For manifests that are
 * not split, {@code optSplit} gives every row one split ({@code pretrain}: unlabeled pretraining audio) and
 * {@code optRandomSplit} draws a seeded train/dev/test split of each language's utterances (fairseq manifests name no
 * speakers, so it is not speaker-disjoint). The language is the folder name unless mapped. A file listed in two TSVs
 * is an error.
 */
public final class Dhvani extends CorpusLoader {

    /** The split each fairseq manifest name stands for. */
    static final Map<String, String> SPLIT_OF_MANIFEST = Map.of("train.tsv", "train", "valid.tsv", "dev", "dev.tsv",
            "dev", "test.tsv", "test");

    private final Map<String, String> languageOf;
    private final String split; // one split for every row, or null
    private final SeededSplit random; // or null

    private Dhvani(Builder b) {
        super(b);
        this.languageOf = Map.copyOf(b.languageOf);
        this.split = b.split;
        this.random = b.random;
        if (split != null && !ManifestCsv.SPLITS.contains(split)) {
            throw new IllegalArgumentException("Dhvani: split '" + split + "' is not one of "
                    + new java.util.TreeSet<>(ManifestCsv.SPLITS));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "dhvani";
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        List<Utterance> out = new ArrayList<>();
        Map<String, Path> listedIn = new HashMap<>();
        for (Path langDir : subdirs(root)) {
            String folder = langDir.getFileName().toString();
            String lang = languageOf.getOrDefault(folder, folder);
            List<Utterance> ofLanguage = new ArrayList<>();
            for (Path tsv : files(langDir, ".tsv")) {
                String rowSplit = splitOf(tsv);
                List<String> lines = lines(tsv, "fairseq manifest");
                if (lines.isEmpty()) {
                    throw new IOException(tsv + ": empty manifest (the first line must name the audio root)");
                }
                Path audioRoot = audioRoot(tsv, lines.get(0).trim());
                for (int i = 1; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = tabs(line);
                    if (f.length != 2 || f[0].isEmpty()) {
                        throw new IOException(tsv + ": line " + (i + 1) + ": expected relpath<TAB>num_samples, found "
                                + f.length + " field(s)");
                    }
                    try {
                        Long.parseLong(f[1].trim());
                    } catch (NumberFormatException e) {
                        throw new IOException(tsv + ": line " + (i + 1) + ": num_samples '" + f[1] + "' is not an integer");
                    }
                    Path file = audioRoot.resolve(f[0]).normalize();
                    Path prev = listedIn.put(file.toString(), tsv);
                    if (prev != null) {
                        throw new IOException(tsv + ": line " + (i + 1) + ": " + f[0] + " is also listed in " + prev);
                    }
                    String stem = f[0].replaceAll("\\.[^./]*$", "").replace('/', '_');
                    String audio = file.startsWith(root) ? rel(file) : file.toAbsolutePath().toString();
                    ofLanguage.add(Rows.row(lang + "_" + stem, rowSplit, lang, "", "", "", "", audio, ""));
                }
            }
            out.addAll(random == null ? ofLanguage : drawn(lang, ofLanguage));
        }
        note("source: Dhvani, fairseq manifests under " + root);
        note(split != null ? "split: every row in split '" + split + "'" : random != null
                ? random.describe("utterances", "not speaker-disjoint: fairseq manifests name no speakers")
                : "split: by manifest name (train.tsv -> train, valid.tsv or dev.tsv -> dev, test.tsv -> test)");
        return out;
    }

    /** The split of every row of {@code tsv}: the fixed one, none yet (random), or the manifest name's. */
    private String splitOf(Path tsv) throws IOException {
        if (split != null || random != null) {
            return split != null ? split : "";
        }
        String name = tsv.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String s = SPLIT_OF_MANIFEST.get(name);
        if (s == null) {
            throw new IOException(tsv + ": the manifest name '" + tsv.getFileName() + "' names no split (train.tsv, "
                    + "valid.tsv or dev.tsv, test.tsv); for manifests that are not split, set the split to pretrain "
                    + "(every row, for pretraining) or to random (a seeded train/dev/test split of the utterances)");
        }
        return s;
    }

    /** One language's rows with the seeded utterance-level split. */
    private List<Utterance> drawn(String lang, List<Utterance> rows) {
        if (rows.size() < 3) {
            note(lang + ": only " + rows.size() + " utterance(s), all in train");
        }
        Map<String, String> splitOf = random.assign(lang, rows.stream().map(Utterance::id).sorted().toList());
        return rows.stream().map(u -> Rows.withSplit(u, splitOf.get(u.id()))).toList();
    }

    private static Path audioRoot(Path tsv, String first) {
        Path dir = tsv.getParent();
        if (first.isEmpty()) {
            return dir;
        }
        try {
            Path p = dir.resolve(first); // an absolute first line resolves to itself
            if (Files.isDirectory(p)) {
                return p;
            }
        } catch (InvalidPathException e) {
            // not a usable path on this machine
        }
        return dir;
    }

    /** Configures a {@link Dhvani} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private Map<String, String> languageOf = Map.of();
        private String split;
        private SeededSplit random;

        /** Language folder name -> manifest language code (e.g. {@code hindi -> hi}). */
        public Builder optLanguageMap(Map<String, String> folderToLanguage) {
            this.languageOf = Map.copyOf(folderToLanguage);
            return this;
        }

        /** Every row gets this split (pretrain, train, dev or test), whatever its manifest's name. */
        public Builder optSplit(String split) {
            this.split = split;
            this.random = null;
            return this;
        }

        /**
         * A seeded split of each language's utterances, whatever the manifest names: {@code test} and {@code dev}
         * of them (fractions) to test and dev, the rest to train.
         */
        public Builder optRandomSplit(long seed, double dev, double test) {
            this.random = new SeededSplit(seed, dev, test);
            this.split = null;
            return this;
        }

        /** Splits from the manifest names (train.tsv, valid.tsv or dev.tsv, test.tsv): the default. */
        public Builder optSplitByManifestName() {
            this.split = null;
            this.random = null;
            return this;
        }

        @Override
        public Dhvani build() {
            return new Dhvani(this);
        }
    }
}
