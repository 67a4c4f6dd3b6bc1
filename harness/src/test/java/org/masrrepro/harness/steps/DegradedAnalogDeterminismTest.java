package org.masrrepro.harness.steps;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.datasets.corpus.Conditions;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.FleursAnalogSpec;
import org.masrrepro.harness.spec.LidSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.Records;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Guards the determinism of the degraded FLEURS analog: the Dhvani analog of {@code fragments/dhvani-analog.json}
 * (noise at 0-20 dB SNR, half the items band-limited to 300-3400 Hz, speed x0.9-1.1, speaker locations), cut to a
 * tiny size, built twice through the corpus step into two run roots gives the same bytes in every file (manifest,
 * card, corpus.json, each WAV): every random draw of the conditions is seeded by the corpus seed and the item id.
 */
class DegradedAnalogDeterminismTest {

    @TempDir
    Path tmp;

    /** The Dhvani analog corpus of the Table 1 BEST-RQ Dhvani spec (smoke profile), cut to 2 languages and 14 items. */
    static FleursAnalogSpec tinyDhvani() {
        ExperimentSpec spec = new SpecLoader(TestPaths.specs()).load("table1/bestrq-dhvani", Profile.SMOKE, null);
        FleursAnalogSpec c = (FleursAnalogSpec) ((LidSpec) spec.downstream()).corpus();
        c = Records.with(c, "overlapped", List.of("hi"));
        c = Records.with(c, "languages", List.of("hi", "ta"));
        for (Map.Entry<String, Integer> e : Map.of("trainSpeakers", 1, "devSpeakers", 1, "testSpeakers", 1,
                "pretrainSpeakers", 1, "trainSentences", 3, "devSentences", 1, "testSentences", 2,
                "pretrainSentences", 2).entrySet()) {
            c = Records.with(c, e.getKey(), e.getValue());
        }
        return c;
    }

    Path build(FleursAnalogSpec spec, String root) {
        StepRunner runner = new StepRunner(tmp.resolve(root), Device.cpu(), ProgressListener.NONE,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        runner.setDataDir(TestPaths.sharedData()); // URIEL and Glottolog: the speaker locations
        return CorpusStep.dataDir(runner.run(new CorpusStep(spec, 1)));
    }

    @Test
    void theDegradedDhvaniAnalogBuiltTwiceIsTheSameBytes() throws IOException {
        assumeTrue(EspeakNg.available(), "espeak-ng is missing; run as root: apt-get install -y espeak-ng");
        FleursAnalogSpec spec = tinyDhvani();
        assertEquals(new Conditions(0.0, 20.0, 0.5, 300, 3400, 0.9, 1.1), spec.conditions(),
                "the fragment's conditions (if they changed on purpose, update this line)");
        Path a = build(spec, "runs-a");
        Path b = build(spec, "runs-b");
        Map<String, String> first = Hashes.sha256Tree(a);
        List<Utterance> utts = Manifest.read(a.resolve("manifest.csv"));
        assertEquals(14, utts.size(), "hi: 3 train + 1 dev + 2 test + 2 pretrain; ta: 3 + 1 + 2");
        assertEquals(utts.size(), first.keySet().stream().filter(f -> f.endsWith(".wav")).count());
        assertTrue(first.keySet().containsAll(List.of("manifest.csv", "card.md", "corpus.json")), first.keySet().toString());
        assertEquals(first, Hashes.sha256Tree(b), "two builds of the degraded analog differ");

        // the conditions are in effect: noise fills espeak-ng's digital silence at the start of every item
        String card = Files.readString(a.resolve("card.md"));
        assertTrue(card.contains(spec.conditions().describe()), card);
        for (Utterance u : utts) {
            float[] x = Wav.read(a.resolve(u.audioPath())).samples();
            int zeros = 0;
            for (int i = 0; i < 160; i++) {
                zeros += x[i] == 0 ? 1 : 0;
            }
            assertTrue(zeros < 40, u.id() + ": " + zeros + " of its first 160 samples are exact zeros: no noise added?");
            assertTrue(u.hasLocation(), u.id() + " has no speaker location");
        }
    }
}
