package org.masrrepro.harness.steps;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.harness.run.ExperimentPlan;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.RealCorpusSpec;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.masrrepro.harness.TestPaths.downstreamSpec;
import static org.masrrepro.harness.steps.RealCorpusStepsTest.checkFeatures;
import static org.masrrepro.harness.steps.RealCorpusStepsTest.runner;

/**
 * The real corpora the paper's tables need, as distributed, as a spec's downstream corpus through the corpus and
 * feature steps at smoke scale: Dhvani with split manifests (Table 1), MLS with one directory per language (Table 3)
 * and FLEURS with its audio in tarballs (Table 1).
 */
class RealCorpusLayoutsTest {

    @TempDir
    Path tmp;

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    /** A spec's plan run through its feature step: its runner, the features, the corpus step's data and manifest. */
    private record Ran(ExperimentPlan plan, StepRunner runner, Path featDir, Path data, List<Utterance> rows) {}

    /**
     * Writes spec {@code id} ({@code base} with {@code corpus} downstream and {@code more} over it, see
     * {@link org.masrrepro.harness.TestPaths#downstreamSpec}), plans it at smoke scale and runs it up to its features.
     */
    private Ran runDownstream(Path specs, Path dataDir, String id, String base, JsonObject corpus, String more)
            throws IOException {
        downstreamSpec(specs, id, base, corpus, more);
        ExperimentPlan plan = ExperimentPlan.load(new SpecLoader(specs), id, Profile.SMOKE, null, dataDir);
        StepRunner runner = runner(tmp.resolve("runs"), dataDir, new ByteArrayOutputStream());
        Path featDir = runner.run(plan.features());
        Path data = CorpusStep.dataDir(runner.dirOf(plan.corpus()));
        return new Ran(plan, runner, featDir, data, Manifest.read(data.resolve("manifest.csv")));
    }

    private static Map<String, Long> perSplit(List<Utterance> rows) {
        return rows.stream().collect(Collectors.groupingBy(Utterance::split, Collectors.counting()));
    }

    /** Dhvani as distributed: {language}/{train,valid,test}.tsv fairseq manifests naming audio beside them. */
    private static void dhvaniFixture(Path root) throws IOException {
        int k = 0;
        for (String lang : List.of("hindi", "tamil")) {
            for (String manifest : List.of("train", lang.equals("hindi") ? "valid" : "dev", "test")) {
                List<String> lines = new ArrayList<>(List.of("/mnt/vakyansh/" + lang));
                for (int i = 0; i < (manifest.equals("train") ? 4 : 2); i++) {
                    String rel = "clips/" + manifest + i + ".wav";
                    int n = 4800 + 160 * i;
                    Wav.write(root.resolve(lang).resolve(rel), RealCorpusStepsTest.tone(180 + 30 * k++, 16000, n), 16000);
                    lines.add(rel + "\t" + n);
                }
                Files.writeString(root.resolve(lang).resolve(manifest + ".tsv"), String.join("\n", lines) + "\n");
            }
        }
    }

