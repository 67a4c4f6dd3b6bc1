package org.masrrepro.harness.steps;

import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.AudioFiles;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.features.FeatureSet;
import org.masrrepro.datasets.features.LogMel;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.harness.run.ExperimentPlan;
import org.masrrepro.harness.spec.CorpusSpec;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.LidSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.RealCorpusSpec;
import org.masrrepro.harness.spec.SpecException;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.masrrepro.harness.TestPaths.corpusSpec;
import static org.masrrepro.harness.TestPaths.downstreamSpec;

/** A spec whose corpus is a real-format fixture, through the corpus and feature steps at smoke scale. */
class RealCorpusStepsTest {

    @TempDir
    Path tmp;

    static float[] tone(double hz, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / rate) + 0.1 * Math.sin(2 * Math.PI * 3.1 * hz * i / rate));
        }
        return x;
    }

    /** FLEURS Hugging Face layout, two locales (sv, yo), WAV at 16 kHz, under {@code dataDir/corpora/fleurs}. */
    static void fleursFixture(Path root) throws IOException {
        for (String locale : List.of("sv_se", "yo_ng")) {
            Path d = root.resolve("data").resolve(locale);
            int k = locale.startsWith("sv") ? 0 : 7;
            String[] splits = {"train", "train", "dev", "test"};
            StringBuilder[] tsv = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
            for (int i = 0; i < splits.length; i++) {
                String file = (100 + i) + ".wav";
                int s = List.of("train", "dev", "test").indexOf(splits[i]);
                tsv[s].append(i).append('\t').append(file).append("\tRaw ").append(i).append("\tnorm ").append(i)
                        .append("\tc\t4800\t").append(i % 2 == 0 ? "MALE" : "FEMALE").append('\n');
                Wav.write(d.resolve("audio").resolve(splits[i]).resolve(file), tone(200 + 40 * (i + k), 16000, 4800 + 160 * i), 16000);
            }
            for (int s = 0; s < 3; s++) {
                Files.writeString(d.resolve(List.of("train", "dev", "test").get(s) + ".tsv"), tsv[s].toString());
            }
        }
    }

    static StepRunner runner(Path runs, Path dataDir, ByteArrayOutputStream log) {
        StepRunner r = new StepRunner(runs, Engine.getInstance().defaultDevice(), ProgressListener.NONE,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        r.setDataDir(dataDir);
        return r;
    }

    /** Every split's features equal the log-mels of the real files read through AudioFiles, in manifest order. */
    static void checkFeatures(Path featDir, List<Utterance> rows, ExperimentSpec spec) throws IOException {
        LogMel logMel = FeatureStep.logMel(spec.features());
        int checked = 0;
        for (String split : FeatureStep.SPLITS) {
            List<Utterance> utts = rows.stream().filter(u -> u.split().equals(split)).toList();
            if (utts.isEmpty()) {
                assertTrue(Files.notExists(FeatureStep.file(featDir, split)), split);
                continue;
            }
            FeatureSet set = FeatureStep.open(featDir, split);
            assertEquals(utts.size(), set.size(), split);
            for (int i = 0; i < set.size(); i++) {
                Utterance u = utts.get(i);
                assertEquals(u.id(), set.id(i));
                float[][] expected = logMel.compute(AudioFiles.read16k(Path.of(u.audioPath())));
                assertEquals(logMel.numFrames(u.numSamples()), set.numFrames(i), u.id() + ": frames follow num_samples");
                float[][] got = set.frames(i);
                assertEquals(expected.length, got.length, u.id());
                for (int t = 0; t < got.length; t++) {
                    assertArrayEquals(expected[t], got[t], u.id() + " frame " + t);
                }
                checked++;
            }
        }
        assertEquals(rows.size(), checked);
    }

    @Test
    void fleursLayoutWithRelativeDirRunsThroughCorpusAndFeatureSteps() throws IOException {
        Path dataDir = tmp.resolve("data");
        Path corpusRoot = dataDir.resolve("corpora/fleurs");
        fleursFixture(corpusRoot);
        JsonObject corpus = JsonParser.parseString("""
                {"type": "real", "label": "FLEURS fixture (real layout)", "format": "fleurs_hf",
                 "dir": "corpora/fleurs", "languages": ["yo", "sv"], "overlapped": ["sv"]}""").getAsJsonObject();
        Path specs = tmp.resolve("specs");
        String id = downstreamSpec(specs, "real/fleurs-fixture", "table1/bestrq-fleurs", corpus, "");
        ExperimentPlan plan = ExperimentPlan.load(new SpecLoader(specs), id, Profile.SMOKE, null, dataDir);
        ExperimentSpec spec = plan.spec();
        assertEquals(corpus.get("label").getAsString(), plan.corpus().spec().label(), "fine-tuned on FLEURS");
        assertTrue(plan.pretrainCorpus().spec().label().contains("analog"), "pretrained on the analog's pretrain split");
        Path runs = tmp.resolve("runs");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StepRunner runner = runner(runs, dataDir, log);
        Path featDir = runner.run(plan.features());

        Path data = CorpusStep.dataDir(runner.dirOf(plan.corpus()));
        List<Utterance> rows = Manifest.read(data.resolve("manifest.csv"));
        assertEquals(8, rows.size());
        for (Utterance u : rows) {
            Path audio = Path.of(u.audioPath());
            assertTrue(audio.isAbsolute() && audio.startsWith(corpusRoot.toAbsolutePath()), "points at the real file: " + audio);
            assertEquals(u.language().equals("sv"), u.overlapped());
        }
        assertEquals(List.of("dev", "test", "train"), rows.stream().map(Utterance::split).distinct().sorted().toList());
        String card = Files.readString(data.resolve("card.md"));
        assertTrue(card.contains("Real corpus") && card.contains("fleurs_hf") && card.contains("| sv | 4 |"), card);
        checkFeatures(featDir, rows, spec);

        // Nothing redone on a second run; the corpus was not copied.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        runner(runs, dataDir, again).run(plan.features());
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("done earlier"));
        try (var s = Files.walk(runs)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".wav")), "no audio copied into the run directory");
        }

        // A file rewritten in place makes the finished corpus step stale: reuse fails, naming what to delete.
        Path edited;
        try (var s = Files.walk(corpusRoot)) {
            edited = s.filter(p -> p.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
        }
        byte[] audio = Files.readAllBytes(edited);
        audio[audio.length - 1] ^= 1;
        Files.write(edited, audio);
        Files.setLastModifiedTime(edited, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(edited).toMillis() + 5000));
        StepRunner.StepFailedException stale = assertThrows(StepRunner.StepFailedException.class,
                () -> runner(runs, dataDir, new ByteArrayOutputStream()).run(plan.features()));
        assertTrue(stale.getMessage().contains("changed since it was read")
                && stale.getMessage().contains(runner.dirOf(plan.corpus()).toString()), stale.getMessage());
    }

    @Test
    void genericManifestWithFlacAndOggRunsThroughCorpusAndFeatureSteps() throws IOException, InterruptedException {
        assumeTrue(soxAvailable(), "sox with flac/vorbis support is not installed (Debian sox, libsox-fmt-base): "
                + "cannot write the FLAC/Ogg fixture");
        Path root = tmp.resolve("mine");
        Wav.write(root.resolve("w/a.wav"), tone(300, 16000, 6000), 16000);
        Wav.write(root.resolve("src/b.wav"), tone(350, 22050, 8000), 22050);
        Wav.write(root.resolve("src/c.wav"), tone(420, 16000, 7000), 16000);
        Wav.write(root.resolve("src/d.wav"), tone(500, 16000, 5000), 16000);
        sox(root.resolve("src/b.wav"), root.resolve("f/b.flac"));
        sox(root.resolve("src/c.wav"), root.resolve("o/c.ogg"));
        sox(root.resolve("src/d.wav"), root.resolve("f/d.flac"));
        Files.writeString(root.resolve("list.csv"), """
                path,split,lang,speaker
                w/a.wav,train,sw,s1
                f/b.flac,train,yo,s2
                o/c.ogg,test,sw,s3
                f/d.flac,test,yo,s4
                """);
        JsonObject corpus = JsonParser.parseString("""
                {"type": "real", "label": "my corpus", "format": "manifest", "dir": "%s", "manifest": "list.csv",
                 "columns": {"lang": "language"}, "languages": ["sw", "yo"], "overlapped": ["yo"]}"""
                .formatted(root.toAbsolutePath().toString().replace("\\", "\\\\"))).getAsJsonObject();
        Path specs = tmp.resolve("specs");
        String id = corpusSpec(specs, "real/mine", corpus);
        ExperimentSpec spec = new SpecLoader(specs).load(id, Profile.SMOKE, null);
        ExperimentPlan plan = ExperimentPlan.of(spec, Profile.SMOKE);
        StepRunner runner = runner(tmp.resolve("runs"), tmp.resolve("unused-data-dir"), new ByteArrayOutputStream());
        Path featDir = runner.run(plan.features());
        List<Utterance> rows = Manifest.read(CorpusStep.dataDir(runner.dirOf(plan.corpus())).resolve("manifest.csv"));
        assertEquals(List.of("w_a", "f_b", "o_c", "f_d"), rows.stream().map(Utterance::id).toList());
        assertEquals(Math.round(8000 * 16000.0 / 22050), rows.get(1).numSamples(), "22.05 kHz FLAC counted at 16 kHz");
        checkFeatures(featDir, rows, spec);

        // As the pretraining corpus it has no pretrain rows: the pretrain step says so, naming the manifest.
        StepRunner.StepFailedException e = assertThrows(StepRunner.StepFailedException.class, () -> runner.run(plan.pretrain()));
        assertTrue(e.getMessage().contains("\"my corpus\" has no utterance in split pretrain")
                && e.getMessage().contains(CorpusStep.dataDir(runner.dirOf(plan.corpus())).resolve("manifest.csv").toString()),
                e.getMessage());
    }

    /**
     * Guards {@code skip_bad_files} through the corpus step ({@link RealCorpora#loader} passes it to the loader,
     * {@link RealCorpora} records the count): without it a corrupt or missing audio file fails the step with an error
     * naming the file and the option; with {@code "skip_bad_files": true} both are left out of the manifest, listed
     * on the card with their reasons and counted in the card and the step's provenance.
     */
    @Test
    void badAudioFilesFailTheCorpusStepUnlessSkipBadFilesLeavesThemOutAndListsThem() throws IOException {
        Path dataDir = tmp.resolve("data");
        Path corpusRoot = dataDir.resolve("corpora/fleurs");
        fleursFixture(corpusRoot);
        String corrupt = "data/sv_se/audio/train/101.wav";
        String missing = "data/yo_ng/audio/test/103.wav";
        Files.writeString(corpusRoot.resolve(corrupt), "this is no audio file");
        Files.delete(corpusRoot.resolve(missing));
        JsonObject corpus = JsonParser.parseString("""
                {"type": "real", "label": "FLEURS fixture with bad files", "format": "fleurs_hf",
                 "dir": "corpora/fleurs", "languages": ["yo", "sv"], "overlapped": ["sv"]}""").getAsJsonObject();
        Path specs = tmp.resolve("specs");
        Path runs = tmp.resolve("runs");

        // FLEURS has no pretrain split: it is the downstream corpus (pretraining stays the analog's).
        String strictId = downstreamSpec(specs, "real/strict", "table1/bestrq-fleurs", corpus, "");
        ExperimentPlan strict = ExperimentPlan.load(new SpecLoader(specs), strictId, Profile.SMOKE, null, dataDir);
        StepRunner.StepFailedException e = assertThrows(StepRunner.StepFailedException.class,
                () -> runner(runs, dataDir, new ByteArrayOutputStream()).run(strict.corpus()));
        assertTrue(e.getMessage().contains(corpusRoot.resolve(corrupt).toString())
                && e.getMessage().contains("unrecognized audio format") && e.getMessage().contains("sv_se_train_101")
                && e.getMessage().contains("skip_bad_files"), "names the first bad file in row order: " + e.getMessage());
        Path strictDir = runner(runs, dataDir, new ByteArrayOutputStream()).dirOf(strict.corpus());
        assertTrue(Files.notExists(CorpusStep.dataDir(strictDir).resolve("manifest.csv")), "no manifest of a failed read");

        corpus.addProperty("skip_bad_files", true);
        String lenientId = downstreamSpec(specs, "real/lenient", "table1/bestrq-fleurs", corpus, "");
        ExperimentPlan lenient = ExperimentPlan.load(new SpecLoader(specs), lenientId, Profile.SMOKE, null, dataDir);
        StepRunner runner = runner(runs, dataDir, new ByteArrayOutputStream());
        Path dir = runner.run(lenient.corpus());
        Path data = CorpusStep.dataDir(dir);
        List<Utterance> rows = Manifest.read(data.resolve("manifest.csv"));
        assertEquals(6, rows.size(), "8 files, 2 bad");
        for (String bad : List.of(corrupt, missing)) {
            Path file = corpusRoot.resolve(bad).toAbsolutePath().normalize();
            assertTrue(rows.stream().noneMatch(u -> Path.of(u.audioPath()).equals(file)), bad + " is in the manifest");
        }
        String card = Files.readString(data.resolve("card.md"));
        assertTrue(card.contains("- Bad audio files skipped: 2\n") && card.contains("## Skipped audio files"), card);
        for (List<String> bad : List.of(List.of(corrupt, "unrecognized audio format"), List.of(missing, "audio file is missing"))) {
            assertTrue(card.lines().anyMatch(l -> l.startsWith("- `" + bad.get(0) + "`: ") && l.contains(bad.get(1))),
                    "the card lists " + bad + ": " + card);
        }
        JsonObject prov = JsonParser.parseString(Files.readString(dir.resolve(StepRunner.PROVENANCE))).getAsJsonObject();
        JsonObject measured = prov.getAsJsonObject("measurements");
        assertTrue(measured.has("bad_files") && measured.get("bad_files").getAsInt() == 2,
                "the provenance counts the skipped files: " + measured);
        assertEquals(6, measured.get("utterances").getAsInt(), measured.toString());
    }

    @Test
    void stepIdentityNamesTheDirectoryActuallyRead() throws IOException {
        Path specs = tmp.resolve("specs");
        JsonObject corpus = JsonParser.parseString("{\"type\": \"real\", \"label\": \"x\", \"format\": \"fleurs_hf\", "
                + "\"dir\": \"corpora/fleurs\", \"languages\": [\"sv\", \"yo\"]}").getAsJsonObject();
        String id = downstreamSpec(specs, "real/id", "table1/bestrq-fleurs", corpus, "");
        ExperimentSpec spec = new SpecLoader(specs).load(id, Profile.SMOKE, null);
        ExperimentSpec inA = RealCorpora.withResolvedCorpusDir(spec, tmp.resolve("a"));
        ExperimentSpec inB = RealCorpora.withResolvedCorpusDir(spec, tmp.resolve("b"));
        RealCorpusSpec a0 = (RealCorpusSpec) RealCorpora.downstreamCorpus(inA.downstream());
        assertEquals(tmp.resolve("a/corpora/fleurs").toAbsolutePath().normalize().toString(), a0.dir());
        assertEquals(spec.features(), inA.features(), "only the corpus changes");
        StepId ids = new StepId();
        String a = ids.hash(new CorpusStep(a0, 1));
        assertNotEquals(a, ids.hash(new CorpusStep(RealCorpora.downstreamCorpus(inB.downstream()), 1)),
                "another --data-dir is another corpus");
        assertEquals(a, ids.hash(new CorpusStep(RealCorpora.downstreamCorpus(
                RealCorpora.withResolvedCorpusDir(spec, tmp.resolve("a")).downstream()), 1)));
        assertEquals(a, ids.hash(new CorpusStep(a0, 2)), "the root seed does not touch a seedless loader");
        assertEquals(inA, RealCorpora.withResolvedCorpusDir(inA, tmp.resolve("b")), "an absolute dir stays");

        corpus.addProperty("format", "voxforge");
        downstreamSpec(specs, "real/id", "table1/bestrq-fleurs", corpus, "");
        CorpusSpec vox = RealCorpora.downstreamCorpus(RealCorpora.withResolvedCorpusDir(
                new SpecLoader(specs).load(id, Profile.SMOKE, null), tmp.resolve("a")).downstream());
        assertNotEquals(ids.hash(new CorpusStep(vox, 1)), ids.hash(new CorpusStep(vox, 2)),
                "VoxForge's speaker split follows the seed");
    }

    @Test
    void aRelativeDownstreamCorpusDirResolvesAgainstTheDataDirToo() throws IOException {
        Path specs = tmp.resolve("specs-down");
        String id = downstreamSpec(specs, "real/down", "table1/bestrq-fleurs", JsonParser.parseString("{\"type\": "
                + "\"real\", \"label\": \"x\", \"format\": \"fleurs_hf\", \"dir\": \"corpora/fleurs\", \"languages\": "
                + "[\"sv\"]}").getAsJsonObject(), "");
        ExperimentSpec spec = new SpecLoader(specs).load(id, Profile.SMOKE, null);
        assertThrows(IllegalStateException.class, () -> ExperimentPlan.of(spec, Profile.SMOKE),
                "an unresolved relative dir is never read relative to the working directory");

        ExperimentSpec resolved = RealCorpora.withResolvedCorpusDir(spec, tmp.resolve("a"));
        RealCorpusSpec down = (RealCorpusSpec) RealCorpora.downstreamCorpus(resolved.downstream());
        assertEquals(tmp.resolve("a/corpora/fleurs").toAbsolutePath().normalize().toString(), down.dir());
        assertEquals(spec.corpus(), resolved.corpus(), "the analog pretraining corpus is untouched");
        assertEquals(((LidSpec) spec.downstream()).training(), ((LidSpec) resolved.downstream()).training());
        ExperimentPlan inA = ExperimentPlan.of(resolved, Profile.SMOKE);
        ExperimentPlan inB = ExperimentPlan.of(RealCorpora.withResolvedCorpusDir(spec, tmp.resolve("b")), Profile.SMOKE);
        StepId ids = new StepId();
        assertEquals(ids.hash(inA.pretrain()), ids.hash(inB.pretrain()), "pretraining does not read the downstream corpus");
        assertNotEquals(ids.hash(inA.eval()), ids.hash(inB.eval()), "another --data-dir is another corpus");
    }

    @Test
    void optionsOfAnotherFormatAreSpecErrors() throws IOException {
        JsonObject corpus = JsonParser.parseString("""
                {"type": "real", "label": "x", "format": "fleurs_hf", "dir": "d", "test_fold": 3}""").getAsJsonObject();
        Path specs = tmp.resolve("specs");
        String id = corpusSpec(specs, "real/bad", corpus);
        SpecException e = assertThrows(SpecException.class, () -> new SpecLoader(specs).load(id, Profile.SMOKE, null));
        assertTrue(e.getMessage().contains("test_fold applies to format esc50/iemocap only"), e.getMessage());
        corpus.addProperty("format", "flac_folder");
        corpus.remove("test_fold");
        corpusSpec(specs, "real/bad", corpus);
        e = assertThrows(SpecException.class, () -> new SpecLoader(specs).load(id, Profile.SMOKE, null));
        assertTrue(e.getMessage().contains("format must be one of"), e.getMessage());
    }

    static boolean soxAvailable() {
        try {
            Process p = new ProcessBuilder("sox", "-h").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains(" flac ") && out.contains(" vorbis ");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sox(Path in, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder("sox", "-D", in.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "sox failed: " + log);
    }
}
