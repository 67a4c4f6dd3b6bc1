package org.masrrepro.harness.spec;

/** A fixed metadata encoder pi_j (section 3.2). */
public sealed interface MetaEncoderSpec permits Lang2VecSpec, CharEmbeddingSpec, LocationSpec {}
