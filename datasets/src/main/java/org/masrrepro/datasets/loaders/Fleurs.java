package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FLEURS in its Hugging Face layout: {@code data/{locale}/{train,dev,test}.tsv} (no header; columns id, file_name,
 * raw_transcription, transcription, chars, num_samples, gender) with the audio extracted per split under
 * {@code data/{locale}/audio/{split}/{file_name}}. The language is the locale's part before the first '_'
 * ({@code en_us -> en}, {@code cmn_hans_cn -> cmn}) unless mapped; the transcript is the normalized
 * {@code transcription}; {@code sentenceId} is the FLEURS id, shared by the parallel sentence in every language.
 * FLEURS has no speaker ids, so {@code speaker} is empty.
 */
public final class Fleurs extends CorpusLoader {

    static final List<String> SPLITS = List.of("train", "dev", "test");

    private final Map<String, String> languageOf;

    private Fleurs(Builder b) {
        super(b);
        this.languageOf = Map.copyOf(b.languageOf);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "fleurs_hf";
    }

    /** Manifest language of a FLEURS locale directory name. */
    String language(String locale) {
        String mapped = languageOf.get(locale);
        if (mapped != null) {
            return mapped;
        }
        int cut = locale.indexOf('_');
        return cut > 0 ? locale.substring(0, cut) : locale;
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        Path data = root.resolve("data");
        if (!Files.isDirectory(data)) {
            throw new IOException(data + ": FLEURS data/ directory not found (expected data/{locale}/{split}.tsv)");
        }
        List<Utterance> out = new ArrayList<>();
        for (Path localeDir : subdirs(data)) {
            String locale = localeDir.getFileName().toString();
            String lang = language(locale);
            for (String split : SPLITS) {
                Path tsv = localeDir.resolve(split + ".tsv");
                if (!Files.isRegularFile(tsv)) {
                    continue; // a locale may lack a split
                }
                List<String> lines = lines(tsv, "FLEURS split file");
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = tabs(line);
                    if (f.length != 7) {
                        throw new IOException(tsv + ": line " + (i + 1) + ": " + f.length + " tab-separated fields, "
                                + "expected 7 (id, file_name, raw_transcription, transcription, chars, num_samples, gender)");
                    }
                    String gender = Rows.gender(f[6]);
                    if (gender == null) {
                        throw new IOException(tsv + ": line " + (i + 1) + ": gender '" + f[6] + "' is not MALE, FEMALE or OTHER");
                    }
                    String file = f[1];
                    String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                    String audio = rel(localeDir.resolve("audio").resolve(split).resolve(file));
                    out.add(Rows.row(locale + "_" + split + "_" + stem, split, lang, "", gender, f[0], f[3], audio, ""));
                }
            }
        }
        note("source: FLEURS (Hugging Face layout), locales under " + data);
        return out;
    }

    /** Configures a {@link Fleurs} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private Map<String, String> languageOf = Map.of();

        /** Locale directory -> manifest language, overriding the prefix rule (e.g. {@code cmn_hans_cn -> zh}). */
        public Builder optLanguageMap(Map<String, String> localeToLanguage) {
            this.languageOf = Map.copyOf(localeToLanguage);
            return this;
        }

        @Override
        public Fleurs build() {
            return new Fleurs(this);
        }
    }
}
