package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.datasets.features.FeatureSet;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** What the shared training loop trains: a model with an encoder, and its loss on a batch. */
public interface TrainTask {

    /** Root block holding every trainable parameter. */
    Block model();

    /** The encoder inside {@link #model()}. */
    ConformerEncoder encoder();

    /**
     * Named parts saved separately in every checkpoint ({@code <name>.params}) so another run can start from them
     * (continued pretraining loads the encoder and the SSL head; fine-tuning the encoder).
     */
    default Map<String, Block> parts() {
        return Map.of("encoder", encoder());
    }

    /** Initializes every block for input batches of this shape (B, T, F). */
    void initialize(NDManager manager, Shape inputShape);

    /** Called before each step's forward pass, retries included, with the step about to run. Default: nothing. */
    default void beginStep(long step) {}

    /**
     * The model input (B, T, F) of the batch {@code items}; by default fixed-length random crops of
     * {@code cropFrames} frames ({@link Batches#crops}). Tasks whose targets cover whole utterances (ASR) override it.
     */
    default NDArray input(NDManager manager, FeatureSet data, int[] items, int cropFrames, SplittableRandom random) {
        return manager.create(Batches.crops(data, items, cropFrames, random),
                new Shape(items.length, cropFrames, data.dim()));
    }

    /** Loss (scalar) and metrics on a batch; {@code items} index the training set. */
    Output forward(ParameterStore ps, NDArray features, int[] items, SplittableRandom random, boolean training);

    /** Which parameters (by name) the optimizer updates at {@code step}. */
    default Predicate<String> trainable(long step) {
        return name -> true;
    }

    /** Factor on the learning rate of each parameter (by name) at {@code step}; 1 for all by default. */
    default java.util.function.ToDoubleFunction<String> learningRateScale(long step) {
        return name -> 1.0;
    }

    /** Loss and logged metrics of one step. */
    record Output(NDArray loss, Map<String, Float> metrics) {}
}
