package org.masrrepro.harness.steps;

import org.masrrepro.baselines.nn.ConformerConfig;
import org.masrrepro.baselines.ssl.BestRqConfig;
import org.masrrepro.baselines.ssl.W2vBertConfig;
import org.masrrepro.baselines.train.OptimizerConfig;
import org.masrrepro.harness.spec.BestRqSpec;
import org.masrrepro.harness.spec.ConformerSpec;
import org.masrrepro.harness.spec.EncoderSpec;
import org.masrrepro.harness.spec.OptimizerSpec;
import org.masrrepro.harness.spec.W2vBertSpec;

/** Turns spec records into the builder configs of the training modules (the only place the two vocabularies meet). */
final class Configs {

    private Configs() {}

    static ConformerConfig encoder(EncoderSpec spec, int inputDim) {
        ConformerSpec c = (ConformerSpec) spec;
        return new ConformerConfig(inputDim, c.modelDim(), c.numLayers(), c.numHeads(), c.ffMultiplier(),
                c.convKernel(), c.subsampling(), (float) c.dropout());
    }

    static BestRqConfig bestRq(BestRqSpec s, long quantizerSeed) {
        return new BestRqConfig(s.stackFrames(), s.codebookSize(), s.codebookDim(), s.maskProbability(),
                s.maskSpanFrames(), s.maskNoiseStd(), quantizerSeed);
    }

    static W2vBertConfig w2vBert(W2vBertSpec s) {
        return new W2vBertConfig(s.contrastiveLayers(), s.codebookSize(), s.codebookGroups(), s.codebookDim(),
                s.maskProbability(), s.maskSpanFrames(), s.numDistractors(), s.contrastiveTemperature(),
                s.diversityWeight(), s.contrastiveWeight(), s.mlmWeight(), s.maxGumbelTemperature(),
                s.minGumbelTemperature(), s.gumbelTemperatureDecay(),
                s.quantizerInputGradient() == null ? 1.0 : s.quantizerInputGradient());
    }

    static OptimizerConfig optimizer(OptimizerSpec o) {
        return new OptimizerConfig(o.peakLearningRate(), o.warmupSteps(), o.schedule(), o.weightDecay(), o.beta1(),
                o.beta2(), o.epsilon(), o.clipGradNorm());
    }
}