    @Test
    void dhvaniSplitManifestsGiveTrainDevAndTest() throws IOException {
        Path dataDir = tmp.resolve("data");
        dhvaniFixture(dataDir.resolve("dhvani"));
        JsonObject corpus = json("""
                {"type": "real", "label": "Dhvani (real layout)", "format": "dhvani", "dir": "dhvani",
                 "language_map": {"hindi": "hi", "tamil": "ta"}, "languages": ["hi", "ta"], "overlapped": ["hi"]}""");
        Path specs = tmp.resolve("specs");
        Ran ran = runDownstream(specs, dataDir, "real/dhvani", "table1/bestrq-fleurs", corpus,
                "\"report\": {\"dataset\": \"dhvani\"}");
        assertEquals(Map.of("train", 8L, "dev", 4L, "test", 4L), perSplit(ran.rows()), "valid.tsv and dev.tsv are dev");
        assertTrue(ran.rows().stream().filter(u -> u.language().equals("hi")).allMatch(Utterance::overlapped));
        assertTrue(Files.readString(ran.data().resolve("card.md")).contains("by manifest name"));
        assertTrue(Files.notExists(FeatureStep.file(ran.featDir(), "pretrain")), "nothing for pretraining");
        checkFeatures(ran.featDir(), ran.rows(), ran.plan().spec());

        // The split rule is part of the corpus's identity; only a drawn split depends on the seed.
        StepId ids = new StepId();
        java.util.function.Function<String, String> hashWith = extra -> {
            try {
                JsonObject c = corpus.deepCopy();
                json("{" + extra + "}").entrySet().forEach(e -> c.add(e.getKey(), e.getValue()));
                downstreamSpec(specs, "real/dhvani-" + Math.abs(extra.hashCode()), "table1/bestrq-fleurs", c, "");
                return ids.hash(ExperimentPlan.load(new SpecLoader(specs), "real/dhvani-" + Math.abs(extra.hashCode()),
                        Profile.SMOKE, null, dataDir).corpus());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        String byName = ids.hash(ran.plan().corpus());
        assertEquals(byName, hashWith.apply("\"split\": \"by_name\""), "by_name is the default");
        assertNotEquals(byName, hashWith.apply("\"split\": \"pretrain\""));
        String drawn = hashWith.apply("\"split\": \"random\", \"seed\": 3, \"test_fraction\": 0.25");
        assertNotEquals(drawn, hashWith.apply("\"split\": \"random\", \"seed\": 4, \"test_fraction\": 0.25"));
    }

    /** One MLS language directory: metainfo.txt and one FLAC utterance per split. */
    private static void mlsLanguage(Path dir, String speaker, double hz) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("metainfo.txt"), "SPEAKER | GENDER | PARTITION | MINUTES | BOOK ID | TITLE | CHAPTER\n"
                + speaker + " | M | train | 1.0 | 12 | t | c\n");
        for (String split : List.of("train", "dev", "test")) {
            String utt = speaker + "_12_" + (100 + split.length());
            Files.createDirectories(dir.resolve(split));
            Files.writeString(dir.resolve(split).resolve("transcripts.txt"), utt + "\tein " + split + " satz\n");
            Path wav = dir.resolve(split + ".src.wav");
            Wav.write(wav, RealCorpusStepsTest.tone(hz + split.length(), 16000, 5600), 16000);
            RealCorpusStepsTest.sox(wav, dir.resolve(split).resolve("audio").resolve(speaker).resolve("12").resolve(utt + ".flac"));
            Files.delete(wav);
        }
    }

