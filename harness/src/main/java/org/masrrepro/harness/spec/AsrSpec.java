package org.masrrepro.harness.spec;

import java.util.List;

/**
 * Character ASR: encoder + linear CTC head over the characters of the normalised train transcripts, fine-tuned
 * separately for every language of the corpus (MLS protocol, Table 3), greedy decoding, WER per language and average.
 */
@TypeName("asr")
public record AsrSpec(
        @Doc("fine-tuning steps per language, batch, crop (only sizes initialisation: batches hold whole utterances), optimizer") TrainingSpec training,
        @Doc("steps that train the CTC head only before the encoder is unfrozen") int freezeEncoderSteps,
        @Doc("split evaluated: dev or test") String evalSplit,
        @Opt @Doc("corpus fine-tuned and evaluated on (e.g. the MLS analog); absent = the experiment's corpus")
        CorpusSpec corpus,
        @Opt @Doc("languages fine-tuned and evaluated, each a language of the corpus; absent or empty = all of them")
        List<String> languages,
        @Opt @Doc("corpus evaluated on instead of the fine-tuning corpus (e.g. real recorded speech for models "
                + "fine-tuned on an analog): its eval_split, for the fine-tuned languages it has; absent = the "
                + "fine-tuning corpus")
        CorpusSpec evalCorpus) implements DownstreamSpec {

    public AsrSpec {
        Check.positive("training.steps", training.steps());
        Check.nonNegative("freeze_encoder_steps", freezeEncoderSteps);
        Check.that(freezeEncoderSteps <= training.steps(),
                "freeze_encoder_steps " + freezeEncoderSteps + " exceeds training.steps " + training.steps());
        Check.oneOf("eval_split", evalSplit, List.of("dev", "test"));
        languages = languages == null ? List.of() : List.copyOf(languages);
        if (!languages.isEmpty()) {
            Check.that(languages.stream().distinct().count() == languages.size(),
                    "languages lists a language twice: " + languages);
        }
    }

    /** The languages to fine-tune, in the corpus's order: {@link #languages} if given, else all of {@code corpus}. */
    public List<String> selectFrom(List<String> corpusLanguages) {
        if (languages.isEmpty()) {
            return corpusLanguages;
        }
        List<String> unknown = languages.stream().filter(l -> !corpusLanguages.contains(l)).toList();
        Check.that(unknown.isEmpty(), "languages " + unknown + " are not in the corpus, whose languages are "
                + corpusLanguages);
        return corpusLanguages.stream().filter(languages::contains).toList();
    }
}
