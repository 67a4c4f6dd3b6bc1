package org.masrrepro.baselines.lid;

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
import org.masrrepro.baselines.train.Container;
import org.masrrepro.baselines.train.Pooling;
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

/** Language-ID fine-tuning: encoder + mean pooling + linear head, cross-entropy; optional head-only warm-up. */
public final class LidTrainer {

    private final Builder b;

    private LidTrainer(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fine-tuned network: encoder, then a linear head on the mean-pooled frames. */
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

        /** Logits (B, classes); {@code random} draws dropout masks (null at inference). */
        NDArray logits(ParameterStore ps, NDArray features, boolean training, SplittableRandom random) {
            NDArray frames = encoder.encode(ps, features, training, random);
            return head.forward(ps, new NDList(Pooling.mean(frames)), training).singletonOrThrow();
        }
    }

    public TrainResult run() throws IOException {
        Network net = new Network(b.encoder, b.numClasses);
        int[] labels = b.labels;
        // Keys of the head's parameters in the model's list (DJL prefixes child names, e.g. "02head_weight").
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
            public Output forward(ParameterStore ps, NDArray features, int[] items, SplittableRandom random,
                    boolean training) {
                NDArray logits = net.logits(ps, features, training, random);
                float[] y = new float[items.length];
                for (int i = 0; i < items.length; i++) {
                    y[i] = labels[items[i]];
                }
                NDArray target = features.getManager().create(y).toDevice(logits.getDevice(), false);
                NDArray logp = logits.logSoftmax(1);
                NDArray loss = logp.mul(target.toType(DataType.INT32, false).oneHot(b.numClasses)).sum(new int[] {1})
                        .mean().neg();
                float acc = logits.argMax(1).toType(DataType.FLOAT32, false).eq(target).toType(DataType.FLOAT32, false)
                        .mean().getFloat();
                return new Output(loss, Map.of("batch_accuracy", acc));
            }

            @Override
            public Predicate<String> trainable(long step) {
                return step < b.freezeEncoderSteps ? headKeys::contains : name -> true;
            }

            @Override
            public java.util.function.ToDoubleFunction<String> learningRateScale(long step) {
                double enc = b.encoderLearningRateScale;
                return name -> headKeys.contains(name) ? 1.0 : enc;
            }
        };
        return Training.run("finetune", task, b.data, BatchSampler.uniform(b.data.size()), b.initFrom, b);
    }

    /** Configures a {@link LidTrainer}. */
    public static final class Builder extends TrainingBuilder<Builder> {
        private ConformerConfig encoder;
        private Path initFrom;
        private FeatureSet data;
        private int[] labels;
        private int numClasses;
        private int freezeEncoderSteps;
        private double encoderLearningRateScale = 1.0;

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

        public Builder setData(FeatureSet data, int[] labels, int numClasses) {
            this.data = data;
            this.labels = labels.clone();
            this.numClasses = numClasses;
            return this;
        }

        /** Train the head alone for this many steps first. */
        public Builder optFreezeEncoderSteps(int n) {
            this.freezeEncoderSteps = n;
            return this;
        }

        /** Factor on the encoder's learning rate relative to the head's (default 1; e.g. 0.1 fine-tunes gently). */
        public Builder optEncoderLearningRateScale(double scale) {
            if (!(scale > 0 && scale <= 1)) {
                throw new IllegalArgumentException("encoder learning-rate scale must be in (0, 1], found " + scale);
            }
            this.encoderLearningRateScale = scale;
            return this;
        }

        public LidTrainer build() {
            validate(encoder != null && data != null && numClasses >= 2, "encoder, data with >= 2 classes");
            if (labels.length != data.size()) {
                throw new IllegalArgumentException(labels.length + " labels for " + data.size() + " utterances");
            }
            return new LidTrainer(this);
        }
    }
}
