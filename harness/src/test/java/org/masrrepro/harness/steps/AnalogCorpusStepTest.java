package org.masrrepro.harness.steps;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masrrepro.datasets.corpus.Manifest;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.corpus.analog.AnalogCorpora;
import org.masrrepro.datasets.system.DebianPackages;
import org.masrrepro.datasets.util.Hashes;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.harness.spec.AnalogCorpusSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each analog corpus spec at smoke size through the corpus step: manifest, card, provenance, reuse on a re-run. */
class AnalogCorpusStepTest {

    @TempDir
    Path tmp;

    static List<String> names() {
        return AnalogCorpora.NAMES;
    }

    static List<String> packages(String name) {
        return switch (name) {
            case "fillets-speech" -> List.of("fillets-ng-data", "fillets-ng-data-cs", "fillets-ng-data-nl", "sox");
            case "spoof-analog" -> List.of("fillets-ng-data", "fillets-ng-data-cs", "fillets-ng-data-nl", "sox", "espeak-ng");
            case "librivox-clips" -> List.of("pocketsphinx-testdata");
            case "esc-human-analog", "esc-cough-analog" -> List.of("hedgewars-data", "sox");
            default -> List.of("espeak-ng", "espeak-ng-data");
        };
    }

    @ParameterizedTest
    @MethodSource("names")
    void buildsThroughTheCorpusStep(String name) throws Exception {
        assumeTrue(DebianPackages.versions(packages(name)).keySet().containsAll(packages(name)),
                "missing Debian packages " + packages(name) + "; run harness/bin/install-deps.sh as root");
        AnalogCorpusSpec spec = new AnalogCorpusSpec(name + " analog (smoke)", name, "smoke", null);
        CorpusStep step = new CorpusStep(spec, 11);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StepRunner runner = new StepRunner(tmp, Device.cpu(), ProgressListener.NONE,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        Path dir = runner.run(step);
        Path data = CorpusStep.dataDir(dir);
        List<Utterance> utts = Manifest.read(data.resolve("manifest.csv"));
        assertFalse(utts.isEmpty());
        assertTrue(Files.readString(data.resolve("card.md")).toLowerCase().contains("analog"));
        JsonObject prov = JsonParser.parseString(Files.readString(dir.resolve(StepRunner.PROVENANCE))).getAsJsonObject();
        assertTrue(prov.toString().contains(Hashes.sha256(data.resolve("manifest.csv"))), "provenance lacks the manifest hash");
        if (!spec.task().equals("classification")) {
            assertTrue(utts.stream().allMatch(u -> spec.classes().contains(u.language())));
        } else {
            assertTrue(utts.stream().allMatch(u -> spec.classes().contains(u.label())));
        }

        // a second runner over the same root does no work
        ByteArrayOutputStream log2 = new ByteArrayOutputStream();
        StepRunner again = new StepRunner(tmp, Device.cpu(), ProgressListener.NONE,
                new PrintStream(log2, true, StandardCharsets.UTF_8));
        assertEquals(dir, again.run(new CorpusStep(spec, 11)));
        assertTrue(log2.toString(StandardCharsets.UTF_8).contains("done earlier"), log2.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void specRejectsUnknownCorpusSizeAndDishonestLabel() {
        assertThrows(IllegalArgumentException.class, () -> new AnalogCorpusSpec("x analog", "timit", "smoke", null));
        assertThrows(IllegalArgumentException.class, () -> new AnalogCorpusSpec("x analog", "mls-analog", "huge", null));
        assertThrows(IllegalArgumentException.class, () -> new AnalogCorpusSpec("MLS", "mls-analog", "smoke", null));
    }

    @org.junit.jupiter.api.Test
    void theBuildFormatIsPartOfTheStepIdentity() {
        for (String name : org.masrrepro.datasets.corpus.analog.AnalogCorpora.NAMES) {
            CorpusStep step = new CorpusStep(new AnalogCorpusSpec(name + " analog", name, "smoke", null), 11);
            assertEquals(org.masrrepro.datasets.corpus.analog.AnalogCorpora.format(name),
                    step.inputs().get("analog_format").getAsInt(),
                    name + ": a format bump must change the hash, or the old build and its features are reused");
        }
    }
}
