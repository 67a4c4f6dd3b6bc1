package org.masrrepro.harness.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.Step;
import org.masrrepro.harness.steps.StepId;
import org.masrrepro.harness.steps.StepRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time plan reports measured seconds of finished steps and estimates the rest only from alike measurements. */
class TimePlanTest {

    static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void estimatesScaleTheMedianRateByTrainingSteps() {
        List<double[]> training = List.of(new double[] {100, 1000}, new double[] {300, 1000}, new double[] {200, 1000});
        assertEquals(100, TimePlan.estimate(training, 500), 1e-9, "median 0.2 s/step x 500 steps");
        assertEquals(200, TimePlan.estimate(List.of(new double[] {100, -1}, new double[] {300, -1}), -1), 1e-9);
        assertEquals(0, TimePlan.estimate(training, 0), "a 0-step pretraining (random init) costs nothing");
        assertEquals(0, TimePlan.estimate(List.of(), 0), "even with nothing alike measured (0-step ones are not kept)");
        assertTrue(Double.isNaN(TimePlan.estimate(List.of(), 500)), "nothing alike measured: unknown, not guessed");
    }

    @Test
    void aContinuedPretrainingRunsOnlyItsOwnSteps() {
        assertEquals(400, TimePlan.trainingSteps(json(
                "{\"pretrain\": {\"training\": {\"steps\": 2000}}, \"continues_from_step\": 1600}")));
        assertEquals(300, TimePlan.trainingSteps(json("{\"task\": {\"steps\": 300}}")));
        assertEquals(50, TimePlan.trainingSteps(json("{\"task\": \"asr\", \"training\": {\"steps\": 50}}")));
        assertEquals(-1, TimePlan.trainingSteps(json("{\"task\": \"lid\", \"split\": \"test\"}")));
    }

    @Test
    void signaturesSeparateObjectivesAndEncoderSizes() {
        String bestRq = "{\"encoder\": {\"model_dim\": 144, \"num_layers\": 4}, \"pretrain\": {\"ssl\": {\"type\": \"best-rq\"}, \"aux\": []}}";
        String masr = bestRq.replace("\"aux\": []", "\"aux\": [{\"type\": \"masr\"}]");
        String small = bestRq.replace("144", "32");
        assertFalse(TimePlan.signature("pretrain", json(bestRq), "cpu").equals(TimePlan.signature("pretrain", json(masr), "cpu")));
        assertFalse(TimePlan.signature("pretrain", json(bestRq), "cpu").equals(TimePlan.signature("pretrain", json(small), "cpu")));
        assertFalse(TimePlan.signature("pretrain", json(bestRq), "cpu").equals(TimePlan.signature("pretrain", json(bestRq), "smoke")));
    }

    @Test
    void finishedStepsAreMeasuredAndAlikeOnesEstimated(@TempDir Path runs) throws IOException {
        Profile p = Profile.SMOKE;
        ExperimentPlan plan = smokeBestRq();
        StepId ids = new StepId();
        finished(runs.resolve(ids.dirName(plan.corpus())), plan.corpus(), 12.0, p, false);
        // Another seed's pretraining, finished: 0.5 s per step; the planned one is alike, so it is estimated from it.
        int steps = TimePlan.trainingSteps(plan.pretrain().inputs());
        finished(runs.resolve("pretrain/ffffffffffffffff"), plan.pretrain(), 0.5 * steps, p, false,
                ids.dirName(plan.corpus()));
        // A resumed one, 10x slower per its last process: not a basis for estimates.
        finished(runs.resolve("pretrain/eeeeeeeeeeeeeeee"), plan.pretrain(), 5.0 * steps, p, true,
                ids.dirName(plan.corpus()));

        TimePlan t = TimePlan.of(List.of(plan.target()), runs, p, null);
        TimePlan.Entry corpus = t.entries().get(0);
        assertTrue(corpus.done() && corpus.seconds() == 12.0, corpus.toString());
        TimePlan.Entry pretrain = t.entries().stream().filter(e -> e.dir().equals(ids.dirName(plan.pretrain())))
                .findFirst().orElseThrow();
        assertFalse(pretrain.done());
        assertEquals(0.5 * steps, pretrain.seconds(), 1e-6);
        assertEquals(1, pretrain.basis());
        assertTrue(t.unknown() > 0, "features, fine-tuning, evaluation: nothing alike measured");
        assertTrue(t.render().contains("done: 1 steps, 12 s measured"), t.render());
    }

