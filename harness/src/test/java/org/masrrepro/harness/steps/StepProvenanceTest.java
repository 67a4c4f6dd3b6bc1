package org.masrrepro.harness.steps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepProvenanceTest {

    @Test
    void readsDependenciesInOrderAndRejectsAMalformedFileByName(@TempDir Path step) throws IOException {
        assertNull(StepProvenance.read(step), "a step not run has no provenance");

        Files.writeString(step.resolve(StepRunner.PROVENANCE), "{\"kind\": \"eval\", \"dependencies\": [{\"dir\": "
                + "\"finetune/b\"}, {\"dir\": \"corpus/a\"}], \"environment\": {\"cpu_model\": \"x\"}}");
        var p = StepProvenance.read(step);
        assertEquals(List.of("finetune/b", "corpus/a"), StepProvenance.dependencyDirs(p));
        assertEquals("x", StepProvenance.environment(p).get("cpu_model").getAsString());

        Files.writeString(step.resolve(StepRunner.PROVENANCE), "{\"kind\": \"eval\"}");
        assertEquals(List.of(), StepProvenance.dependencyDirs(StepProvenance.read(step)));
        assertNull(StepProvenance.environment(StepProvenance.read(step)));

        for (String bad : List.of("{\"dependencies\": \"corpus/a\"}", "{\"dependencies\": [{\"path\": \"x\"}]}", "[1]")) {
            Files.writeString(step.resolve(StepRunner.PROVENANCE), bad);
            IOException e = assertThrows(IOException.class, () -> StepProvenance.read(step), bad);
            assertTrue(e.getMessage().contains(step.resolve(StepRunner.PROVENANCE).toString())
                    && e.getMessage().contains("delete the step directory"), e.getMessage());
        }
    }

    @Test
    void recordedHashesAreReadOrRejectedWhenMalformed(@TempDir Path step) throws IOException {
        String sha = "0123456789abcdef".repeat(4);
        Files.writeString(step.resolve(StepRunner.PROVENANCE), "{\"input_hashes\": {\"manifest.csv\": \"" + sha
                + "\"}, \"output_hashes\": {}}");
        var p = StepProvenance.read(step);
        assertEquals(sha, StepProvenance.inputHash(p, "manifest.csv"));
        assertNull(StepProvenance.outputHash(p, CorpusStep.AUDIO_HASH), "not recorded");
        assertNull(StepProvenance.inputHash(null, "manifest.csv"), "no provenance");
        for (String bad : List.of("{\"output_hashes\": [1]}", "{\"output_hashes\": {\"" + CorpusStep.AUDIO_HASH
                + "\": \"abc\"}}", "{\"output_hashes\": {\"" + CorpusStep.AUDIO_HASH + "\": {}}}")) {
            Files.writeString(step.resolve(StepRunner.PROVENANCE), bad);
            var q = StepProvenance.read(step);
            assertThrows(IOException.class, () -> StepProvenance.outputHash(q, CorpusStep.AUDIO_HASH), bad);
        }
    }
}
