package org.masrrepro.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.run.Harness;
import org.masrrepro.harness.run.Results;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.Environment;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.harness.steps.StepRunner;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.masrrepro.reports.check.Baseline;
import org.masrrepro.reports.check.RegressionCheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The check names the corpus builds a run used, evaluation and pretraining data alike, and spots a changed one; on the
 * baseline's data and platform it compares exactly.
 */
class CheckCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aProbeRecordsItsTaskCorpusAndItsPretrainingCorpusAndAChangedOneIsNamed() throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run harness/bin/install-deps.sh as root");
        SpecLoader specs = new SpecLoader(TestPaths.specs());
        Path runs = tmp.resolve("runs");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Harness.builder().setSpecs(specs).setRunsRoot(runs).optProfile(Profile.SMOKE).optLog(quiet).build()
                .run(List.of("table2/mask/bestrq"));
        var records = Results.readAll(runs, Profile.SMOKE);
        List<Baseline.Corpus> corpora = CheckCommand.corpora(runs, records, specs, Profile.SMOKE, null, quiet);
        assertEquals(2, corpora.size(), corpora.toString());
        assertTrue(corpora.stream().anyMatch(c -> c.label().contains("Mask")), corpora.toString());
        assertTrue(corpora.stream().anyMatch(c -> c.label().contains("FLEURS")), "pretraining data: " + corpora);
        for (Baseline.Corpus c : corpora) {
            assertTrue(c.cells().contains("T2 | best-rq | mask"), c.toString());
            assertEquals(64, c.manifestSha256().length());
            assertEquals(64, c.audioSha256().length());
        }

        Path file = tmp.resolve("baseline.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, true, ps, ps));
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, false, ps, ps));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("no regression"), out.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("compared exactly"), out.toString());

        Baseline b = RegressionCheck.read(file);
        assertEquals(Environment.platform(JsonParser.parseString(new com.google.gson.Gson().toJson(
                Environment.describe())).getAsJsonObject()), b.platform(), "the platform the steps were made on");

        // Same data, same platform: a value 1e-6 off fails the check, as a change to review.
        Path moved = tmp.resolve("moved.json");
        List<Baseline.Cell> cells = new ArrayList<>(b.cells());
        Baseline.Cell c0 = cells.get(0);
        cells.set(0, new Baseline.Cell(c0.table(), c0.row(), c0.column(), c0.metric(), c0.value() + 1e-6));
        RegressionCheck.write(moved, new Baseline(b.profile(), b.note(), b.tolerances(), b.platform(), b.corpora(),
                cells));
        out.reset();
        assertEquals(1, CheckCommand.run(runs, Profile.SMOKE, specs, null, moved, false, ps, ps));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("CHANGED (same data and platform"), out.toString());

        List<Baseline.Corpus> edited = new ArrayList<>();
        for (Baseline.Corpus c : b.corpora()) {
            edited.add(c.label().contains("FLEURS")
                    ? new Baseline.Corpus(c.dir(), c.label(), "0".repeat(64), c.audioSha256(), c.cells()) : c);
        }
        RegressionCheck.write(file, new Baseline(b.profile(), b.note(), b.tolerances(), b.platform(), edited,
                b.cells()));
        out.reset();
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, false, ps, ps),
                "a data change alone does not fail the check");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("1 corpus differs") && text.contains("manifest 000000000000 -> "), text);
        assertTrue(text.contains("mode: 3 of 6 cells compared exactly"), "the BEST-RQ row was pretrained on FLEURS, "
                + "so only the floor's cells (Mask data alone) are compared exactly: " + text);

        // The audio hash is the one recorded when the corpus was built: audio changed on disk after the run does not
        // describe what the run's features were made from, so it changes nothing.
        RegressionCheck.write(file, b);
        Baseline.Corpus fleurs = b.corpora().stream().filter(c -> c.label().contains("FLEURS")).findFirst()
                .orElseThrow();
        Path fleursStep = runs.resolve(fleurs.dir());
        Path data = org.masrrepro.harness.steps.CorpusStep.dataDir(fleursStep);
        String recorded = org.masrrepro.harness.steps.StepProvenance.outputHash(
                org.masrrepro.harness.steps.StepProvenance.read(fleursStep),
                org.masrrepro.harness.steps.CorpusStep.AUDIO_HASH);
        assertEquals(Manifest.audioSha256(data.resolve("manifest.csv")), recorded, "recorded at build time");
        assertEquals(fleurs.audioSha256(), recorded, "the baseline holds the recorded hash");
        Path wav = data.resolve(Manifest.read(data.resolve("manifest.csv")).get(0).audioPath());
        byte[] original = Files.readAllBytes(wav);
        byte[] flipped = original.clone();
        flipped[flipped.length - 1] ^= 1;
        Files.write(wav, flipped);
        out.reset();
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, false, ps, ps));
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no regression") && text.contains("compared exactly") && !text.contains("differs"),
                text);

        // Likewise a manifest edited on disk after the run: the recorded hash stands.
        Path manifestCsv = data.resolve("manifest.csv");
        String manifestText = Files.readString(manifestCsv);
        Files.writeString(manifestCsv, manifestText + "\n");
        out.reset();
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, false, ps, ps));
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("compared exactly") && !text.contains("differs"), text);
        Files.writeString(manifestCsv, manifestText);

        // Other samples under the same manifest (a new espeak-ng build, say): the corpus step recorded other audio.
        Path fleursProv = fleursStep.resolve(StepRunner.PROVENANCE);
        String provText = Files.readString(fleursProv);
        JsonObject edited2 = JsonParser.parseString(provText).getAsJsonObject();
        edited2.getAsJsonObject("output_hashes").addProperty(org.masrrepro.harness.steps.CorpusStep.AUDIO_HASH,
                "f".repeat(64));
        Files.writeString(fleursProv, edited2.toString());
        out.reset();
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, false, ps, ps));
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("1 corpus differs") && text.contains("audio " + fleurs.audioSha256().substring(0, 12)
                + " -> ffffffffffff") && text.contains("mode: 3 of 6 cells compared exactly"), text);

        // A corpus step from before the hash was recorded: the audio on disk is hashed now, and the flipped byte shows.
        edited2.getAsJsonObject("output_hashes").remove(org.masrrepro.harness.steps.CorpusStep.AUDIO_HASH);
        Files.writeString(fleursProv, edited2.toString());
        out.reset();
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, false, ps, ps));
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("1 corpus differs") && text.contains("audio " + fleurs.audioSha256().substring(0, 12)
                + " -> ") && !text.contains("-> ffffffffffff"), text);
        Files.delete(wav);
        out.reset();
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, file, false, ps, ps),
                "audio that cannot be read keeps the tolerances");
        text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("cannot hash the audio of " + fleurs.label()) && text.contains(
                "no audio hash in this run") && text.contains("mode: 3 of 6 cells compared exactly"), text);
        Files.write(wav, original);
        Files.writeString(fleursProv, provText);

        // A step recorded with another thread count: the runs' platform is no single fingerprint, tolerances apply.
        Path prov = runs.resolve(CheckCommand.corpora(runs, records, specs, Profile.SMOKE, null, quiet).get(0).dir())
                .resolve(StepRunner.PROVENANCE);
        JsonObject p = JsonParser.parseString(Files.readString(prov)).getAsJsonObject();
        p.getAsJsonObject("environment").addProperty("torch_num_threads", "7");
        Files.writeString(prov, p.toString());
        assertNull(CheckCommand.platform(runs, records).fingerprint());
        out.reset();
        assertEquals(0, CheckCommand.run(runs, Profile.SMOKE, specs, null, moved, false, ps, ps));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("made on 2 platforms")
                && out.toString(StandardCharsets.UTF_8).contains("the baseline's tolerances apply"), out.toString());
    }
}
