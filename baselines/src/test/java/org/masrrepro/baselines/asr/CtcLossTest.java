package org.masrrepro.baselines.asr;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CTC loss and logit gradients against torch.nn.functional.ctc_loss (fixture from scripts/make_ctc_fixture.py). */
class CtcLossTest {

    static final double TOL = 1e-4;

    record Case(String name, int b, int t, int c, float[] logits, int[] lengths, int[][] targets, JsonObject result) {
        @Override
        public String toString() {
            return name + " " + result.get("reduction").getAsString()
                    + (result.get("zero_infinity").getAsBoolean() ? " zero_infinity" : "");
        }
    }

    static List<Case> cases() throws IOException {
        JsonObject root;
        try (InputStream in = CtcLossTest.class.getResourceAsStream("/fixtures/ctc_reference.json")) {
            root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        List<Case> out = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            JsonArray tg = c.getAsJsonArray("targets");
            int[][] targets = new int[tg.size()][];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = ints(tg.get(i).getAsJsonArray());
            }
            for (JsonElement r : c.getAsJsonArray("results")) {
                out.add(new Case(c.get("name").getAsString(), c.get("batch").getAsInt(), c.get("time").getAsInt(),
                        c.get("classes").getAsInt(), floats(c.getAsJsonArray("logits")),
                        ints(c.getAsJsonArray("input_lengths")), targets, r.getAsJsonObject()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(Case k) {
        JsonObject r = k.result();
        CtcLoss ctc = CtcLoss.of(CtcLoss.Reduction.valueOf(r.get("reduction").getAsString().toUpperCase()),
                r.get("zero_infinity").getAsBoolean());
        CtcLoss.Result ours = ctc.compute(k.logits(), k.b(), k.t(), k.c(), k.lengths(), k.targets());
        if (r.get("loss").isJsonPrimitive() && r.get("loss").getAsJsonPrimitive().isString()) {
            assertEquals(Double.POSITIVE_INFINITY, ours.loss(), "torch's loss is inf");
        } else {
            assertEquals(r.get("loss").getAsDouble(), ours.loss(), TOL * Math.max(1, Math.abs(ours.loss())), "loss");
        }
        if (r.has("grad_nan")) {
            boolean anyNan = false;
            for (float g : ours.grad()) {
                anyNan |= Float.isNaN(g);
            }
            assertTrue(anyNan, "torch's gradient is NaN for an infeasible utterance");
            return;
        }
        float[] want = floats(r.getAsJsonArray("grad"));
        double maxDiff = 0;
        for (int i = 0; i < want.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(want[i] - ours.grad()[i]));
        }
        System.out.printf("ctc fixture %-40s loss diff %.3g, max |grad diff| %.3g%n", k,
                Math.abs(ours.loss() - (r.get("loss").isJsonPrimitive() ? r.get("loss").getAsDouble() : 0)), maxDiff);
        assertTrue(maxDiff < TOL, k + ": max |grad - torch| = " + maxDiff);
    }

    /** The DJL surrogate has the loss as value and hands exactly the Java gradient to autograd. */
    @Test
    void autogradReceivesTheGradient() throws IOException {
        Case k = cases().get(0);
        CtcLoss ctc = CtcLoss.of(CtcLoss.Reduction.MEAN, false);
        CtcLoss.Result ref = ctc.compute(k.logits(), k.b(), k.t(), k.c(), k.lengths(), k.targets());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(k.logits(), new Shape(k.b(), k.t(), k.c()));
            w.setRequiresGradient(true);
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // A differentiable op before the loss, so the gradient flows through the graph: d/dw of (2w) is 2G.
                loss = ctc.loss(w.mul(m.create(2f)), k.lengths(), k.targets());
                gc.backward(loss);
            }
            float[] twice = new float[k.logits().length];
            for (int i = 0; i < twice.length; i++) {
                twice[i] = 2 * k.logits()[i];
            }
            CtcLoss.Result at2w = ctc.compute(twice, k.b(), k.t(), k.c(), k.lengths(), k.targets());
            assertEquals(at2w.loss(), loss.getFloat(), 1e-5 * at2w.loss());
            float[] g = w.getGradient().toFloatArray();
            for (int i = 0; i < g.length; i++) {
                assertEquals(2 * at2w.grad()[i], g[i], 1e-6);
            }
            assertTrue(Math.abs(ref.loss() - at2w.loss()) > 1e-3, "scaling the logits changes the loss");
        }
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }
}
