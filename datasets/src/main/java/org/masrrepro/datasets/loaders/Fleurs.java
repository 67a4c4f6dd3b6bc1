package org.masrrepro.datasets.loaders;

import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FLEURS in its Hugging Face layout: {@code data/{locale}/{train,dev,test}.tsv} (no header; columns id, file_name,
 * raw_transcription, transcription, chars, num_samples, gender) with the audio per split under
 * {@code data/{locale}/audio/{split}/{file_name}}, or, as Hugging Face ships it, in {@code data/{locale}/audio/{split}.tar.gz}:
 * then the split's listed files are extracted into {@code optExtractDir} (never into the corpus), once (see
 * {@link ArchiveExtraction}); an extracted folder, where present, is read as it is. The language is the locale's part before the first '_'
 * ({@code en_us -> en}, {@code cmn_hans_cn -> cmn}) unless mapped; the transcript is the normalized
 * {@code transcription}; {@code sentenceId} is the FLEURS id, shared by the parallel sentence in every language.
 * FLEURS has no speaker ids, so {@code speaker} is empty.
 */
public final class Fleurs extends CorpusLoader {

    static final List<String> SPLITS = List.of("train", "dev", "test");

    private final Map<String, String> languageOf;
    private final Path extractDir;

    private Fleurs(Builder b) {
        super(b);
        this.languageOf = Map.copyOf(b.languageOf);
        this.extractDir = b.extractDir;
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
        int extracted = 0;
        int reused = 0;
        for (Path localeDir : subdirs(data)) {
            String locale = localeDir.getFileName().toString();
            String lang = language(locale);
            for (String split : SPLITS) {
                Path tsv = localeDir.resolve(split + ".tsv");
                if (!Files.isRegularFile(tsv)) {
                    continue; // a locale may lack a split
                }
                List<String[]> fields = fields(tsv);
                Path audioDir = localeDir.resolve("audio").resolve(split);
                Path tarball = localeDir.resolve("audio").resolve(split + ".tar.gz");
                if (!Files.isDirectory(audioDir) && Files.isRegularFile(tarball)) {
                    ArchiveExtraction.Result r = extract(tarball, locale, split, fields);
                    audioDir = r.dir();
                    if (r.reused()) {
                        reused++;
                    } else {
                        extracted++;
                    }
                    if (!r.missing().isEmpty()) {
                        note(locale + "/" + split + ": " + r.missing().size() + " listed file(s) not in " + tarball.getFileName()
                                + ", e.g. " + r.missing().get(0));
                    }
                }
                for (String[] f : fields) {
                    String file = f[1];
                    String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                    Path audio = audioDir.resolve(file);
                    out.add(Rows.row(locale + "_" + split + "_" + stem, split, lang, "", f[6], f[0], f[3],
                            audio.startsWith(root) ? rel(audio) : audio.toAbsolutePath().normalize().toString(), ""));
                }
            }
        }
        note("source: FLEURS (Hugging Face layout), locales under " + data);
        if (extracted + reused > 0) {
            note("audio: " + (extracted + reused) + " split archive(s) audio/{split}.tar.gz read through their extraction "
                    + "into " + extractDir + " (" + extracted + " extracted now, " + reused + " extracted earlier)");
        }
        return out;
    }

    /** The rows of a split file, checked; the gender field (index 6) already mapped to M, F or empty. */
    private static List<String[]> fields(Path tsv) throws IOException {
        List<String> lines = lines(tsv, "FLEURS split file");
        List<String[]> out = new ArrayList<>();
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
            f[6] = gender;
            out.add(f);
        }
        return out;
    }

    private ArchiveExtraction.Result extract(Path tarball, String locale, String split, List<String[]> fields)
            throws IOException {
        if (extractDir == null) {
            throw new IOException(tarball.getParent().resolve(split) + ": not found, but " + tarball.getFileName()
                    + " is: extract it there, or give the loader a directory to extract into (the harness's corpus "
                    + "step does so by itself)");
        }
        Path inCorpus = root.toAbsolutePath().normalize();
        if (extractDir.toAbsolutePath().normalize().startsWith(inCorpus)) {
            throw new IOException(extractDir + ": the extraction directory lies inside the corpus " + inCorpus
                    + "; give one outside it (the corpus is only read)");
        }
        Set<String> wanted = new LinkedHashSet<>();
        fields.forEach(f -> wanted.add(f[1]));
        return ArchiveExtraction.extract(tarball, extractDir.resolve(locale).resolve(split), wanted, progress(),
                "extract " + locale + "/" + split);
    }

    /** Configures a {@link Fleurs} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private Map<String, String> languageOf = Map.of();
        private Path extractDir;

        /**
         * Where {@code audio/{split}.tar.gz} archives are extracted when {@code audio/{split}/} is absent, as
         * {@code {dir}/{locale}/{split}/}; a directory of the caller's, never inside the corpus. Absent: such a split
         * is an error saying so.
         */
        public Builder optExtractDir(Path dir) {
            this.extractDir = dir;
            return this;
        }

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
