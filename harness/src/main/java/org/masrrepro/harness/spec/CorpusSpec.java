package org.masrrepro.harness.spec;

/** The corpus an experiment reads: its manifests, audio and labels. */
public sealed interface CorpusSpec permits FleursAnalogSpec, AnalogCorpusSpec, RealCorpusSpec {

    /** Human label for tables, naming the corpus honestly (e.g. "FLEURS analog (espeak-ng)"). */
    String label();

    /** Language labels of the corpus, in class order. */
    java.util.List<String> languages();

    /** Languages that are also in the pretraining corpus. */
    java.util.List<String> overlapped();
}
