package org.masrrepro.harness.spec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.harness.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resolution rules (extends, profiles, overrides) and the quality of error messages. */
class SpecLoaderTest {

    @TempDir
    Path tmp;
    Path specs;

    @BeforeEach
    void copyRealSpecs() throws IOException {
        specs = tmp.resolve("harness").resolve("specs");
        Files.createDirectories(specs.resolve("table1"));
        Files.createDirectories(specs.resolve("profiles"));
        for (String f : new String[] {"table1/bestrq-fleurs.json", "table1/random-init-fleurs.json",
                "profiles/smoke.json", "profiles/cpu.json", "profiles/paper.json"}) {
            Files.copy(TestPaths.specs().resolve(f), specs.resolve(f));
        }
    }

    private void write(String id, String json) throws IOException {
        Path f = specs.resolve(id + ".json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, json);
    }

    private SpecException invalid(String id, Profile p) {
        return assertThrows(SpecException.class, () -> new SpecLoader(specs).load(id, p, null));
    }

    @Test
    void ablationIsAFewLines() throws IOException {
        write("ablations/more-steps", "{\"extends\": \"table1/bestrq-fleurs\", \"pretrain\": {\"training\": {\"steps\": 7}}}");
        ExperimentSpec s = new SpecLoader(specs).load("ablations/more-steps", Profile.CPU, null);
        // The more specific file wins over the global profile layer.
        assertEquals("ablations/more-steps", s.id());
        assertEquals(7, s.pretrain().training().steps());
        ExperimentSpec base = new SpecLoader(specs).load("table1/bestrq-fleurs", Profile.CPU, null);
        assertEquals(base.corpus(), s.corpus());
    }

    @Test
    void extendsListAppliesFragmentsInOrderAndFragmentsAreNotExperiments() throws IOException {
        write("fragments/tiny-steps", "{\"pretrain\": {\"training\": {\"steps\": 11}}, "
                + "\"profiles\": {\"cpu\": {\"pretrain\": {\"training\": {\"steps\": 13}}}}}");
        write("fragments/more-steps", "{\"pretrain\": {\"training\": {\"steps\": 17}}}");
        write("ablations/two-parts", "{\"extends\": [\"table1/bestrq-fleurs\", \"fragments/tiny-steps\"]}");
        write("ablations/later-wins", "{\"extends\": [\"table1/bestrq-fleurs\", \"fragments/tiny-steps\", "
                + "\"fragments/more-steps\"]}");
        SpecLoader loader = new SpecLoader(specs);
        // the fragment's own profile section outranks its plain body, as for any spec in the chain
        assertEquals(13, loader.load("ablations/two-parts", Profile.CPU, null).pretrain().training().steps());
        assertEquals(11, loader.load("ablations/two-parts", Profile.SMOKE, null).pretrain().training().steps(),
                "smoke: the fragment's body outranks the global profile layer");
        assertEquals(13, loader.load("ablations/later-wins", Profile.CPU, null).pretrain().training().steps(),
                "profile sections come after every body layer");
        assertEquals(17, loader.load("ablations/later-wins", Profile.SMOKE, null).pretrain().training().steps());
        assertTrue(loader.ids().contains("ablations/two-parts"));
        assertTrue(loader.ids().stream().noneMatch(id -> id.startsWith("fragments/")), loader.ids().toString());
        assertEquals(java.util.List.of("fragments/more-steps", "fragments/tiny-steps"), loader.fragmentIds());
        SpecException alone = invalid("fragments/tiny-steps", Profile.CPU);
        assertTrue(alone.getMessage().contains("is a fragment, not an experiment"), alone.getMessage());
        write("bad/missing-part", "{\"extends\": [\"table1/bestrq-fleurs\", \"fragments/nope\"]}");
        write("bad/diamond", "{\"extends\": [\"ablations/two-parts\", \"table1/random-init-fleurs\"]}");
        SpecException diamond = invalid("bad/diamond", Profile.CPU);
        assertTrue(diamond.getMessage().contains("table1/bestrq-fleurs is reached twice"), diamond.getMessage());
        SpecException missing = invalid("bad/missing-part", Profile.CPU);
        assertTrue(missing.getMessage().contains("$.extends[1]") && missing.getMessage().contains("fragments/nope"),
                missing.getMessage());
    }

    @Test
    void zeroStepsMeanNoPretrainingButFineTuningNeedsSteps() throws IOException {
        ExperimentSpec none = new SpecLoader(specs).load("table1/random-init-fleurs", Profile.CPU, null);
        assertEquals(0, none.pretrain().training().steps(), "the reference row has no pretraining at every profile");
        write("bad/no-finetune", "{\"extends\": \"table1/bestrq-fleurs\", \"profiles\": {\"cpu\": "
                + "{\"downstream\": {\"training\": {\"steps\": 0}, \"freeze_encoder_steps\": 0}}}}");
        SpecException e = invalid("bad/no-finetune", Profile.CPU);
        assertTrue(e.getMessage().contains("training.steps"), e.getMessage());
    }

    @Test
    void profileLayersChangeSizes() {
        SpecLoader l = new SpecLoader(specs);
        ExperimentSpec smoke = l.load("table1/bestrq-fleurs", Profile.SMOKE, null);
        ExperimentSpec paper = l.load("table1/bestrq-fleurs", Profile.PAPER, null);
        assertEquals(1250000, paper.pretrain().training().steps());
        assertEquals(1024, ((ConformerSpec) paper.encoder()).modelDim());
        assertTrue(smoke.pretrain().training().steps() < 100);
        assertEquals(5, smoke.corpus().languages().size());
    }

    @Test
    void seedOverrideWins() {
        ExperimentSpec s = new SpecLoader(specs).load("table1/bestrq-fleurs", Profile.SMOKE, 7L);
        assertEquals(7L, s.seed());
    }

    @Test
    void unknownFieldNamesFileAndPathAndAllowedFields() throws IOException {
        write("bad/unknown", "{\"extends\": \"table1/bestrq-fleurs\", \"pretrain\": {\"training\": {\"stepz\": 3}}}");
        SpecException e = invalid("bad/unknown", Profile.CPU);
        assertEquals("harness/specs/bad/unknown.json", e.file());
        assertEquals("$.pretrain.training.stepz", e.jsonPath());
        assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
        assertTrue(e.getMessage().contains("steps"), "lists allowed fields: " + e.getMessage());
    }

    @Test
    void wrongTypeSaysWhatWasFound() throws IOException {
        write("bad/type", "{\"extends\": \"table1/bestrq-fleurs\", \"seed\": \"abc\"}");
        SpecException e = invalid("bad/type", Profile.CPU);
        assertEquals("$.seed", e.jsonPath());
        assertTrue(e.getMessage().contains("expected a number") && e.getMessage().contains("\"abc\""), e.getMessage());
    }

    @Test
    void unknownVariantListsAllowedTypes() throws IOException {
        write("bad/variant", "{\"extends\": \"table1/bestrq-fleurs\", \"pretrain\": {\"ssl\": {\"type\": \"hubert\"}}}");
        SpecException e = invalid("bad/variant", Profile.CPU);
        assertEquals("$.pretrain.ssl.type", e.jsonPath());
        assertTrue(e.getMessage().contains("hubert") && e.getMessage().contains("best-rq"), e.getMessage());
    }

    @Test
    void validationErrorNamesTheLayerThatSetTheValue() throws IOException {
        Files.writeString(specs.resolve("profiles/smoke.json"),
                Files.readString(specs.resolve("profiles/smoke.json")).replace("\"num_heads\": 2", "\"num_heads\": 3"));
        SpecException e = invalid("table1/bestrq-fleurs", Profile.SMOKE);
        assertEquals("harness/specs/profiles/smoke.json", e.file());
        assertTrue(e.getMessage().contains("divisible by num_heads 3"), e.getMessage());
    }

    @Test
    void missingRequiredField() throws IOException {
        write("bad/missing", "{\"extends\": \"table1/bestrq-fleurs\", \"report\": null}");
        SpecException e = invalid("bad/missing", Profile.CPU);
        assertEquals("$.report", e.jsonPath());
        assertTrue(e.getMessage().contains("missing required field"), e.getMessage());
    }

    @Test
    void extendsCycleIsAnError() throws IOException {
        write("bad/a", "{\"extends\": \"bad/b\"}");
        write("bad/b", "{\"extends\": \"bad/a\"}");
        SpecException e = invalid("bad/a", Profile.CPU);
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void analogCorpusMustSaySo() throws IOException {
        write("bad/label", "{\"extends\": \"table1/bestrq-fleurs\", \"corpus\": {\"label\": \"FLEURS\"}}");
        SpecException e = invalid("bad/label", Profile.CPU);
        assertTrue(e.getMessage().contains("analog"), e.getMessage());
    }

    @Test
    void unknownProfileKeyIsAnError() throws IOException {
        write("bad/profile", "{\"extends\": \"table1/bestrq-fleurs\", \"profiles\": {\"gpu\": {}}}");
        SpecException e = invalid("bad/profile", Profile.CPU);
        assertEquals("$.profiles.gpu", e.jsonPath());
    }

    @Test
    void typeChangeReplacesTheWholeObject() {
        var base = com.google.gson.JsonParser.parseString("{\"a\": {\"type\": \"x\", \"k\": 1}}").getAsJsonObject();
        var over = com.google.gson.JsonParser.parseString("{\"a\": {\"type\": \"y\", \"j\": 2}}").getAsJsonObject();
        var m = JsonMerge.merge(base, over);
        assertEquals("{\"a\":{\"type\":\"y\",\"j\":2}}", m.toString());
        var same = JsonMerge.merge(base, com.google.gson.JsonParser.parseString("{\"a\": {\"j\": 2}}").getAsJsonObject());
        assertEquals(1, same.getAsJsonObject("a").get("k").getAsInt());
    }

    @Test
    void docKeysAreIgnoredButChangeNothing() throws IOException {
        write("doc/commented", "{\"extends\": \"table1/bestrq-fleurs\", \"//\": \"a note\", \"//seed\": \"why\"}");
        SpecLoader l = new SpecLoader(specs);
        ExperimentSpec a = l.load("doc/commented", Profile.CPU, null);
        ExperimentSpec b = l.load("table1/bestrq-fleurs", Profile.CPU, null);
        assertEquals(b.corpus(), a.corpus());
        assertNotEquals(a.id(), b.id());
    }
}
