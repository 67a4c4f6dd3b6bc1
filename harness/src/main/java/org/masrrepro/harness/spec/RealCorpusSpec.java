package org.masrrepro.harness.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real corpus on disk, read in its distributed layout by one of the loaders of
 * {@code org.masrrepro.datasets.loaders}; the corpus step writes a manifest whose audio paths point at the real files.
 * Options that do not apply to the chosen format are errors, so a spec never carries a setting that is silently unused.
 */
@TypeName("real")
public record RealCorpusSpec(
        @Doc("label shown in every table that uses this corpus") String label,
        @Doc("loader: fleurs_hf, mls, dhvani, voxforge, asvspoof2019_la, iemocap, esc50, compare_mask or manifest") String format,
        @Doc("corpus directory as distributed; a relative path resolves against --data-dir") String dir,
        @Opt @Doc("languages to keep, in class order (manifest codes); empty = all the corpus has") List<String> languages,
        @Opt @Doc("languages also in the pretraining corpus (the paper's 'overlapped')") List<String> overlapped,
        @Opt @Doc("leave out missing/undecodable audio files and list them in the card; default false = fail naming the file") Boolean skipBadFiles,
        @Opt @Doc("mls: language code of the directory; default from its name mls_<language>") String language,
        @Opt @Doc("fleurs_hf, dhvani, voxforge: directory name -> language code") Map<String, String> languageMap,
        @Opt @Doc("esc50: test fold; iemocap: test session; default 5") Integer testFold,
        @Opt @Doc("esc50: dev fold; iemocap: dev session; 0 = no dev; default 4") Integer devFold,
        @Opt @Doc("voxforge: fraction of each language's speakers in dev; default 0.1") Double devFraction,
        @Opt @Doc("voxforge: fraction of each language's speakers in test; default 0.1") Double testFraction,
        @Opt @Doc("dhvani: split of every row; default pretrain") String split,
        @Opt @Doc("manifest: the CSV, relative to dir; default manifest.csv") String manifest,
        @Opt @Doc("manifest: CSV column -> known field (path, id, split, language, ...) or 'ignore'") Map<String, String> columns,
        @Opt @Doc("manifest: split of rows without one") String defaultSplit,
        @Opt @Doc("manifest: language of rows without one; default und") String defaultLanguage,
        @Opt @Doc("voxforge: seed of the speaker split; absent = derived from the root seed") Long seed) implements CorpusSpec {

    /** Formats the corpus step can read. */
    public static final List<String> FORMATS = List.of("fleurs_hf", "mls", "dhvani", "voxforge", "asvspoof2019_la",
            "iemocap", "esc50", "compare_mask", "manifest");

    public RealCorpusSpec {
        Check.that(label != null && !label.isBlank(), "label must not be empty");
        Check.oneOf("format", format, FORMATS);
        Check.that(dir != null && !dir.isBlank(), "dir must name the corpus directory");
        Check.that(new HashSet<>(languages).size() == languages.size(), "languages has duplicates: " + languages);
        for (String o : overlapped) {
            Check.that(languages.isEmpty() || languages.contains(o),
                    "overlapped language \"" + o + "\" is not in languages " + languages);
        }
        only(format, "language", language, "mls");
        only(format, "language_map", languageMap, "fleurs_hf", "dhvani", "voxforge");
        only(format, "test_fold", testFold, "esc50", "iemocap");
        only(format, "dev_fold", devFold, "esc50", "iemocap");
        only(format, "dev_fraction", devFraction, "voxforge");
        only(format, "test_fraction", testFraction, "voxforge");
        only(format, "seed", seed, "voxforge");
        only(format, "split", split, "dhvani");
        only(format, "manifest", manifest, "manifest");
        only(format, "columns", columns, "manifest");
        only(format, "default_split", defaultSplit, "manifest");
        only(format, "default_language", defaultLanguage, "manifest");
        languages = List.copyOf(languages);
        overlapped = List.copyOf(overlapped);
    }

    private static void only(String format, String field, Object value, String... formats) {
        Check.that(value == null || Set.of(formats).contains(format),
                field + " applies to format " + String.join("/", formats) + " only, not " + format);
    }

    /** The same spec reading the corpus from {@code newDir}. */
    public RealCorpusSpec withDir(String newDir) {
        return new RealCorpusSpec(label, format, newDir, languages, overlapped, skipBadFiles, language, languageMap,
                testFold, devFold, devFraction, testFraction, split, manifest, columns, defaultSplit, defaultLanguage, seed);
    }

    /** {@link #skipBadFiles()} with its default. */
    public boolean skipBad() {
        return skipBadFiles != null && skipBadFiles;
    }

    /** {@link #languageMap()} or empty. */
    public Map<String, String> languageMapOrEmpty() {
        return languageMap == null ? Map.of() : languageMap;
    }

    /** {@link #columns()} or empty. */
    public Map<String, String> columnsOrEmpty() {
        return columns == null ? Map.of() : columns;
    }
}
