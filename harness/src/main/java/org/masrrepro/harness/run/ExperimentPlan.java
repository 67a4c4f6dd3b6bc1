package org.masrrepro.harness.run;

import org.masrrepro.harness.spec.AsrSpec;
import org.masrrepro.harness.spec.CorpusSpec;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.LidSpec;
import org.masrrepro.harness.spec.ProbeSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.spec.RealCorpusSpec;
import org.masrrepro.harness.steps.AsrEvalStep;
import org.masrrepro.harness.steps.AsrFinetuneStep;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.harness.steps.FeatureStep;
import org.masrrepro.harness.steps.FloorStep;
import org.masrrepro.harness.steps.LidEvalStep;
import org.masrrepro.harness.steps.LidFinetuneStep;
import org.masrrepro.harness.steps.PretrainStep;
import org.masrrepro.harness.steps.RealCorpora;
import org.masrrepro.harness.steps.ProbeStep;
import org.masrrepro.harness.steps.Step;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The steps one resolved experiment needs: corpus and features for pretraining, pretrain, the downstream corpus and
 * features (the same steps unless the downstream names its own corpus), then fine-tune + evaluate (LID; with the
 * corpus's non-learned floor), a linear probe (NOSS; {@code eval} is the probe) or one CTC fine-tuning per language
 * (ASR; {@code eval} is the WER evaluation). {@code finetune} is null but for LID, {@code floor} (the corpus's
 * non-learned floor) for ASR.
 */
public record ExperimentPlan(
        ExperimentSpec spec,
        Profile profile,
        CorpusStep pretrainCorpus,
        FeatureStep pretrainFeatures,
        CorpusStep corpus,
        FeatureStep features,
        PretrainStep pretrain,
        LidFinetuneStep finetune,
        Step eval,
        FloorStep floor) {

    /**
     * Loads spec {@code id} under {@code profile} (root seed {@code seed}, null: the spec's own), resolves its
     * real-corpus directories against {@code dataDir} (null: the default) and plans it, with any base spec it
     * continues resolved the same way: how the harness, the report and {@code plan} all see a spec.
     */
    public static ExperimentPlan load(SpecLoader specs, String id, Profile profile, Long seed, Path dataDir) {
        return of(RealCorpora.withResolvedCorpusDir(specs.load(id, profile, seed), dataDir), profile,
                (base, s) -> RealCorpora.withResolvedCorpusDir(specs.load(base, profile, s), dataDir));
    }

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
        CorpusSpec own = RealCorpora.downstreamCorpus(spec.downstream());
        CorpusStep evalCorpus = corpus;
        FeatureStep evalFeatures = features;
        if (own != null) {
            if (own instanceof RealCorpusSpec r && !Path.of(r.dir()).isAbsolute()) {
                throw new IllegalStateException(spec.id() + ": downstream.corpus.dir \"" + r.dir() + "\" is relative; "
                        + "resolve the spec with RealCorpora.withResolvedCorpusDir first (the harness does)");
            }
            requireOverlappedPretrained(spec, own);
            evalCorpus = new CorpusStep(own, spec.seed());
            evalFeatures = new FeatureStep(evalCorpus, spec.features());
        }
        List<String> languages = evalCorpus.spec().languages();
        if (spec.downstream() instanceof ProbeSpec probe) {
            boolean lidProbe = probe.target().equals("language");
            ProbeStep step = new ProbeStep(pretrain, evalFeatures, spec.encoder(), probe,
                    lidProbe ? evalCorpus.spec().overlapped() : List.of());
            // Table 2's floor row: what the frozen encoders add over pooled log-mel statistics on the same task.
            FloorStep floor = lidProbe ? new FloorStep(evalFeatures, languages, "test")
                    : FloorStep.ofTaskLabel(evalFeatures, "test");
            return new ExperimentPlan(spec, profile, corpus, features, evalCorpus, evalFeatures, pretrain, null, step,
                    floor);
        }
        if (spec.downstream() instanceof AsrSpec asr) {
            List<AsrFinetuneStep> models = new ArrayList<>();
            List<String> selected;
            try {
                selected = asr.selectFrom(languages);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(spec.id() + ": downstream." + e.getMessage(), e);
            }
            if (asr.evalCorpus() != null) {
                // Fine-tuned on the downstream corpus, scored on another (e.g. real speech): only its languages.
                List<String> scored = asr.evalCorpus().languages();
                if (scored.isEmpty()) {
                    throw new IllegalStateException(spec.id() + ": downstream.eval_corpus.languages is empty: list "
                            + "the languages it holds (its models are those fine-tuned for them)");
                }
                selected = selected.stream().filter(scored::contains).toList();
                if (selected.isEmpty()) {
                    throw new IllegalStateException(spec.id() + ": downstream.eval_corpus has languages " + scored
                            + ", none of them fine-tuned (downstream.languages / the corpus's languages)");
                }
            }
            for (String lang : selected) {
                models.add(new AsrFinetuneStep(pretrain, evalFeatures, spec.encoder(), asr, lang, spec.seed()));
            }
            if (asr.evalCorpus() != null) {
                CorpusStep scoredCorpus = new CorpusStep(asr.evalCorpus(), spec.seed());
                FeatureStep scoredFeatures = new FeatureStep(scoredCorpus, spec.features());
                return new ExperimentPlan(spec, profile, corpus, features, scoredCorpus, scoredFeatures, pretrain,
                        null, new AsrEvalStep(models, asr.evalSplit(), scoredFeatures), null);
            }
            return new ExperimentPlan(spec, profile, corpus, features, evalCorpus, evalFeatures, pretrain, null,
                    new AsrEvalStep(models, asr.evalSplit()), null);
        }
        if (!(spec.downstream() instanceof LidSpec lid)) {
            throw new IllegalStateException("no plan for downstream " + spec.downstream());
        }
        LidFinetuneStep finetune = new LidFinetuneStep(pretrain, evalFeatures, spec.encoder(), lid, languages,
                spec.seed());
        LidEvalStep eval = new LidEvalStep(finetune, lid.evalSplit());
        FloorStep floor = new FloorStep(evalFeatures, languages, lid.evalSplit());
        return new ExperimentPlan(spec, profile, corpus, features, evalCorpus, evalFeatures, pretrain, finetune, eval,
                floor);
    }

    /** "Overlapped" means "in the pretraining data": a downstream corpus cannot claim languages pretraining lacks. */
    private static void requireOverlappedPretrained(ExperimentSpec spec, CorpusSpec downstream) {
        List<String> missing = downstream.overlapped().stream()
                .filter(l -> !spec.corpus().overlapped().contains(l)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(spec.id() + ": downstream.corpus lists " + missing + " as overlapped, but "
                    + "the pretraining corpus's overlapped languages are " + spec.corpus().overlapped()
                    + "; add them there or drop them from downstream.corpus.overlapped");
        }
    }

    /** The last step; running it runs all the others first. */
    public Step target() {
        return eval;
    }
}
