package org.masrrepro.harness.spec;

import org.masrrepro.datasets.corpus.analog.AnalogCorpora;

import java.util.List;

/**
 * One of the analog corpora other than FLEURS, by name and size: MLS (ASR), Fish Fillets real speech, LibriVox
 * clips, and the NOSS stand-ins (VoxForge LID, ASVspoof, IEMOCAP styles, Mask, ESC-50 human and cough). Everything
 * but the size is fixed by the corpus class; its card says what it stands for.
 */
@TypeName("analog")
public record AnalogCorpusSpec(
        @Doc("label shown in every table that uses this corpus; must say 'analog'") String label,
        @Doc("which corpus: mls-analog, voxforge-analog, fillets-speech, librivox-clips, spoof-analog, style-analog, "
                + "mask-analog, esc-human-analog, esc-cough-analog") String corpus,
        @Doc("build size: smoke (seconds) or cpu") String size,
        @Opt @Doc("data seed; absent = derived from the root seed") Long seed) implements CorpusSpec {

    public AnalogCorpusSpec {
        Check.that(label != null && label.toLowerCase().contains("analog"),
                "label must say 'analog' so no table passes it off as the real corpus, found \"" + label + "\"");
        Check.that(AnalogCorpora.NAMES.contains(corpus), "corpus must be one of " + AnalogCorpora.NAMES + ", found \""
                + corpus + "\"");
        Check.that("smoke".equals(size) || "cpu".equals(size), "size must be smoke or cpu, found \"" + size + "\"");
    }

    /** The languages spoken ({@code und} for the non-speech sound corpora). */
    @Override
    public List<String> languages() {
        return AnalogCorpora.languages(corpus);
    }

    /** None: these corpora are downstream data only, not in the pretraining corpus. */
    @Override
    public List<String> overlapped() {
        return List.of();
    }

    /** {@code asr}, {@code lid} or {@code classification}. */
    public String task() {
        return AnalogCorpora.task(corpus);
    }

    /** Class labels in class order (languages for ASR and LID, the manifest's label values otherwise). */
    public List<String> classes() {
        return AnalogCorpora.labels(corpus);
    }
}
