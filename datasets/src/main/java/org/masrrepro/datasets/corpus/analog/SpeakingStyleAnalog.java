package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.corpus.CorpusCard;
import org.masrrepro.datasets.corpus.CorpusInfo;
import org.masrrepro.datasets.corpus.Utterance;
import org.masrrepro.datasets.synth.EspeakNg;
import org.masrrepro.datasets.synth.EspeakVoices;
import org.masrrepro.datasets.synth.Speaker;
import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IEMOCAP analog (4-class emotion): espeak-ng reads each sentence in four speaking styles made with SSML prosody
 * (rate, pitch, pitch range, volume, emphasis): neutral, lively (happy-like), subdued (sad-like), forceful
 * (angry-like). Every speaker reads every sentence in all four, so only prosody separates the classes.
 */
public final class SpeakingStyleAnalog {

    /** Style labels, in class order, and the IEMOCAP class each stands in for. */
    public static final List<String> LABELS = List.of("neutral", "lively", "subdued", "forceful");
    static final Map<String, String> STANDS_FOR = Map.of("neutral", "neutral", "lively", "happy/excited",
            "subdued", "sad", "forceful", "angry");
    static final int FORMAT = 1;

    record Params(int format, String corpus, String language, SyntheticPlan.Sizes sizes, long seed, String localeDir) {}

    private final Params params;
    private final CorpusDirectory dir;
    private final Path localeDir;
    private final ProgressListener progress;

    private record Job(SyntheticPlan.Item item, String style) {
        String id() {
            return item.id() + "-" + style;
        }
    }

    private SpeakingStyleAnalog(Builder b) {
        this.params = new Params(FORMAT, "style-analog", b.language, b.sizes(), b.seed,
                b.localeDir.toAbsolutePath().normalize().toString());
        this.dir = new CorpusDirectory(b.outputDir, "speaking-style analog corpus");
        this.localeDir = b.localeDir;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The SSML that gives {@code text} a style (text XML-escaped). */
    static String ssml(String style, String text) {
        String t = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String body = switch (style) {
            case "neutral" -> t;
            case "lively" -> "<prosody rate=\"115%\" pitch=\"+30%\" range=\"x-high\">" + t + "</prosody>";
            case "subdued" -> "<prosody rate=\"78%\" pitch=\"-25%\" range=\"x-low\" volume=\"soft\">" + t + "</prosody>";
            case "forceful" -> "<prosody rate=\"105%\" pitch=\"+10%\" range=\"high\" volume=\"x-loud\">"
                    + "<emphasis level=\"strong\">" + t + "</emphasis></prosody>";
            default -> throw new IllegalArgumentException("unknown style " + style + "; known: " + LABELS);
        };
        return "<speak>" + body + "</speak>";
    }

    public CorpusInfo prepare() throws IOException {
        CorpusInfo done = dir.reuse(params);
        if (done != null) {
            return done;
        }
        dir.clear();
        SyntheticPlan plan = new SyntheticPlan("style", List.of(params.language()), params.sizes(), params.seed(),
                localeDir);
        String espeakVersion = SyntheticPlan.espeakVersion();
        List<Job> jobs = new ArrayList<>();
        for (SyntheticPlan.Item item : plan.items) {
            LABELS.forEach(style -> jobs.add(new Job(item, style)));
        }
        EspeakNg espeak = new EspeakNg();
        List<Utterance> utts = Parallel.map(jobs, j -> {
            Speaker s = j.item().speaker();
            float[] x = espeak.synthesize(EspeakVoices.voice(s.language()), s.variant(), s.rateWpm(), s.pitch(),
                    ssml(j.style(), j.item().text()), List.of("-m"));
            String rel = dir.writeAudio("audio/" + j.style() + "/" + j.id() + ".wav", x);
            return new Utterance(j.id(), j.item().split(), s.language(), s.id(), s.gender(), j.item().sentence().id(),
                    j.item().text(), rel, x.length, false, j.style(), Double.NaN, Double.NaN);
        }, Job::id, progress);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("espeak_ng_version", espeakVersion);
        Map<String, String> markup = new LinkedHashMap<>();
        LABELS.forEach(l -> markup.put(l, ssml(l, "TEXT")));
        record.put("ssml", markup);
        record.put("speakers", plan.speakersBySplit);
        record.put("sentence_ids", plan.sentenceIds);
        List<String> notes = new ArrayList<>();
        notes.add("Task: 4-class classification, label column: " + LABELS + " standing in for IEMOCAP's "
                + LABELS.stream().map(STANDS_FOR::get).toList());
        notes.add("Styles (SSML, espeak-ng -m): " + LABELS.stream().map(l -> l + " = `" + ssml(l, "…") + "`").toList());
        notes.add("Splits disjoint by speaker and sentence; dev/test speakers use espeak-ng variants unseen in train; "
                + "seed " + params.seed());
        CorpusCard.Builder card = CorpusCard.builder()
                .optTitle("Corpus card: IEMOCAP analog (speaking styles, " + params.language() + ")")
                .optDisclaimer("Analog corpus — not the real IEMOCAP; speaking styles, not emotions.")
                .optDescription("espeak-ng " + espeakVersion + " reads parallel gettext sentences in four prosodic "
                        + "styles. IEMOCAP is ~12 h of acted and improvised dyadic conversations by 10 actors, "
                        + "labelled by annotators; emotion there lives in voice quality, wording and context as well "
                        + "as prosody. Here the classes differ only in global rate, pitch level and range, volume and "
                        + "emphasis, applied identically to every sentence, so the task is much easier and narrower.")
                .optCatalogueOwners(plan.catalogueOwners()).optLocales(plan.miner.localeUsed())
                .optSpeakers(plan.allSpeakers()).optNotes(notes).optAppendix(CorpusDirectory.labelTable(utts, LABELS));
        return dir.finish(params, utts, plan.packageVersions(), record, card);
    }

    /** Configures a {@link SpeakingStyleAnalog}. */
    public static final class Builder extends SyntheticCorpusBuilder<Builder> {
        private String language = "en";

        private Builder() {
            super(new SyntheticPlan.Sizes(6, 2, 2, 30, 10, 15));
        }

        @Override
        Builder self() {
            return this;
        }

        /** The language spoken (default en, as IEMOCAP). */
        public Builder optLanguage(String language) {
            this.language = language;
            return this;
        }

        public SpeakingStyleAnalog build() {
            requireOutputDir("SpeakingStyleAnalog");
            if (language == null) {
                throw new IllegalStateException("SpeakingStyleAnalog: optLanguage must not be null");
            }
            return new SpeakingStyleAnalog(this);
        }
    }
}
