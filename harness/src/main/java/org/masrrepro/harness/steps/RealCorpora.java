package org.masrrepro.harness.steps;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.loaders.AsvSpoof2019La;
import org.masrrepro.datasets.loaders.CompareMask;
import org.masrrepro.datasets.loaders.CorpusLoader;
import org.masrrepro.datasets.loaders.Dhvani;
import org.masrrepro.datasets.loaders.Esc50;
import org.masrrepro.datasets.loaders.Fleurs;
import org.masrrepro.datasets.loaders.Iemocap;
import org.masrrepro.datasets.loaders.LoadedCorpus;
import org.masrrepro.datasets.loaders.ManifestCsv;
import org.masrrepro.datasets.loaders.MultilingualLibriSpeech;
import org.masrrepro.datasets.loaders.RealCorpusCard;
import org.masrrepro.datasets.loaders.VoxForge;
import org.masrrepro.datasets.util.AtomicFiles;
import org.masrrepro.datasets.util.DirectoryFingerprint;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.harness.spec.AsrSpec;
import org.masrrepro.harness.spec.CorpusSpec;
import org.masrrepro.harness.spec.DownstreamSpec;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.LidSpec;
import org.masrrepro.harness.spec.ProbeSpec;
import org.masrrepro.harness.spec.RealCorpusSpec;
import org.masrrepro.harness.spec.Records;
import org.masrrepro.harness.spec.SpecJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a {@link RealCorpusSpec} for the corpus step: reads the corpus with its loader and writes
 * {@code manifest.csv} (absolute audio paths into the real corpus; nothing is copied) and {@code card.md}.
 */
public final class RealCorpora {

    private RealCorpora() {}

    /** Where a relative corpus dir resolves when no --data-dir is given: the same default as {@link StepRunner}'s. */
    public static Path defaultDataDir() {
        return Environment.repoRoot().resolve("..").resolve("shared").resolve("data").normalize();
    }

    /**
     * The spec with every real corpus's relative dir (the experiment's corpus and a downstream corpus) made absolute
     * against {@code dataDir} (null = the default), so each corpus step's identity (its hash) names the directory
     * actually read: the same spec run with another --data-dir is another corpus, never a reuse of the first. Specs
     * without relative real dirs are returned as they are.
     */
    public static ExperimentSpec withResolvedCorpusDir(ExperimentSpec spec, Path dataDir) {
        Path base = dataDir == null ? defaultDataDir() : dataDir;
        ExperimentSpec out = spec;
        CorpusSpec own = resolved(spec.corpus(), base);
        if (own != spec.corpus()) {
            out = Records.with(out, "corpus", own);
        }
        if (spec.downstream() instanceof Record d) {
            CorpusSpec down = downstreamCorpus(spec.downstream());
            CorpusSpec r = resolved(down, base);
            if (r != down) {
                out = Records.with(out, "downstream", Records.with(d, "corpus", r));
            }
        }
        if (out.downstream() instanceof AsrSpec a && a.evalCorpus() != null) {
            CorpusSpec r = resolved(a.evalCorpus(), base);
            if (r != a.evalCorpus()) {
                out = Records.with(out, "downstream", Records.with(a, "evalCorpus", r));
            }
        }
        return out;
    }

    /** The corpus a downstream task names, or null (= the experiment's corpus). */
    public static CorpusSpec downstreamCorpus(DownstreamSpec d) {
        return d instanceof LidSpec l ? l.corpus() : d instanceof ProbeSpec p ? p.corpus()
                : d instanceof AsrSpec a ? a.corpus() : null;
    }

    private static CorpusSpec resolved(CorpusSpec c, Path base) {
        if (!(c instanceof RealCorpusSpec r) || Path.of(r.dir()).isAbsolute()) {
            return c;
        }
        return r.withDir(resolveDir(r, base).toString());
    }

    /** The corpus directory: {@code dir} as is when absolute, else resolved against {@code dataDir} (--data-dir). */
    public static Path resolveDir(RealCorpusSpec spec, Path dataDir) {
        Path d = Path.of(spec.dir());
        return (d.isAbsolute() ? d : dataDir.resolve(d)).toAbsolutePath().normalize();
    }

