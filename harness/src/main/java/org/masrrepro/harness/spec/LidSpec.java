package org.masrrepro.harness.spec;

import java.util.List;

/** Language ID: encoder + mean pooling + linear head fine-tuned on train, evaluated on the chosen split. */
@TypeName("lid")
public record LidSpec(
        @Doc("fine-tuning steps, batch, crop, optimizer") TrainingSpec training,
        @Doc("steps that train the head only before the encoder is unfrozen") int freezeEncoderSteps,
        @Doc("split evaluated: dev or test") String evalSplit,
        @Opt @Doc("corpus fine-tuned and evaluated on; absent = the experiment's corpus, whose pretrain split feeds "
                + "pretraining either way (e.g. Dhvani: pretrain on the shared corpus, evaluate on Dhvani)")
        CorpusSpec corpus,
        @Opt @Doc("factor on the encoder's learning rate relative to the head's, in (0, 1]; absent = 1")
        Double encoderLearningRateScale) implements DownstreamSpec {

    public LidSpec {
        Check.positive("training.steps", training.steps());
        Check.nonNegative("freeze_encoder_steps", freezeEncoderSteps);
        Check.that(freezeEncoderSteps <= training.steps(),
                "freeze_encoder_steps " + freezeEncoderSteps + " exceeds training.steps " + training.steps());
        Check.oneOf("eval_split", evalSplit, List.of("dev", "test"));
        if (encoderLearningRateScale != null) {
            Check.range("encoder_learning_rate_scale", encoderLearningRateScale, 1e-6, 1);
        }
    }
}