    @Test
    void mlsWithOneDirectoryPerLanguageIsOneCorpus() throws IOException, InterruptedException {
        assumeTrue(RealCorpusStepsTest.soxAvailable(), "sox with FLAC support (Debian sox) writes the MLS fixture");
        Path dataDir = tmp.resolve("data");
        Path mls = dataDir.resolve("mls");
        mlsLanguage(mls.resolve("mls_german"), "10", 220);
        mlsLanguage(mls.resolve("mls_spanish"), "10", 330);
        mlsLanguage(mls.resolve("mls_french"), "20", 440); // downloaded but not used by this spec
        JsonObject corpus = json("""
                {"type": "real", "label": "MLS (real layout)", "format": "mls", "dir": "mls",
                 "dirs": {"es": "mls_spanish", "de": "mls_german"}}""");
        Path specs = tmp.resolve("specs");
        // table3/bestrq-mls's smoke section sizes its MLS analog: that key does not apply to a real corpus.
        Ran ran = runDownstream(specs, dataDir, "real/mls", "table3/bestrq-mls", corpus,
                "\"profiles\": {\"smoke\": {\"downstream\": {\"corpus\": {\"size\": null}}}}");
        ExperimentPlan plan = ran.plan();
        assertEquals(List.of("es", "de"), plan.corpus().spec().languages(), "languages default to the dirs, in order");
        assertEquals(List.of("es", "de"), ((AsrEvalStep) plan.eval()).models().stream().map(AsrFinetuneStep::language)
                .toList(), "one CTC fine-tuning per language, in one spec");
        List<Utterance> rows = ran.rows();
        assertEquals(List.of("es_10_12_105", "es_10_12_103", "es_10_12_104", "de_10_12_105", "de_10_12_103", "de_10_12_104"),
                rows.stream().map(Utterance::id).toList());
        assertEquals("ein dev satz", rows.get(1).transcript());
        assertTrue(Path.of(rows.get(3).audioPath()).startsWith(mls.resolve("mls_german").toAbsolutePath()));
        checkFeatures(ran.featDir(), rows, plan.spec());

        // The fingerprint covers the listed directories only: a language beside them may change.
        Path french = mls.resolve("mls_french/train/transcripts.txt");
        Files.writeString(french, "20_12_105\tanders\n");
        Files.setLastModifiedTime(french, FileTime.fromMillis(Files.getLastModifiedTime(french).toMillis() + 5000));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        runner(tmp.resolve("runs"), dataDir, again).run(plan.features());
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("done earlier"));
        Path german = mls.resolve("mls_german/dev/transcripts.txt");
        Files.writeString(german, "10_12_103\tein anderer satz\n");
        Files.setLastModifiedTime(german, FileTime.fromMillis(Files.getLastModifiedTime(german).toMillis() + 5000));
        StepRunner.StepFailedException stale = assertThrows(StepRunner.StepFailedException.class,
                () -> runner(tmp.resolve("runs"), dataDir, new ByteArrayOutputStream()).run(plan.features()));
        assertTrue(stale.getMessage().contains("changed since it was read"), stale.getMessage());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }

    @Test
    void fleursTarballsAreExtractedIntoTheCorpusStepNotTheDataDir() throws IOException, InterruptedException {
        Path src = tmp.resolve("extracted-fleurs");
        RealCorpusStepsTest.fleursFixture(src);
        Path dataDir = tmp.resolve("data");
        Path root = dataDir.resolve("fleurs");
        for (String locale : List.of("sv_se", "yo_ng")) { // as Hugging Face ships it: data/{locale}/audio/{split}.tar.gz
            Path from = src.resolve("data").resolve(locale);
            Path to = root.resolve("data").resolve(locale);
            Files.createDirectories(to.resolve("audio"));
            for (String split : List.of("train", "dev", "test")) {
                Files.copy(from.resolve(split + ".tsv"), to.resolve(split + ".tsv"));
                Process p = new ProcessBuilder("tar", "-czf", to.resolve("audio").resolve(split + ".tar.gz").toString(),
                        "-C", from.resolve("audio").toString(), split).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), "GNU tar (Debian's essential package tar): " + out);
            }
        }
        List<String> before = listing(root);
        JsonObject corpus = json("""
                {"type": "real", "label": "FLEURS (Hugging Face tarballs)", "format": "fleurs_hf", "dir": "fleurs",
                 "languages": ["sv", "yo"], "overlapped": ["sv"]}""");
        Path specs = tmp.resolve("specs");
        Ran ran = runDownstream(specs, dataDir, "real/fleurs-tar", "table1/bestrq-fleurs", corpus, "");
        List<Utterance> rows = ran.rows();
        assertEquals(8, rows.size());
        for (Utterance u : rows) {
            assertTrue(Path.of(u.audioPath()).startsWith(ran.data().resolve(RealCorpora.EXTRACTED).toAbsolutePath()),
                    u.audioPath());
        }
        assertTrue(Files.readString(ran.data().resolve("card.md")).contains("6 split archive(s)"));
        assertEquals(before, listing(root), "the data dir is only read");
        checkFeatures(ran.featDir(), rows, ran.plan().spec());

        // Read from the extracted folders instead, the manifest differs only in where the audio is.
        JsonObject fromFolders = corpus.deepCopy();
        fromFolders.addProperty("dir", src.toAbsolutePath().toString());
        String id2 = downstreamSpec(specs, "real/fleurs-dirs", "table1/bestrq-fleurs", fromFolders, "");
        ExperimentPlan plan2 = ExperimentPlan.load(new SpecLoader(specs), id2, Profile.SMOKE, null, dataDir);
        ran.runner().run(plan2.corpus());
        List<Utterance> rows2 = Manifest.read(CorpusStep.dataDir(ran.runner().dirOf(plan2.corpus()))
                .resolve("manifest.csv"));
        assertEquals(rows.stream().map(u -> List.of(u.id(), u.split(), u.language(), u.transcript(), u.numSamples()))
                .toList(), rows2.stream().map(u -> List.of(u.id(), u.split(), u.language(), u.transcript(), u.numSamples()))
                .toList());
        assertEquals(((RealCorpusSpec) plan2.corpus().spec()).dir(), src.toAbsolutePath().toString());
    }
}
