package org.masrrepro.harness.spec;

/** The acoustic front end computed once per corpus and cached. */
public sealed interface FeatureSpec permits LogMelSpec {

    /** Feature dimension per frame. */
    int dim();
}
