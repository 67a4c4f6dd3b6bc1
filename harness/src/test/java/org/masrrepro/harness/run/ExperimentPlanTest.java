package org.masrrepro.harness.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resolving specs into step graphs (no work is done). */
class ExperimentPlanTest {

    @TempDir
    Path tmp;

    private static final String DOWNSTREAM = """
            {
              "extends": "table1/bestrq-fleurs",
              "describes": "test: fine-tune and evaluate on another corpus",
              "downstream": { "corpus": { "type": "fleurs-analog", "label": "other analog", "seed": 5,
                  "languages": ["sv", "nb", "de"], "overlapped": %s,
                  "train_speakers": 1, "dev_speakers": 1, "test_speakers": 1, "pretrain_speakers": 1,
                  "train_sentences": 2, "dev_sentences": 1, "test_sentences": 2, "pretrain_sentences": 2 } },
              "report": { "dataset": "dhvani" }
            }
            """;

    private final org.masrrepro.harness.steps.StepId ids = new org.masrrepro.harness.steps.StepId();

    private String id(org.masrrepro.harness.steps.Step step) {
        return ids.hash(step);
    }

    private ExperimentPlan plan(SpecLoader loader, String id) {
        return ExperimentPlan.of(loader.load(id, Profile.SMOKE, null), Profile.SMOKE,
                (base, seed) -> loader.load(base, Profile.SMOKE, seed));
    }

    @Test
    void aDownstreamCorpusSharesPretrainingAndReplacesFineTuningData() throws IOException {
        SpecLoader loader = loaderWith("table1/other", DOWNSTREAM.formatted("[\"sv\"]"));
        ExperimentPlan base = plan(loader, "table1/bestrq-fleurs");
        ExperimentPlan other = plan(loader, "table1/other");
        assertSame(base.corpus(), base.pretrainCorpus(), "no downstream corpus: one corpus for both");
        assertEquals(id(base.pretrain()), id(other.pretrain()), "pretraining is the same step");
        assertNotEquals(id(base.corpus()), id(other.corpus()));
        assertEquals(id(base.pretrainCorpus()), id(other.pretrainCorpus()));
        assertEquals(java.util.List.of("sv", "nb", "de"), other.corpus().spec().languages());
        assertNotEquals(id(base.floor()), id(other.floor()), "the floor belongs to the evaluated corpus");
    }

