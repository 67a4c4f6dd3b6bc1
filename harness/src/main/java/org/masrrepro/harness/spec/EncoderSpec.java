package org.masrrepro.harness.spec;

/** The speech encoder f: frames in, contextual frames out. */
public sealed interface EncoderSpec permits ConformerSpec {}
