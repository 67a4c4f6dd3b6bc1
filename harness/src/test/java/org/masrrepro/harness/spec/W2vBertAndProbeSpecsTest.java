package org.masrrepro.harness.spec;

import org.junit.jupiter.api.Test;
import org.masrrepro.harness.TestPaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The w2v-BERT and probe specs resolve to the intended values under every profile: the typed 'ssl' and
 * 'downstream' objects replace BEST-RQ's and LID's whole, so no BEST-RQ size (8192 codes) or LID key leaks in.
 */
class W2vBertAndProbeSpecsTest {

    static ExperimentSpec load(String id, Profile p) {
        return new SpecLoader(TestPaths.specs()).load(id, p, null);
    }

    @Test
    void w2vBertSizesPerProfile() {
        int[][] expected = { // profile -> num_layers, contrastive_layers, codebook_size
            {2, 1, 64}, {4, 1, 256}, {24, 8, 1024}};
        // cpu: 0 (stop-gradient, measured to avoid code collapse at that scale); paper: joint training as published
        Double[] quantizerInputGradient = {null, 0.0, null};
        Profile[] profiles = {Profile.SMOKE, Profile.CPU, Profile.PAPER};
        for (int i = 0; i < profiles.length; i++) {
            for (String id : new String[] {"table1/w2vbert-fleurs", "table1/w2vbert-lasr-fleurs", "table1/w2vbert-masr-fleurs"}) {
                ExperimentSpec s = load(id, profiles[i]);
                W2vBertSpec w = assertInstanceOf(W2vBertSpec.class, s.pretrain().ssl(), id);
                assertEquals(expected[i][0], ((ConformerSpec) s.encoder()).numLayers(), id + " " + profiles[i]);
                assertEquals(expected[i][1], w.contrastiveLayers(), id + " " + profiles[i]);
                assertEquals(expected[i][2], w.codebookSize(), id + " " + profiles[i]);
                assertEquals(quantizerInputGradient[i], w.quantizerInputGradient(), id + " " + profiles[i]);
                assertEquals(1, w.codebookGroups());
                assertEquals(0.1, w.contrastiveTemperature());
                assertEquals(0.1, w.diversityWeight());
                assertTrue(s.report().row().startsWith("w2v-bert"), s.report().row());
            }
        }
        assertEquals("w2v-bert+masr", load("table1/w2vbert-masr-fleurs", Profile.CPU).report().row());
        assertEquals("table1/w2vbert-fleurs", load("table1/w2vbert-lasr-fleurs", Profile.CPU).pretrain().initFrom().spec());
    }

    @Test
    void contrastiveLayersMustLeaveAnMlmModule() {
        SpecException e = assertThrows(SpecException.class, () -> loadWith("table1/w2vbert-fleurs"));
        assertTrue(e.getMessage().contains("contrastive_layers"), e.getMessage());
    }

    /** The paper-profile w2v-BERT spec with a 4-block encoder (8 contrastive blocks cannot fit). */
    static ExperimentSpec loadWith(String id) {
        SpecLoader loader = new SpecLoader(TestPaths.specs());
        com.google.gson.JsonObject json = loader.resolve(id, Profile.PAPER, null).json();
        json.getAsJsonObject("encoder").addProperty("num_layers", 4);
        return new SpecBinder(id).bind(json, ExperimentSpec.class, "$");
    }

    @Test
    void table2SpecsProbeTheirRowsEncoderOnTheirTasksCorpus() {
        java.util.Map<String, String> rowBase = java.util.Map.of("bestrq", "table1/bestrq-fleurs",
                "bestrq-lasr", "table1/bestrq-lasr-fleurs", "bestrq-masr", "table1/bestrq-masr-fleurs",
                "geo-masr", "section7/geo-masr-fleurs", "text-masr", "section7/text-masr-fleurs");
        java.util.List<String> tasks = java.util.List.of("voxforge", "asvspoof2019", "iemocap", "mask", "esc50-human",
                "esc50-cough");
        for (Profile p : Profile.values()) {
            for (String task : tasks) {
                for (java.util.Map.Entry<String, String> row : rowBase.entrySet()) {
                    ExperimentSpec s = load("table2/" + task + "/" + row.getKey(), p);
                    ProbeSpec probe = assertInstanceOf(ProbeSpec.class, s.downstream());
                    assertEquals(task.equals("voxforge") ? "language" : "label", probe.target());
                    assertEquals("T2", s.report().table());
                    assertEquals(task, s.report().dataset());
                    AnalogCorpusSpec corpus = assertInstanceOf(AnalogCorpusSpec.class, probe.corpus());
                    assertEquals(p == Profile.SMOKE ? "smoke" : "cpu", corpus.size());
                    assertEquals(load(row.getValue(), p).pretrain(), s.pretrain(), "probes the row's encoder");
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new ReportSpec("T2", "best-rq", "fleurs"));
        assertThrows(IllegalArgumentException.class, () -> new ReportSpec("T1", "best-rq", "voxforge"));
    }
}
