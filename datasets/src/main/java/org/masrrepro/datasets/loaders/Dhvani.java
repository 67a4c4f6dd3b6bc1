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
 * Every row gets the split {@code optSplit} (default {@code pretrain}: Dhvani is unlabeled) and the folder name as
 * its language unless mapped. A file listed in two TSVs is an error.
 */
public final class Dhvani extends CorpusLoader {

    private final Map<String, String> languageOf;
    private final String split;

    private Dhvani(Builder b) {
        super(b);
        this.languageOf = Map.copyOf(b.languageOf);
        this.split = b.split;
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
            for (Path tsv : files(langDir, ".tsv")) {
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
                    out.add(Rows.row(lang + "_" + stem, split, lang, "", "", "", "", audio, ""));
                }
            }
        }
        note("source: Dhvani, fairseq manifests under " + root + "; every row in split '" + split + "'");
        return out;
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
        private String split = "pretrain";

        /** Language folder name -> manifest language code (e.g. {@code hindi -> hi}). */
        public Builder optLanguageMap(Map<String, String> folderToLanguage) {
            this.languageOf = Map.copyOf(folderToLanguage);
            return this;
        }

        /** The split every row gets; default {@code pretrain}. */
        public Builder optSplit(String split) {
            this.split = split;
            return this;
        }

        @Override
        public Dhvani build() {
            return new Dhvani(this);
        }
    }
}
