package org.masrrepro.harness.spec;

/**
 * One experiment, fully resolved (after {@code extends}, the profile layer and command-line overrides).
 *
 * @param id         the spec's id: its path under {@code harness/specs/} without {@code .json}
 * @param describes  what of the paper it reproduces, e.g. "Table 1, row BEST-RQ"
 * @param seed       the root seed; every random stream of every step is derived from it
 * @param corpus     the data the experiment uses
 * @param features   the acoustic front end
 * @param encoder    the speech encoder f
 * @param pretrain   self-supervised pretraining (plus auxiliary objectives)
 * @param downstream the downstream task and its evaluation
 * @param report     where the result goes in the paper's tables
 */
public record ExperimentSpec(
        @Doc("spec id = path under harness/specs without .json") String id,
        @Doc("what of the paper this reproduces") String describes,
        @Doc("root seed of every random stream") long seed,
        CorpusSpec corpus,
        FeatureSpec features,
        EncoderSpec encoder,
        PretrainSpec pretrain,
        DownstreamSpec downstream,
        ReportSpec report) {

    public ExperimentSpec {
        Check.that(id != null && id.matches("[a-z0-9][a-z0-9_./+-]*"),
                "id must be lower-case letters, digits and _./+- , found \"" + id + "\"");
        Check.that(seed >= 0, "seed must be >= 0, found " + seed);
        if (corpus instanceof RealCorpusSpec r && !r.mayHavePretrainSplit()) {
            throw new IllegalArgumentException("corpus: the real " + r.format() + " corpus \"" + r.label() + "\" has no "
                    + "pretrain split" + (r.format().equals("dhvani") ? " (dhvani has one only with \"split\": \"pretrain\")" : "")
                    + ", and pretraining reads the pretrain split of the experiment's corpus. Make it the downstream "
                    + "corpus (\"downstream\": {\"corpus\": {...}}: fine-tuning and evaluation read it) and give "
                    + "\"corpus\" one that has a pretrain split: your pretraining audio as a \"manifest\" CSV with "
                    + "\"default_split\": \"pretrain\", or Dhvani with \"split\": \"pretrain\" (README, Real corpora)");
        }
        CorpusSpec evaluated = downstream instanceof LidSpec l && l.corpus() != null ? l.corpus()
                : downstream instanceof AsrSpec a && a.corpus() != null ? a.corpus() : corpus;
        if ((downstream instanceof LidSpec || downstream instanceof AsrSpec) && evaluated instanceof RealCorpusSpec r
                && r.languages().isEmpty()) {
            String at = evaluated == corpus ? "corpus" : "downstream.corpus";
            throw new IllegalArgumentException(at + ": the real " + r.format() + " corpus \"" + r.label() + "\" lists no "
                    + "languages, and " + (downstream instanceof LidSpec ? "language ID takes its classes" : "ASR takes "
                    + "the languages it fine-tunes") + " from them: list the corpus's languages (manifest codes, in "
                    + "class order) in " + at + ".languages");
        }
        if (pretrain != null && pretrain.ssl() instanceof W2vBertSpec w && encoder instanceof ConformerSpec c) {
            Check.that(w.contrastiveLayers() < c.numLayers(), "w2v-BERT's contrastive_layers " + w.contrastiveLayers()
                    + " must be below the encoder's num_layers " + c.numLayers() + " (the rest form the masked-prediction module)");
        }
    }
}
