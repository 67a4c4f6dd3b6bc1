package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multilingual LibriSpeech, one language per directory as distributed ({@code mls_german/}):
 * {@code {train,dev,test}/transcripts.txt} with lines {@code SPK_BOOK_UTT<TAB>text} and the audio at
 * {@code {split}/audio/{SPK}/{BOOK}/{SPK_BOOK_UTT}.flac} (the FLAC release; Opus is not decoded). The
 * language comes from the directory name ({@code mls_german -> de}) or {@code optLanguage}. Gender comes from
 * {@code metainfo.txt} ({@code SPEAKER | GENDER | PARTITION | ...}) when present. With {@code optLanguageDirs} one
 * corpus reads several such directories (MLS ships one per language), each with its language; their ids are then
 * prefixed with the language ({@code de_1844_931_000002}), as MLS does not promise ids unique across languages.
 */
public final class MultilingualLibriSpeech extends CorpusLoader {

    static final Map<String, String> LANGUAGES = Map.of("english", "en", "german", "de", "dutch", "nl", "french", "fr",
            "spanish", "es", "italian", "it", "portuguese", "pt", "polish", "pl");

    private final String language;
    private final Map<String, Path> languageDirs;

    private MultilingualLibriSpeech(Builder b) {
        super(b);
        this.language = b.language;
        this.languageDirs = Collections.unmodifiableMap(new LinkedHashMap<>(b.languageDirs));
        if (language != null && !languageDirs.isEmpty()) {
            throw new IllegalArgumentException("MLS: set either one directory's language or the language directories, "
                    + "not both (each language directory's language is its key)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "mls";
    }

    private String language() throws IOException {
        if (language != null) {
            return language;
        }
        String name = root.toAbsolutePath().normalize().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String key = name.startsWith("mls_") ? name.substring(4) : name;
        String code = LANGUAGES.get(key);
        if (code == null) {
            throw new IOException(root + ": cannot tell the MLS language from the directory name '" + name
                    + "' (expected mls_<language>, e.g. mls_german); set the language option");
        }
        return code;
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        if (languageDirs.isEmpty()) {
            String lang = language();
            List<Utterance> out = rows(root, lang, "");
            note("source: Multilingual LibriSpeech (" + lang + "), " + root);
            return out;
        }
        List<Utterance> out = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Map.Entry<String, Path> e : languageDirs.entrySet()) {
            Path dir = root.resolve(e.getValue()).normalize();
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + ": MLS directory of language '" + e.getKey() + "' not found (expected "
                        + "one language of MLS as distributed, e.g. mls_german with train/, dev/, test/)");
            }
            out.addAll(rows(dir, e.getKey(), e.getKey() + "_"));
            read.add(e.getKey() + " (" + e.getValue() + ")");
        }
        note("source: Multilingual LibriSpeech, " + read.size() + " language directories under " + root + ": "
                + String.join(", ", read));
        return out;
    }

    /** One language directory's rows; {@code idPrefix} is prepended to the MLS ids. */
    private List<Utterance> rows(Path dir, String lang, String idPrefix) throws IOException {
        Map<String, String> genders = genders(dir);
        List<Utterance> out = new ArrayList<>();
        for (String split : Fleurs.SPLITS) {
            Path transcripts = dir.resolve(split).resolve("transcripts.txt");
            if (!Files.isRegularFile(transcripts)) {
                continue;
            }
            List<String> lines = lines(transcripts, "MLS transcripts");
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String id = tab < 0 ? "" : line.substring(0, tab);
                String[] parts = id.split("_");
                if (tab < 0 || parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                    throw new IOException(transcripts + ": line " + (i + 1) + ": expected SPK_BOOK_UTT<TAB>text, found '"
                            + (line.length() > 60 ? line.substring(0, 60) + "..." : line) + "'");
                }
                Path file = dir.resolve(split).resolve("audio").resolve(parts[0]).resolve(parts[1]).resolve(id + ".flac");
                String audio = file.startsWith(root) ? rel(file) : file.toAbsolutePath().toString();
                out.add(Rows.row(idPrefix + id, split, lang, lang + "_" + parts[0], genders.getOrDefault(parts[0], ""),
                        "", line.substring(tab + 1).trim(), audio, ""));
            }
        }
        if (out.isEmpty()) {
            throw new IOException(dir + ": no {train,dev,test}/transcripts.txt found (MLS layout)");
        }
        return out;
    }

    private Map<String, String> genders(Path dir) throws IOException {
        Path meta = dir.resolve("metainfo.txt");
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(meta)) {
            return out;
        }
        List<String> lines = lines(meta, "MLS metainfo");
        for (int i = 1; i < lines.size(); i++) { // line 1 is the header
            String[] f = lines.get(i).split("\\|");
            if (f.length >= 2) {
                String g = Rows.gender(f[1]);
                if (g == null) {
                    throw new IOException(meta + ": line " + (i + 1) + ": gender '" + f[1].trim() + "' is not M or F");
                }
                out.put(f[0].trim(), g);
            }
        }
        return out;
    }

    /** Configures a {@link MultilingualLibriSpeech} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private String language;
        private Map<String, Path> languageDirs = Map.of();

        /** The manifest language of this MLS directory, instead of deriving it from the directory name. */
        public Builder optLanguage(String language) {
            this.language = language;
            return this;
        }

        /**
         * Several MLS language directories in one corpus, in class order: language code -> directory, relative to
         * the root (or absolute). The root is then the folder holding them, not itself an MLS directory.
         */
        public Builder optLanguageDirs(Map<String, Path> languageToDir) {
            this.languageDirs = new LinkedHashMap<>(languageToDir);
            return this;
        }

        @Override
        public MultilingualLibriSpeech build() {
            return new MultilingualLibriSpeech(this);
        }
    }
}
