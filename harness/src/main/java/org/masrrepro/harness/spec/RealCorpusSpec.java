package org.masrrepro.harness.spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        @Opt @Doc("mls: several languages in one corpus, language code -> MLS directory as distributed (mls_german, "
                + "...), relative to dir or absolute; languages defaults to its keys") Map<String, String> dirs,
        @Opt @Doc("fleurs_hf, dhvani, voxforge: directory name -> language code") Map<String, String> languageMap,
        @Opt @Doc("esc50: test fold; iemocap: test session; default 5") Integer testFold,
        @Opt @Doc("esc50: dev fold; iemocap: dev session; 0 = no dev; default 4") Integer devFold,
        @Opt @Doc("voxforge: fraction of each language's speakers in dev; dhvani with split random: of its utterances; default 0.1") Double devFraction,
        @Opt @Doc("voxforge: fraction of each language's speakers in test; dhvani with split random: of its utterances; default 0.1") Double testFraction,
        @Opt @Doc("dhvani: by_name (default: train.tsv -> train, valid.tsv or dev.tsv -> dev, test.tsv -> test), random "
                + "(a seeded split of each language's utterances: dev_fraction, test_fraction, seed), or one split for "
                + "every row: pretrain, train, dev or test") String split,
        @Opt @Doc("manifest: the CSV, relative to dir; default manifest.csv") String manifest,
        @Opt @Doc("manifest: CSV column -> known field (path, id, split, language, ...) or 'ignore'") Map<String, String> columns,
        @Opt @Doc("manifest: split of rows without one") String defaultSplit,
        @Opt @Doc("manifest: language of rows without one; default und") String defaultLanguage,
        @Opt @Doc("voxforge, dhvani with split random: seed of the split; absent = derived from the root seed") Long seed) implements CorpusSpec {

    /** Formats the corpus step can read. */
    public static final List<String> FORMATS = List.of("fleurs_hf", "mls", "dhvani", "voxforge", "asvspoof2019_la",
            "iemocap", "esc50", "compare_mask", "manifest");

    /** Dhvani's split rules: from the manifest names (the default), drawn with a seed, or one split for every row. */
    public static final List<String> DHVANI_SPLITS = List.of("by_name", "random", "pretrain", "train", "dev", "test");

    public RealCorpusSpec {
        Check.that(label != null && !label.isBlank(), "label must not be empty");
        Check.oneOf("format", format, FORMATS);
        Check.that(dir != null && !dir.isBlank(), "dir must name the corpus directory");
        Check.that(new HashSet<>(languages).size() == languages.size(), "languages has duplicates: " + languages);
        only(format, "language", language, "mls");
        only(format, "dirs", dirs, "mls");
        if (dirs != null) {
            checkDirs(dirs, language, languages);
            if (languages.isEmpty()) {
                languages = List.copyOf(dirs.keySet());
            }
            dirs = Collections.unmodifiableMap(new LinkedHashMap<>(dirs)); // in class order
        }
        for (String o : overlapped) {
            Check.that(languages.isEmpty() || languages.contains(o),
                    "overlapped language \"" + o + "\" is not in languages " + languages);
        }
        only(format, "language_map", languageMap, "fleurs_hf", "dhvani", "voxforge");
        only(format, "test_fold", testFold, "esc50", "iemocap");
        only(format, "dev_fold", devFold, "esc50", "iemocap");
        only(format, "split", split, "dhvani");
        if (split != null) {
            Check.oneOf("split", split, DHVANI_SPLITS);
        } else if (format.equals("dhvani")) {
            // The default rule, spelled out once: in the step's identity, the provenance and the loader alike.
            split = "by_name";
        }
        boolean drawn = format.equals("voxforge") || format.equals("dhvani") && "random".equals(split);
        drawnOnly(drawn, format, "dev_fraction", devFraction);
        drawnOnly(drawn, format, "test_fraction", testFraction);
        drawnOnly(drawn, format, "seed", seed);
        if (drawn) {
            double dev = devFraction == null ? 0.1 : devFraction;
            double test = testFraction == null ? 0.1 : testFraction;
            Check.that(dev >= 0 && test > 0 && dev + test < 1, "dev_fraction and test_fraction need dev >= 0, test > 0 "
                    + "and dev + test < 1, found " + dev + " and " + test);
        }
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

    private static void checkDirs(Map<String, String> dirs, String language, List<String> languages) {
        Check.that(!dirs.isEmpty(), "dirs must name at least one language directory, e.g. {\"de\": \"mls_german\"}");
        Check.that(language == null, "language and dirs exclude each other: with dirs each directory's language is its "
                + "key; drop language");
        Set<String> seen = new HashSet<>();
        dirs.forEach((lang, d) -> {
            Check.that(!lang.isBlank(), "dirs: a language code must not be empty");
            Check.that(d != null && !d.isBlank(), "dirs." + lang + " must name the MLS directory of " + lang);
            Check.that(seen.add(Path.of(d).normalize().toString()), "dirs." + lang + ": \"" + d
                    + "\" is also the directory of another language");
        });
        List<String> unknown = languages.stream().filter(l -> !dirs.containsKey(l)).toList();
        Check.that(unknown.isEmpty(), "languages " + unknown + " have no directory in dirs, whose languages are "
                + dirs.keySet());
    }

    private static void drawnOnly(boolean drawn, String format, String field, Object value) {
        Check.that(value == null || drawn, field + " applies to format voxforge, and to dhvani with \"split\": \"random\", only"
                + (format.equals("dhvani") ? " (the split here is by manifest name or one split for every row)" : ", not " + format));
    }

    /**
     * Whether the corpus can have a {@code pretrain} split, which pretraining reads: dhvani with {@code "split":
     * "pretrain"}, and a manifest CSV (its rows say; only reading them tells). The other formats have none.
     */
    public boolean mayHavePretrainSplit() {
        return format.equals("manifest") || format.equals("dhvani") && "pretrain".equals(split);
    }

    /** Whether the loader draws a split with {@link #seed()} (so the seed is part of the corpus's identity). */
    public boolean drawsSplit() {
        return format.equals("voxforge") || format.equals("dhvani") && "random".equals(split);
    }

    /** {@link #devFraction()} with its default. */
    public double devFractionOrDefault() {
        return devFraction == null ? 0.1 : devFraction;
    }

    /** {@link #testFraction()} with its default. */
    public double testFractionOrDefault() {
        return testFraction == null ? 0.1 : testFraction;
    }

    /** The same spec reading the corpus from {@code newDir}. */
    public RealCorpusSpec withDir(String newDir) {
        return new RealCorpusSpec(label, format, newDir, languages, overlapped, skipBadFiles, language, dirs, languageMap,
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
