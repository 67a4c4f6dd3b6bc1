package org.masrrepro.harness.spec;

/** A downstream task: fine-tune or probe the pretrained encoder, then evaluate. */
public sealed interface DownstreamSpec permits LidSpec, ProbeSpec, AsrSpec {}
