package org.masrrepro.harness.spec;

import java.util.List;

/** LASR (Vashishth et al. 2023): batch-hard triplet loss on the pooled embedding h with language labels. */
@TypeName("lasr")
public record LasrSpec(
        @Doc("labels defining positives; LASR uses language") String stream,
        @Doc("weight of this loss in L (eq. 4)") double lambda,
        @Doc("triplet margin gamma (cosine distance)") double margin) implements AuxSpec {

    public LasrSpec {
        Check.oneOf("stream", stream, List.of("language"));
        Check.positive("lambda", lambda);
        Check.range("margin", margin, 0, 2);
    }
}
