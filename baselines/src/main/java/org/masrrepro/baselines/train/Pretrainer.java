package org.masrrepro.baselines.train;

import ai.djl.Device;
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
import org.masrrepro.datasets.util.ProgressListener;

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
        return new TrainLoop(new TrainLoop.Settings("pretrain", task, b.data,
                b.sampler != null ? b.sampler : BatchSampler.uniform(b.data.size()), b.batchSize, b.cropFrames,
                b.totalSteps, b.optimizer, b.seed, b.workDir, b.checkpointEvery, b.logEvery, b.device, b.progress,
                b.stopAfterSteps, b.initFrom)).run();
    }

    /** Configures a {@link Pretrainer}. */
    public static final class Builder {
        private ConformerConfig encoder;
        private SslObjective objective;
        private List<AuxiliaryObjective> auxiliaries = List.of();
        private FeatureSet data;
        private BatchSampler sampler;
        private int batchSize;
        private int cropFrames;
        private int totalSteps;
        private OptimizerConfig optimizer;
        private long seed;
        private Path workDir;
        private int checkpointEvery = 1000;
        private int logEvery = 50;
        private Path initFrom;
        private Device device;
        private ProgressListener progress = ProgressListener.NONE;
        private Integer stopAfterSteps;

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

        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder setCropFrames(int cropFrames) {
            this.cropFrames = cropFrames;
            return this;
        }

        public Builder setTotalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        public Builder setOptimizer(OptimizerConfig optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder setWorkDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        public Builder optCheckpointEvery(int checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
            return this;
        }

        public Builder optLogEvery(int logEvery) {
            this.logEvery = logEvery;
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

        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        public Builder optProgress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        /** Stop this process after that many steps, leaving a checkpoint (to test resume). */
        public Builder optStopAfterSteps(int steps) {
            this.stopAfterSteps = steps;
            return this;
        }

        public Pretrainer build() {
            if (encoder == null || objective == null || data == null || optimizer == null || workDir == null
                    || batchSize <= 0 || cropFrames <= 0 || totalSteps <= 0) {
                throw new IllegalStateException("encoder, objective, data, optimizer, workDir, batch size, crop and "
                        + "steps are required");
            }
            if (cropFrames % encoder.subsampling() != 0) {
                throw new IllegalArgumentException("crop frames " + cropFrames + " must be a multiple of the subsampling "
                        + encoder.subsampling());
            }
            return new Pretrainer(this);
        }
    }
}