    /** A fresh runs folder estimates from reference timings written elsewhere; its own measurements come first. */
    @Test
    void referenceTimingsFromAnotherRunsFolderFillTheUnknowns(@TempDir Path tmp) throws IOException {
        Profile p = Profile.SMOKE;
        ExperimentPlan plan = smokeBestRq();
        StepId ids = new StepId();
        int steps = TimePlan.trainingSteps(plan.pretrain().inputs());
        Path elsewhere = tmp.resolve("elsewhere");
        finished(elsewhere.resolve(ids.dirName(plan.corpus())), plan.corpus(), 12.0, p, false);
        finished(elsewhere.resolve("pretrain/ffffffffffffffff"), plan.pretrain(), 0.5 * steps, p, false,
                ids.dirName(plan.corpus()));
        Path timings = tmp.resolve("timings/smoke.json");
        assertEquals(2, TimePlan.writeTimings(elsewhere, p, timings));
        // A second runs folder adds its steps; the first folder's stay.
        Path other = tmp.resolve("other");
        finished(other.resolve(ids.dirName(plan.corpus())), plan.corpus(), 14.0, p, false);
        finished(other.resolve("pretrain/dddddddddddddddd"), plan.pretrain(), 1.5 * steps, p, false,
                ids.dirName(plan.corpus()));
        assertEquals(3, TimePlan.writeTimings(other, p, timings), "one corpus step (re-measured), two pretrainings");

        Path fresh = tmp.resolve("fresh");
        TimePlan none = TimePlan.of(List.of(plan.target()), fresh, p, null);
        assertEquals(none.entries().size(), none.unknown(), "nothing measured, no reference: every step unknown");
        TimePlan t = TimePlan.of(List.of(plan.target()), fresh, p, timings);
        TimePlan.Entry pretrain = t.entries().stream().filter(e -> e.dir().equals(ids.dirName(plan.pretrain())))
                .findFirst().orElseThrow();
        assertTrue(pretrain.fromReference(), pretrain.toString());
        assertEquals(2, pretrain.basis());
        assertEquals(1.0 * steps, pretrain.seconds(), 1e-6, "median of 0.5 and 1.5 s per step");
        assertEquals(14.0, t.entries().get(0).seconds(), 1e-9, "the corpus step, as last written");
        assertTrue(t.render().contains("reference timing(s)"), t.render());
        assertTrue(t.render().contains("(2 step(s) from reference timings)"), t.render());

        // This runs folder's own measurement of an alike step wins over the reference.
        finished(fresh.resolve("pretrain/cccccccccccccccc"), plan.pretrain(), 0.25 * steps, p, false,
                ids.dirName(plan.corpus()));
        finished(fresh.resolve(ids.dirName(plan.corpus())), plan.corpus(), 12.0, p, false);
        TimePlan own = TimePlan.of(List.of(plan.target()), fresh, p, timings);
        TimePlan.Entry ownPretrain = own.entries().stream().filter(e -> e.dir().equals(ids.dirName(plan.pretrain())))
                .findFirst().orElseThrow();
        assertFalse(ownPretrain.fromReference());
        assertEquals(0.25 * steps, ownPretrain.seconds(), 1e-6);

        IOException wrong = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> TimePlan.of(List.of(plan.target()), fresh, Profile.CPU, timings));
        assertTrue(wrong.getMessage().contains("profile 'smoke', not cpu"), wrong.getMessage());
    }

    /** The smoke plan of table1/bestrq-fleurs, whose steps the timing tests mark finished. */
    private static ExperimentPlan smokeBestRq() {
        return ExperimentPlan.of(new SpecLoader(TestPaths.specs()).load("table1/bestrq-fleurs", Profile.SMOKE, null),
                Profile.SMOKE);
    }

    static void finished(Path dir, Step step, double seconds, Profile p, boolean resumed, String... deps)
            throws IOException {
        Files.createDirectories(dir);
        JsonObject prov = new JsonObject();
        prov.addProperty("resumed_from_partial_output", resumed);
        com.google.gson.JsonArray d = new com.google.gson.JsonArray();
        for (String dep : deps) {
            JsonObject o = new JsonObject();
            o.addProperty("dir", dep);
            d.add(o);
        }
        prov.add("dependencies", d);
        prov.addProperty("kind", step.kind());
        prov.add("inputs", step.inputs());
        JsonObject by = new JsonObject();
        by.addProperty("profile", p.id());
        prov.add("requested_by", by);
        prov.addProperty("seconds", seconds);
        Files.writeString(dir.resolve(StepRunner.PROVENANCE), prov.toString());
        Files.writeString(dir.resolve(StepRunner.DONE), "x\n");
    }
}