    @Test
    void overlappedLanguagesMustBeInThePretrainingCorpus() throws IOException {
        SpecLoader loader = loaderWith("table1/other", DOWNSTREAM.formatted("[\"nb\"]"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(loader, "table1/other"));
        assertTrue(e.getMessage().contains("[nb]") && e.getMessage().contains("overlapped"), e.getMessage());
    }

    /** The real specs copied beside one extra spec {@code id} with the given JSON. */
    private SpecLoader loaderWith(String id, String json) throws IOException {
        Path specs = TestPaths.copySpecs(tmp.resolve("specs"));
        Files.writeString(specs.resolve(id + ".json"), json);
        return new SpecLoader(specs);
    }

    private static final String ASR_SUBSET = """
            { "extends": "table3/bestrq-mls", "describes": "test: two languages only",
              "downstream": { "languages": %s } }
            """;

    @Test
    void anAsrLanguageListFineTunesThoseLanguagesOnlyInCorpusOrderWithUnchangedSteps() throws IOException {
        SpecLoader loader = loaderWith("table3/two", ASR_SUBSET.formatted("[\"nl\", \"de\"]"));
        var all = ((org.masrrepro.harness.steps.AsrEvalStep) plan(loader, "table3/bestrq-mls").eval()).models();
        var two = ((org.masrrepro.harness.steps.AsrEvalStep) plan(loader, "table3/two").eval()).models();
        assertEquals(java.util.List.of("de", "nl"), two.stream().map(m -> m.language()).toList());
        assertEquals(6, all.size());
        for (var m : two) {
            var same = all.stream().filter(a -> a.language().equals(m.language())).findFirst().orElseThrow();
            assertEquals(id(same), id(m), "a language's fine-tuning is the same step with or without the list");
        }
    }

    @Test
    void anAsrLanguageOutsideTheCorpusFailsAtPlanTimeNamingSpecAndField() throws IOException {
        SpecLoader loader = loaderWith("table3/bad", ASR_SUBSET.formatted("[\"de\", \"pt\"]"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(loader, "table3/bad"));
        assertTrue(e.getMessage().contains("table3/bad") && e.getMessage().contains("downstream.languages")
                && e.getMessage().contains("[pt]"), e.getMessage());
    }

    /** Table 2 carries a floor row: a language-ID probe gets the language floor, another task its label's floor. */
    @Test
    void everyProbePlansTheFloorOfItsTaskOnItsOwnCorpus() {
        SpecLoader loader = new SpecLoader(TestPaths.specs());
        ExperimentPlan voxforge = plan(loader, "table2/voxforge/bestrq");
        ExperimentPlan spoof = plan(loader, "table2/asvspoof2019/bestrq");
        assertTrue(voxforge.floor() != null && spoof.floor() != null, "probe plans without a floor");
        assertSame(voxforge.features(), voxforge.floor().features(), "the floor reads the probe's own corpus");
        assertSame(spoof.features(), spoof.floor().features());
        assertTrue(voxforge.floor().inputs().get("classes").getAsJsonArray().size() == 6
                && !voxforge.floor().inputs().has("target"), voxforge.floor().inputs().toString());
        assertEquals("label", spoof.floor().inputs().get("target").getAsString());
        // Every row of one task shares that task's floor.
        assertEquals(id(spoof.floor()), id(plan(loader, "table2/asvspoof2019/bestrq-masr").floor()));
        // Table 1's language floors keep their identity (no "target" field), so finished floors are reused.
        assertTrue(!plan(loader, "table1/bestrq-fleurs").floor().inputs().has("target"));
    }

    /** Real English speech scored by the MLS-analog row's English model: the same fine-tuning step, another corpus. */
    @Test
    void anAsrEvalCorpusScoresTheSharedModelOfItsLanguagesOnly() throws IOException {
        SpecLoader loader = new SpecLoader(TestPaths.specs());
        ExperimentPlan mls = plan(loader, "table3/bestrq-mls");
        ExperimentPlan real = plan(loader, "table3/real-speech/bestrq-librivox");
        var models = ((org.masrrepro.harness.steps.AsrEvalStep) real.eval()).models();
        assertEquals(1, models.size());
        assertEquals("en", models.get(0).language());
        var mlsEnglish = ((org.masrrepro.harness.steps.AsrEvalStep) mls.eval()).models().stream()
                .filter(m -> m.language().equals("en")).findFirst().orElseThrow();
        assertEquals(id(mlsEnglish), id(models.get(0)), "the English model is the MLS row's step, not a second one");
        assertSame(real.features(), ((org.masrrepro.harness.steps.AsrEvalStep) real.eval()).features());
        assertEquals("librivox-clips", ((org.masrrepro.harness.spec.AnalogCorpusSpec) real.corpus().spec()).corpus());
        // Without eval_corpus the evaluation keeps its identity (the fine-tuning corpus's features).
        assertSame(((org.masrrepro.harness.steps.AsrEvalStep) mls.eval()).features(), mlsEnglish.features());

        SpecLoader bad = loaderWith("table3/bad-eval", """
                { "extends": "table3/real-speech/bestrq-librivox", "downstream": { "languages": ["de"] },
                  "report": { "row": "bad" } }
                """);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> plan(bad, "table3/bad-eval"));
        assertTrue(e.getMessage().contains("table3/bad-eval") && e.getMessage().contains("downstream.eval_corpus"),
                e.getMessage());
    }
}
