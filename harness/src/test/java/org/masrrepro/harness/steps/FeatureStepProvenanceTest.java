package org.masrrepro.harness.steps;

import ai.djl.Device;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.harness.spec.AnalogCorpusSpec;
import org.masrrepro.harness.spec.LogMelSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A feature step records the manifest it read and the audio hash its corpus step recorded as it built the corpus. */
class FeatureStepProvenanceTest {

    @TempDir
    Path tmp;

    @Test
    void recordsTheCorpusItRead() throws Exception {
        List<String> pkgs = List.of("espeak-ng", "espeak-ng-data");
        assumeTrue(DebianPackages.versions(pkgs).keySet().containsAll(pkgs),
                "missing Debian packages " + pkgs + "; run harness/bin/install-deps.sh as root");
        CorpusStep corpus = new CorpusStep(new AnalogCorpusSpec("style analog (smoke)", "style-analog", "smoke", null), 5);
        FeatureStep features = new FeatureStep(corpus, new LogMelSpec(40, 25, 10, 512));
        StepRunner runner = new StepRunner(tmp, Device.cpu(), ProgressListener.NONE,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Path dir = runner.run(features);
        Path corpusDir = runner.dirOf(corpus);

        JsonObject prov = StepProvenance.read(dir);
        Path manifest = CorpusStep.dataDir(corpusDir).resolve("manifest.csv");
        assertEquals(Hashes.sha256(manifest), StepProvenance.inputHash(prov, "manifest.csv"));
        String built = StepProvenance.outputHash(StepProvenance.read(corpusDir), CorpusStep.AUDIO_HASH);
        assertNotNull(built, "the corpus step recorded no audio hash");
        assertEquals(built, StepProvenance.inputHash(prov, FeatureStep.CORPUS_AUDIO_HASH));
        assertTrue(Files.exists(FeatureStep.file(dir, "train")) || Files.exists(FeatureStep.file(dir, "test")));
    }
}
