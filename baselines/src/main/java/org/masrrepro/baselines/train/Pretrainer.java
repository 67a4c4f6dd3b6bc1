package org.masrrepro.baselines.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.nn.ConformerEncoder;
import org.masrrepro.baselines.ssl.SslObjective;
import org.masrrepro.baselines.ssl.SslOutput;
import org.masrrepro.datasets.features.FeatureSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Self-supervised pretraining: L = L_SSL + sum of weighted auxiliary objectives on mean-pooled frames. */
public final class Pretrainer {

    private final Builder b;

    private Pretrainer(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trains (resuming from the newest checkpoint in the work directory, if any). */
    public TrainResult run() throws IOException {
        ConformerEncoder encoder = new ConformerEncoder(b.encoder);
        Container model = new Container();
        model.add("encoder", encoder);
        model.add("ssl", b.objective.trainableBlock());
        for (AuxiliaryObjective a : b.auxiliaries) {
            model.add("aux_" + a.name(), a.trainableBlock());
        }
        TrainTask task = new TrainTask() {
            @Override
            public Block model() {
                return model;
            }

            @Override
            public ConformerEncoder encoder() {
                return encoder;
            }

            @Override
            public Map<String, Block> parts() {
                return Map.of("encoder", encoder, "ssl", b.objective.trainableBlock());
            }

            @Override
            public void initialize(NDManager manager, Shape inputShape) {
                encoder.initialize(manager, DataType.FLOAT32, inputShape);
                b.objective.initialize(manager, DataType.FLOAT32, inputShape, b.encoder.modelDim());
                for (AuxiliaryObjective a : b.auxiliaries) {
                    a.initialize(manager, DataType.FLOAT32, b.encoder.modelDim());
                }
            }

            @Override
            public void beginStep(long step) {
                b.objective.beginStep(step);
            }

            @Override
            public Output forward(ParameterStore ps, NDArray features, int[] items, SplittableRandom random,
                    boolean training) {
                SslOutput ssl = b.objective.forward(ps, encoder, features, random, training);
                Map<String, Float> metrics = new TreeMap<>(ssl.metrics());
                NDArray loss = ssl.loss();
                metrics.put("loss_ssl", ssl.loss().getFloat());
                if (!b.auxiliaries.isEmpty()) {
                    NDArray h = Pooling.mean(ssl.frames());
                    for (AuxiliaryObjective a : b.auxiliaries) {
                        AuxOutput out = a.loss(ps, h, items, training);
                        loss = loss.add(out.loss());
                        metrics.put("loss_" + a.name(), out.loss().getFloat());
                        out.metrics().forEach((k, v) -> metrics.put(a.name() + "_" + k, v));
                    }
                }
                return new Output(loss, metrics);
            }
        };
        return Training.run("pretrain", task, b.data,
                b.sampler != null ? b.sampler : BatchSampler.uniform(b.data.size()), b.initFrom, b);
    }

    /** Configures a {@link Pretrainer}. */
    public static final class Builder extends TrainingBuilder<Builder> {
        private ConformerConfig encoder;
        private SslObjective objective;
        private List<AuxiliaryObjective> auxiliaries = List.of();
        private FeatureSet data;
        private BatchSampler sampler;
        private Path initFrom;

        @Override
        protected Builder self() {
            return this;
        }

        public Builder setEncoder(ConformerConfig encoder) {
            this.encoder = encoder;
            return this;
        }

        public Builder setObjective(SslObjective objective) {
            this.objective = objective;
            return this;
        }

        public Builder optAuxiliaries(List<AuxiliaryObjective> auxiliaries) {
            this.auxiliaries = List.copyOf(auxiliaries);
            return this;
        }

        public Builder setData(FeatureSet data) {
            this.data = data;
            return this;
        }

        public Builder optSampler(BatchSampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /**
         * Continue pretraining from another run's checkpoint: encoder and SSL head parameters (the head when the
         * objective matches); the optimizer and auxiliary projections start fresh.
         */
        public Builder optInitFrom(Path checkpointDir) {
            this.initFrom = checkpointDir;
            return this;
        }

        public Pretrainer build() {
            validate(encoder != null && objective != null && data != null, "encoder, objective, data");
            if (cropFrames % encoder.subsampling() != 0) {
                throw new IllegalArgumentException("crop frames " + cropFrames + " must be a multiple of the subsampling "
                        + encoder.subsampling());
            }
            return new Pretrainer(this);
        }
    }
}
