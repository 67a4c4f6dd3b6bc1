package org.masrrepro.harness.run;

import org.masrrepro.harness.spec.AsrSpec;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.LidSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.steps.AsrEvalStep;
import org.masrrepro.harness.steps.AsrFinetuneStep;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.harness.steps.FeatureStep;
import org.masrrepro.harness.steps.FloorStep;
import org.masrrepro.harness.steps.LidEvalStep;
import org.masrrepro.harness.steps.LidFinetuneStep;
import org.masrrepro.harness.steps.PretrainStep;
import org.masrrepro.harness.steps.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The steps one resolved experiment needs: corpus, features, pretrain, fine-tune, evaluate. A language-ID plan has
 * {@code finetune}, {@code eval} and {@code floor} ({@code asr} null); an ASR plan has only {@code asr} (one
 * fine-tuning per language under it).
 */
public record ExperimentPlan(
        ExperimentSpec spec,
        Profile profile,
        CorpusStep corpus,
        FeatureStep features,
        PretrainStep pretrain,
        LidFinetuneStep finetune,
        LidEvalStep eval,
        FloorStep floor,
        AsrEvalStep asr) {

    /** Resolves a spec that does not continue another spec's pretraining. */
    public static ExperimentPlan of(ExperimentSpec spec, Profile profile) {
        return of(spec, profile, (id, seed) -> {
            throw new IllegalStateException(spec.id() + " continues " + id + " but no spec resolver was given");
        });
    }

    /**
     * Resolves a spec into its step graph (no work is done); {@code resolver} loads the base spec of an
     * {@code init_from} under the same profile and root seed.
     */
    public static ExperimentPlan of(ExperimentSpec spec, Profile profile, BiFunction<String, Long, ExperimentSpec> resolver) {
        CorpusStep corpus = new CorpusStep(spec.corpus(), spec.seed());
        FeatureStep features = new FeatureStep(corpus, spec.features());
        PretrainStep base = null;
        if (spec.pretrain().initFrom() != null) {
            ExperimentSpec baseSpec = resolver.apply(spec.pretrain().initFrom().spec(), spec.seed());
            base = of(baseSpec, profile, resolver).pretrain();
        }
        PretrainStep pretrain = new PretrainStep(features, spec.encoder(), spec.pretrain(), spec.seed(), base);
        if (spec.downstream() instanceof AsrSpec asr) {
            List<AsrFinetuneStep> models = new ArrayList<>();
            for (String lang : spec.corpus().languages()) {
                models.add(new AsrFinetuneStep(pretrain, features, spec.encoder(), asr, lang, spec.seed()));
            }
            return new ExperimentPlan(spec, profile, corpus, features, pretrain, null, null, null,
                    new AsrEvalStep(models, asr.evalSplit()));
        }
        if (!(spec.downstream() instanceof LidSpec lid)) {
            throw new IllegalStateException("no plan for downstream " + spec.downstream());
        }
        LidFinetuneStep finetune = new LidFinetuneStep(pretrain, features, spec.encoder(), lid,
                spec.corpus().languages(), spec.seed());
        LidEvalStep eval = new LidEvalStep(finetune, lid.evalSplit());
        FloorStep floor = new FloorStep(features, spec.corpus().languages(), lid.evalSplit());
        return new ExperimentPlan(spec, profile, corpus, features, pretrain, finetune, eval, floor, null);
    }

    /** The last step; running it runs all the others first. */
    public Step target() {
        return asr != null ? asr : eval;
    }
}
