package org.masrrepro.harness.spec;

import java.util.List;

/**
 * NOSS linear probe: the pretrained encoder frozen, utterance embeddings = mean-pooled frames, a softmax layer
 * (multinomial logistic regression) grid-searched on dev over l2 normalisation x class balancing x L2 strength,
 * scored on test.
 */
@TypeName("probe")
public record ProbeSpec(
        @Doc("manifest field holding the class: language, or label (the task label of non-language corpora)") String target,
        @Doc("inverse L2 strengths C of the grid (scikit-learn's C)") List<Double> l2Strengths,
        @Doc("dev score that selects the grid point: accuracy, or uar (unweighted average recall)") String selection,
        @Doc("L-BFGS iteration budget per fit") int maxIterations,
        @Opt @Doc("corpus probed (train/dev/test splits); absent = the experiment's corpus. Table 2 probes the "
                + "encoder pretrained on the shared corpus on each NOSS task's corpus") CorpusSpec corpus)
        implements DownstreamSpec {

    public ProbeSpec {
        Check.oneOf("target", target, List.of("language", "label"));
        Check.that(l2Strengths != null && !l2Strengths.isEmpty(), "l2_strengths must list at least one C");
        l2Strengths = List.copyOf(l2Strengths);
        for (double c : l2Strengths) {
            Check.range("l2_strengths", c, 1e-12, 1e12);
        }
        Check.oneOf("selection", selection, List.of("accuracy", "uar"));
        Check.positive("max_iterations", maxIterations);
    }
}
