package org.masrrepro.harness.spec;

/** An auxiliary objective added to L_SSL during pretraining: L = L_SSL + sum_j lambda_j L_META_j (eq. 4). */
public sealed interface AuxSpec permits LasrSpec, MasrSpec {

    /** Metadata stream whose labels define positives: {@code language} or {@code transcript}. */
    String stream();

    double lambda();

    /** Triplet margin gamma (cosine distance). */
    double margin();
}