    /** The loader a spec describes, over {@code root}; a FLEURS split shipped only as a tarball is then an error. */
    public static CorpusLoader loader(RealCorpusSpec s, Path root, long seed, ProgressListener progress) {
        return loader(s, root, seed, progress, null);
    }

    /**
     * The loader a spec describes, over {@code root}; {@code extractDir} (outside the corpus, or null) is where
     * FLEURS's {@code audio/{split}.tar.gz} archives are extracted when their folders are absent.
     */
    public static CorpusLoader loader(RealCorpusSpec s, Path root, long seed, ProgressListener progress,
            Path extractDir) {
        CorpusLoader.BaseBuilder<?> b = switch (s.format()) {
            case "fleurs_hf" -> Fleurs.builder().optLanguageMap(s.languageMapOrEmpty()).optExtractDir(extractDir);
            case "mls" -> {
                MultilingualLibriSpeech.Builder m = MultilingualLibriSpeech.builder().optLanguage(s.language());
                if (s.dirs() != null) {
                    Map<String, Path> dirs = new LinkedHashMap<>();
                    s.dirs().forEach((lang, d) -> dirs.put(lang, Path.of(d)));
                    m.optLanguageDirs(dirs);
                }
                yield m;
            }
            case "dhvani" -> {
                Dhvani.Builder d = Dhvani.builder().optLanguageMap(s.languageMapOrEmpty());
                yield switch (s.split()) { // RealCorpusSpec spells out the default, by_name
                    case "by_name" -> d.optSplitByManifestName();
                    case "random" -> d.optRandomSplit(seed, s.devFractionOrDefault(), s.testFractionOrDefault());
                    default -> d.optSplit(s.split());
                };
            }
            case "voxforge" -> VoxForge.builder().optLanguageMap(s.languageMapOrEmpty()).optSeed(seed)
                    .optFractions(s.devFractionOrDefault(), s.testFractionOrDefault());
            case "asvspoof2019_la" -> AsvSpoof2019La.builder();
            case "iemocap" -> Iemocap.builder().optFolds(fold(s.testFold(), 5), fold(s.devFold(), 4));
            case "esc50" -> Esc50.builder().optFolds(fold(s.testFold(), 5), fold(s.devFold(), 4));
            case "compare_mask" -> CompareMask.builder();
            case "manifest" -> {
                ManifestCsv.Builder m = ManifestCsv.builder().optColumnMap(s.columnsOrEmpty());
                if (s.manifest() != null) {
                    m.optFile(s.manifest());
                }
                if (s.defaultSplit() != null) {
                    m.optDefaultSplit(s.defaultSplit());
                }
                if (s.defaultLanguage() != null) {
                    m.optDefaultLanguage(s.defaultLanguage());
                }
                yield m;
            }
            default -> throw new IllegalArgumentException("no loader for format " + s.format());
        };
        return b.setRoot(root).optLanguages(s.languages()).optOverlapped(s.overlapped()).optSkipBadFiles(s.skipBad())
                .optProgress(progress).build();
    }

    private static int fold(Integer v, int dflt) {
        return v == null ? dflt : v;
    }

