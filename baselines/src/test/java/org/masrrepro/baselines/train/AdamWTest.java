package org.masrrepro.baselines.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** AdamW's per-parameter learning-rate scale (used to fine-tune an encoder more gently than its head). */
class AdamWTest {

    @Test
    void learningRateScaleMultipliesEachParametersUpdate() {
        OptimizerConfig opt = new OptimizerConfig(1e-2, 0, "constant", 0.0, 0.9, 0.98, 1e-8, 0.0);
        try (NDManager m = NDManager.newBaseManager()) {
            PairList<String, Parameter> params = new PairList<>();
            for (String name : new String[] {"head_w", "encoder_w"}) {
                Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
                NDArray w = m.create(new float[] {1f, -1f});
                p.setArray(w);
                w.setRequiresGradient(true);
                params.add(name, p);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray g = m.create(new float[] {0.5f, -2f}); // d loss / d w
                gc.backward(params.get("head_w").getArray().mul(g).sum()
                        .add(params.get("encoder_w").getArray().mul(g).sum()));
            }
            new AdamW(opt, m).step(params, 1e-2, 1, n -> true, 1.0, n -> n.startsWith("head") ? 1.0 : 0.1);
            float[] head = params.get("head_w").getArray().toFloatArray();
            float[] enc = params.get("encoder_w").getArray().toFloatArray();
            // first Adam step: update = lr * sign(g) (bias-corrected moments), scaled per parameter
            assertEquals(1f - 1e-2f, head[0], 1e-6);
            assertEquals(-1f + 1e-2f, head[1], 1e-6);
            assertEquals(1f - 1e-3f, enc[0], 1e-6);
            assertEquals(-1f + 1e-3f, enc[1], 1e-6);
        }
    }
}
