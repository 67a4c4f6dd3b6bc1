package org.masrrepro.datasets.corpus;

import org.masrrepro.datasets.synth.Speaker;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a corpus card (Markdown): source, licences, package versions, languages, speakers, hours per split. */
final class CorpusCard {

    private CorpusCard() {}

    static String render(CorpusInfo info, FleursAnalog.Params p, Map<String, String> locales,
            Collection<Speaker> speakers, int parallelPool, int removedDuplicates, String espeakVersion) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Corpus card: FLEURS analog\n\n");
        sb.append("**Analog corpus, not the real FLEURS.** Speech synthesized offline by espeak-ng ")
                .append(espeakVersion).append(" reading n-way parallel sentences: real human translations of the same ")
                .append("interface strings, taken from the gettext catalogues of Debian packages. Language ID on it ")
                .append("measures the pipeline and the methods' relative behaviour, not FLEURS accuracy.\n\n");
        sb.append("- Licences: espeak-ng and its voices GPL-3.0-or-later; each catalogue's translations under its ")
                .append("package's licence (see /usr/share/doc/<package>/copyright).\n");
        sb.append(String.format(Locale.ROOT, "- Utterances: %d; hours: %.3f; manifest sha256: `%s`%n",
                info.utterances().size(), info.hours(), info.manifestSha256()));
        sb.append("- Seed: ").append(p.seed()).append("; noise: ")
                .append(p.noiseSnrDb() == null ? "none (clean)" : "white noise at " + p.noiseSnrDb() + " dB SNR in every split")
                .append("\n");
        sb.append("- Parallel sentences available for this language set: ").append(parallelPool)
                .append("; gettext domains: ").append(String.join(", ", p.domains())).append("\n");
        sb.append("- Items removed because their audio was byte-identical under two language labels (espeak-ng's ")
                .append("bs and hr voices share rules): ").append(removedDuplicates).append("\n");
        sb.append("- Splits are disjoint by speaker and sentence; dev and test speakers use espeak-ng voice variants ")
                .append("that no train or pretrain speaker of the same language uses; the pretrain split holds only the ")
                .append("overlapped languages.\n\n");
        sb.append("## Debian packages\n\n| package | version |\n|---|---|\n");
        info.packageVersions().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sb.append("\n## Languages\n\n| language | overlapped | locale | pretrain | train | dev | test | hours |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String lang : p.languages()) {
            Map<String, Integer> n = new TreeMap<>();
            long samples = 0;
            for (Utterance u : info.utterances()) {
                if (u.language().equals(lang)) {
                    n.merge(u.split(), 1, Integer::sum);
                    samples += u.numSamples();
                }
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %.3f |%n", lang,
                    p.overlapped().contains(lang) ? "yes" : "no", locales.getOrDefault(lang, "(msgid)"),
                    n.getOrDefault("pretrain", 0), n.getOrDefault("train", 0), n.getOrDefault("dev", 0),
                    n.getOrDefault("test", 0), samples / 16000.0 / 3600));
        }
        sb.append("\n## Splits\n\n| split | utterances | hours | speakers per language | sentences per speaker |\n")
                .append("|---|---|---|---|---|\n");
        for (String split : List.of("pretrain", "train", "dev", "test")) {
            long count = info.utterances().stream().filter(u -> u.split().equals(split)).count();
            long samples = info.utterances().stream().filter(u -> u.split().equals(split)).mapToLong(Utterance::numSamples).sum();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %d | %d |%n", split, count, samples / 16000.0 / 3600,
                    p.speakers().get(split), p.sentences().get(split)));
        }
        sb.append("\n## Speakers\n\n| speaker | language | variant | gender | pitch | rate (wpm) |\n|---|---|---|---|---|---|\n");
        for (Speaker s : speakers) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %d |%n", s.id(), s.language(), s.variant(),
                    s.gender(), s.pitch(), s.rateWpm()));
        }
        return sb.toString();
    }
}