    /** Loads the corpus into {@code outDir} (manifest.csv, card.md) and records its size in the step's provenance. */
    static void prepare(RealCorpusSpec spec, long seed, Path outDir, StepContext ctx) throws IOException {
        Path root = resolveDir(spec, ctx.dataDir());
        // Taken before reading, so an edit made while the loader runs also shows up at the next reuse.
        DirectoryFingerprint before = fingerprint(spec, root);
        // Archives are extracted inside this step's own directory (its "extracted" folder), never into the corpus.
        LoadedCorpus corpus = loader(spec, root, seed, ctx.progress(), outDir.resolve(EXTRACTED)).load();
        List<Utterance> rows = corpus.withAbsolutePaths();
        Path manifest = outDir.resolve("manifest.csv");
        Manifest.write(manifest, rows);
        String sha = Hashes.sha256(manifest);
        if (!corpus.badFiles().isEmpty()) {
            StringBuilder list = new StringBuilder("path\treason\n");
            corpus.badFiles().forEach(b -> list.append(b.audioPath().replaceAll("[\t\r\n]", " ")).append('\t')
                    .append(b.reason().replaceAll("[\t\r\n]", " ")).append('\n'));
            Path skipped = outDir.resolve(CorpusStep.SKIPPED_LIST);
            AtomicFiles.writeString(skipped, list.toString());
            ctx.recordOutputHash(CorpusStep.SKIPPED_LIST, Hashes.sha256(skipped));
        }
        // The card is written after the manifest: a card on disk always describes a complete manifest.
        AtomicFiles.writeString(outDir.resolve("card.md"), RealCorpusCard.render(spec.label(), corpus, sha));
        ctx.recordInputHash("manifest.csv", sha);
        ctx.recordMeasurement("corpus_dir", root.toString());
        ctx.recordMeasurement("format", spec.format());
        ctx.recordMeasurement("utterances", rows.size());
        ctx.recordMeasurement("hours", corpus.hours());
        ctx.recordMeasurement("bad_files", corpus.badFiles().size());
        ctx.recordInputHash("corpus_dir_fingerprint", before.sha256());
        AtomicFiles.writeString(outDir.resolve(FINGERPRINT), SpecJson.pretty(fingerprintJson(root, before)));
    }

    /** Folder beside the manifest where archives of the corpus (FLEURS's audio tarballs) are extracted. */
    public static final String EXTRACTED = "extracted";

    /** Written beside the manifest: the corpus directory's {@link DirectoryFingerprint} when it was read. */
    public static final String FINGERPRINT = "source_fingerprint.json";

    /**
     * Throws if the corpus directory no longer matches the fingerprint taken when {@code dataDirOfStep}'s manifest was
     * built (a corpus built before fingerprints existed is not checked).
     */
    static void checkUnchanged(RealCorpusSpec spec, Path dataDirOfStep, Path dataDir) throws IOException {
        Path file = dataDirOfStep.resolve(FINGERPRINT);
        if (!Files.isRegularFile(file)) {
            return;
        }
        JsonObject then = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        Path root = resolveDir(spec, dataDir);
        DirectoryFingerprint now = fingerprint(spec, root);
        if (!now.sha256().equals(then.get("sha256").getAsString())) {
            throw new IOException("the corpus at " + root + " changed since it was read (then " + then.get("files")
                    + " files, " + then.get("bytes") + " bytes; now " + now.files() + " files, " + now.bytes()
                    + " bytes, or files rewritten in place). Its manifest and everything computed from it are stale: "
                    + "delete " + dataDirOfStep.getParent() + " (and the runs that used it) to rebuild, or restore the "
                    + "corpus as it was");
        }
    }

    /**
     * What the loader reads: the corpus directory, or, for MLS with several language directories, those directories
     * alone (not whatever else shares their parent).
     */
    static DirectoryFingerprint fingerprint(RealCorpusSpec spec, Path root) throws IOException {
        if (spec.dirs() == null) {
            return DirectoryFingerprint.of(root);
        }
        Map<String, Path> dirs = new LinkedHashMap<>();
        spec.dirs().forEach((lang, d) -> dirs.put(lang, root.resolve(d).normalize()));
        for (Map.Entry<String, Path> e : dirs.entrySet()) {
            if (!Files.isDirectory(e.getValue())) {
                throw new IOException(e.getValue() + ": MLS directory of language '" + e.getKey() + "' (dirs."
                        + e.getKey() + " of corpus \"" + spec.label() + "\") not found");
            }
        }
        return DirectoryFingerprint.of(dirs);
    }

    private static JsonObject fingerprintJson(Path root, DirectoryFingerprint f) {
        JsonObject o = new JsonObject();
        o.addProperty("dir", root.toString());
        o.addProperty("files", f.files());
        o.addProperty("bytes", f.bytes());
        o.addProperty("sha256", f.sha256());
        o.addProperty("what", "SHA-256 of the sorted lines path<TAB>size<TAB>mtime-ms of every regular file");
        return o;
    }
}
