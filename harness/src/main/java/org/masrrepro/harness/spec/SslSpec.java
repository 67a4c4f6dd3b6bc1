package org.masrrepro.harness.spec;

/** A self-supervised objective L_SSL. */
public sealed interface SslSpec permits BestRqSpec, W2vBertSpec {}
