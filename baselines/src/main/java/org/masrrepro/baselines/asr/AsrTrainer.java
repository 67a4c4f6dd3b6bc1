package org.masrrepro.baselines.asr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.baselines.train.BatchSampler;
import org.masrrepro.baselines.train.Batches;
import org.masrrepro.baselines.train.Container;
import org.masrrepro.baselines.train.TrainResult;
import org.masrrepro.baselines.train.TrainTask;
import org.masrrepro.baselines.train.Training;
import org.masrrepro.baselines.train.TrainingBuilder;
import org.masrrepro.datasets.features.FeatureSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * CTC fine-tuning for character ASR: encoder + linear head over characters and blank, loss {@link CtcLoss} (mean
 * over utterances of loss / target length, zero_infinity on); optional head-only warm-up.
 *
 * <p>Batches hold whole utterances (targets cover the whole utterance, so no crops), each normalised like
 * {@link Batches#input} and zero-padded to the batch's longest; the CTC input length of an utterance is the
 * encoder frames of its unpadded length. The encoder is given the lengths, so padding changes no valid frame's output
 * (see {@link ConformerEncoder}); inference runs one utterance at a time, unpadded. {@code cropFrames} of the shared settings only
 * sizes the initialisation.
 */
public final class AsrTrainer {

    private final Builder b;

    private AsrTrainer(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fine-tuned network: encoder, then a linear head per encoder frame. */
    static final class Network {
        final ConformerEncoder encoder;
        final Linear head;
        final Container model = new Container();

        Network(ConformerConfig cfg, int numClasses) {
            encoder = model.add("encoder", new ConformerEncoder(cfg));
            head = model.add("head", Linear.builder().setUnits(numClasses).build());
        }

        void initialize(NDManager m, Shape inputShape, int modelDim) {
            encoder.initialize(m, DataType.FLOAT32, inputShape);
            head.initialize(m, DataType.FLOAT32, new Shape(inputShape.get(0), modelDim));
        }

        /**
         * Logits (B, T', classes) of zero-padded features whose rows have {@code validFrames} real frames;
         * {@code random} draws dropout masks (null at inference).
         */
        NDArray logits(ParameterStore ps, NDArray features, int[] validFrames, boolean training,
                SplittableRandom random) {
            NDArray frames = encoder.encode(ps, features, validFrames, training, random);
            return head.forward(ps, new NDList(frames), training).singletonOrThrow();
        }
    }

    public TrainResult run() throws IOException {
        Network net = new Network(b.encoder, b.numClasses);
        CtcLoss ctc = CtcLoss.of(CtcLoss.Reduction.MEAN, true);
        Set<Parameter> headParams = new HashSet<>(net.head.getParameters().values());
        Set<String> headKeys = new HashSet<>();
        for (Pair<String, Parameter> p : net.model.getParameters()) {
            if (headParams.contains(p.getValue())) {
                headKeys.add(p.getKey());
            }
        }
        TrainTask task = new TrainTask() {
            @Override
            public Block model() {
                return net.model;
            }

            @Override
            public ConformerEncoder encoder() {
                return net.encoder;
            }

            @Override
            public void initialize(NDManager manager, Shape inputShape) {
                net.initialize(manager, inputShape, b.encoder.modelDim());
            }

            @Override
            public NDArray input(NDManager manager, FeatureSet data, int[] items, int cropFrames,
                    SplittableRandom random) {
                return padded(manager, data, items);
            }

            @Override
            public Output forward(ParameterStore ps, NDArray features, int[] items, SplittableRandom random,
                    boolean training) {
                int[] valid = new int[items.length];
                for (int i = 0; i < items.length; i++) {
                    valid[i] = b.data.numFrames(items[i]);
                }
                NDArray logits = net.logits(ps, features, valid, training, random);
                int[] lengths = new int[items.length];
                int[][] targets = new int[items.length][];
                for (int i = 0; i < items.length; i++) {
                    lengths[i] = Math.min(b.encoder.outputFrames(b.data.numFrames(items[i])),
                            (int) logits.getShape().get(1));
                    targets[i] = b.targets[items[i]];
                }
                CtcLoss.Result[] kept = new CtcLoss.Result[1];
                NDArray loss = ctc.loss(logits, lengths, targets, r -> kept[0] = r);
                return new Output(loss, Map.of("infeasible", (float) kept[0].infeasible()));
            }

            @Override
            public Predicate<String> trainable(long step) {
                return step < b.freezeEncoderSteps ? headKeys::contains : name -> true;
            }
        };
        return Training.run("finetune", task, b.data, BatchSampler.uniform(b.data.size()), b.initFrom, b);
    }

    /** (B, T, F) of the normalised items, zero-padded to the longest. */
    static NDArray padded(NDManager manager, FeatureSet data, int[] items) {
        int f = data.dim();
        int t = 1;
        for (int i : items) {
            t = Math.max(t, data.numFrames(i));
        }
        float[] x = new float[items.length * t * f];
        for (int k = 0; k < items.length; k++) {
            float[] norm = Batches.input(data, items[k]);
            System.arraycopy(norm, 0, x, k * t * f, norm.length);
        }
        return manager.create(x, new Shape(items.length, t, f));
    }

    /** Configures an {@link AsrTrainer}. */
    public static final class Builder extends TrainingBuilder<Builder> {
        private ConformerConfig encoder;
        private Path initFrom;
        private FeatureSet data;
        private int[][] targets;
        private int numClasses;
        private int freezeEncoderSteps;

        @Override
        protected Builder self() {
            return this;
        }

        public Builder setEncoder(ConformerConfig encoder) {
            this.encoder = encoder;
            return this;
        }

        /** Encoder parameters from a pretraining checkpoint; without it the encoder trains from scratch. */
        public Builder optInitFrom(Path pretrainCheckpoint) {
            this.initFrom = pretrainCheckpoint;
            return this;
        }

        /**
         * Utterances and their character targets (class ids in [1, numClasses), see {@link CharVocabulary});
         * {@code numClasses} includes the blank.
         */
        public Builder setData(FeatureSet data, int[][] targets, int numClasses) {
            this.data = data;
            this.targets = targets.clone();
            this.numClasses = numClasses;
            return this;
        }

        /** Train the head alone for this many steps first. */
        public Builder optFreezeEncoderSteps(int n) {
            this.freezeEncoderSteps = n;
            return this;
        }

        public AsrTrainer build() {
            validate(encoder != null && data != null && numClasses >= 2, "encoder, data with >= 1 character");
            if (targets.length != data.size()) {
                throw new IllegalArgumentException(targets.length + " targets for " + data.size() + " utterances");
            }
            return new AsrTrainer(this);
        }
    }
}
