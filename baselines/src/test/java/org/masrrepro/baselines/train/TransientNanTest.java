package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A transient non-finite loss is recomputed from the same seeds: the run ends exactly as an undisturbed one. */
class TransientNanTest {

    static final ToyFeatures DATA = new ToyFeatures(12, 16, 2, 3);

    /** Mean-pooled encoder + linear regression target; returns NaN on the first {@code glitches} attempts of step 5. */
    static TrainTask task(int[] glitches) {
        ConformerEncoder enc = new ConformerEncoder(new ConformerConfig(16, 16, 1, 2, 2, 3, 4, 0f));
        Linear head = Linear.builder().setUnits(1).build();
        Container model = new Container();
        model.add("encoder", enc);
        model.add("head", head);
        int[] step = {0};
        return new TrainTask() {
            public Block model() {
                return model;
            }

            public ConformerEncoder encoder() {
                return enc;
            }

            public void initialize(NDManager m, Shape in) {
                enc.initialize(m, DataType.FLOAT32, in);
                head.initialize(m, DataType.FLOAT32, new Shape(in.get(0), 16));
            }

            public Output forward(ParameterStore ps, NDArray x, int[] items, SplittableRandom r, boolean training) {
                NDArray h = Pooling.mean(enc.forward(ps, new NDList(x), training).singletonOrThrow());
                NDArray loss = head.forward(ps, new NDList(h), training).singletonOrThrow().square().mean();
                if (step[0]++ == 5 && glitches[0]-- > 0) {
                    step[0]--; // the retry is the same step
                    loss = loss.mul(Float.NaN);
                }
                return new Output(loss, Map.of());
            }
        };
    }

    static TrainResult run(Path dir, int glitches) throws IOException {
        return new TrainLoop(new TrainLoop.Settings("test", task(new int[] {glitches}), DATA, BatchSampler.uniform(12), 4,
                32, 10, new OptimizerConfig(1e-3, 2, "constant", 0, 0.9, 0.98, 1e-8, 1), 5, dir, 100, 1, null,
                ProgressListener.NONE, null, null, false)).run();
    }

    @Test
    void recomputedStepGivesTheUndisturbedResult(@TempDir Path tmp) throws IOException {
        TrainResult clean = run(tmp.resolve("clean"), 0);
        TrainResult glitched = run(tmp.resolve("glitched"), 1);
        assertEquals(1, glitched.recomputedSteps());
        assertArrayEquals(Files.readAllBytes(clean.finalCheckpoint().resolve("model.params")),
                Files.readAllBytes(glitched.finalCheckpoint().resolve("model.params")));
        assertThrows(IllegalStateException.class, () -> run(tmp.resolve("persistent"), TrainLoop.MAX_RETRIES + 1));
    }
}
