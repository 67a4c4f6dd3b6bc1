package org.masrrepro.reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The caption of a set of numbers: every corpus the runs behind them used (pretraining and downstream, with what for),
 * profile, runs and seeds; that the offline analogs among them are not the paper's datasets; which corpora are real,
 * and how many audio files each of those left out.
 */
public final class ReportCaption {

    private ReportCaption() {}

    /**
     * The caption of {@code runs} at {@code profile}. Corpora are merged by label (two builds of one corpus, another
     * size say, are one entry: roles merged, skipped files summed); pretraining corpora first, then those only
     * measured on, each group in the order the runs name them. Seeds are those of the learned runs (a floor has none).
     */
    public static String of(List<RunSummary> runs, String profile) {
        if (runs.isEmpty()) {
            return "Ours: no results yet at profile " + profile + ". Paper: Raj et al., MASR.";
        }
        List<RunSummary.Corpus> all = new ArrayList<>();
        Set<Long> seeds = new TreeSet<>();
        for (RunSummary r : runs) {
            all.addAll(r.corpora());
            if (!r.isFloor()) {
                seeds.add(r.seed());
            }
        }
        List<RunSummary.Corpus> listed = RunSummary.Corpus.merge(all, RunSummary.Corpus::label);
        StringBuilder sb = new StringBuilder("Ours: ");
        sb.append(String.join("; ", listed.stream()
                .map(c -> c.label() + " (" + String.join(", ", c.roles()) + ")").toList()));
        sb.append(String.format(Locale.ROOT, "; profile %s; %d run(s), seeds %s.", profile, runs.size(), seeds));
        List<RunSummary.Corpus> analogs = listed.stream().filter(c -> !c.real()).toList();
        List<RunSummary.Corpus> real = listed.stream().filter(RunSummary.Corpus::real).toList();
        if (!analogs.isEmpty()) {
            sb.append(real.isEmpty() ? " These corpora are offline analogs"
                    : " " + labels(analogs) + (analogs.size() == 1 ? " is an offline analog" : " are offline analogs"));
            sb.append(" (espeak-ng speech, Debian recordings), NOT the paper's datasets: compare trends, not absolute "
                    + "values.");
        }
        if (!real.isEmpty()) {
            sb.append(" ").append(labels(real)).append(real.size() == 1 ? " is a real corpus" : " are real corpora")
                    .append(" read from disk (its card says what was read; compare it with the paper's data and "
                            + "splits before comparing numbers).");
            for (RunSummary.Corpus c : real) {
                if (c.skipped() > 0) {
                    sb.append(" ").append(c.label()).append(": ").append(RunSummary.Corpus.skippedText(c.skipped()))
                            .append(", listed in its card.");
                }
            }
        }
        return sb.append(" Paper: Raj et al., MASR.").toString();
    }

    private static String labels(List<RunSummary.Corpus> corpora) {
        return String.join("; ", corpora.stream().map(RunSummary.Corpus::label).toList());
    }
}
