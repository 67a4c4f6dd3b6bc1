package org.masrrepro.harness.run;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.masrrepro.reports.metrics.ClassificationReport;
import org.masrrepro.reports.report.CloseGroups;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The analysis numbers of section 6 as result cells: per-language recall (Figure 3, table {@code F3}), confusion
 * rates inside the close groups Figure 4 and the text name (table {@code F4}) and the share of anchors whose hard
 * negative MASR's mining changed compared with LASR's (section 5.1/6.1, table {@code S51}).
 */
final class AnalysisCells {

    private AnalysisCells() {}

    /** Recall (%) of every language, plus a 1/0 {@code overlapped} cell so analyses can split O and NO. */
    static void perLanguage(ClassificationReport m, List<String> overlapped, String row, String ds, long seed,
            String profile, String corpus, String provenance, List<ResultCell> out) {
        for (Map.Entry<String, Double> e : m.recallPerClass().entrySet()) {
            if (e.getValue() == null || Double.isNaN(e.getValue())) {
                continue;
            }
            String col = ds + "/" + e.getKey();
            out.add(new ResultCell("F3", row, col, "recall", e.getValue(), seed, profile, corpus, provenance));
            out.add(new ResultCell("F3", row, col, "overlapped", overlapped.contains(e.getKey()) ? 1 : 0, seed,
                    profile, corpus, provenance));
        }
    }

    /**
     * Rate (0-1) at which true language a is predicted as b, normalised over the group's predictions (the paper's
     * Figure 4 rows sum to 1 within the group), column {@code a>b}; for b other than a also {@code share}, the
     * percentage of all of a's test utterances predicted as b (what sections 6.2 and 6.4 quote). The share is written
     * whenever a has test utterances; the rate only when some of a's predictions fall inside the group.
     */
    static void closeGroupConfusions(ClassificationReport m, String row, long seed, String profile, String corpus,
            String provenance, List<ResultCell> out) {
        List<String> classes = m.classes();
        java.util.Set<String> seenRate = new java.util.HashSet<>();
        java.util.Set<String> seenShare = new java.util.HashSet<>();
        for (List<String> group : CloseGroups.ALL) {
            if (!classes.containsAll(group)) {
                continue;
            }
            for (String a : group) {
                int ia = classes.indexOf(a);
                double total = 0;
                for (String b : group) {
                    total += m.confusion()[ia][classes.indexOf(b)];
                }
                double all = java.util.Arrays.stream(m.confusion()[ia]).sum();
                for (String b : group) {
                    double n = m.confusion()[ia][classes.indexOf(b)];
                    // rate exists only when some of a's predictions fall inside the group
                    if (total > 0 && seenRate.add(a + ">" + b)) {
                        out.add(new ResultCell("F4", row, a + ">" + b, "rate", n / total, seed, profile, corpus,
                                provenance));
                    }
                    // share exists whenever a has test utterances: 0% when none went to b is the best case, not "n/a"
                    if (!a.equals(b) && all > 0 && seenShare.add(a + ">" + b)) {
                        out.add(new ResultCell("F4", row, a + ">" + b, "share", 100 * n / all, seed, profile, corpus,
                                provenance));
                    }
                }
            }
        }
    }

    /** The first MASR objective's log column (LASR's own is 0 by definition). */
    static final String NEGATIVES_CHANGED = "masr0_negatives_changed_vs_lasr";

    /** Column of the {@code S51} cell: a statistic of the pretraining, whatever data the run was then measured on. */
    static final String PRETRAINING = "pretraining";

    /**
     * Mean of the pretraining log's {@value #NEGATIVES_CHANGED} column, in percent, when MASR logged it; the cell's
     * corpus is the one pretrained on, so the runs measured on FLEURS and on Dhvani from one pretraining give one
     * and the same cell (the report and check keep it once).
     */
    static void negativesChanged(Path metricsCsv, String row, long seed, String profile, String pretrainingCorpus,
            String provenance, List<ResultCell> out) throws IOException {
        if (!Files.isRegularFile(metricsCsv)) {
            return;
        }
        try (Reader r = Files.newBufferedReader(metricsCsv);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderNames().contains(NEGATIVES_CHANGED)) {
                return;
            }
            double sum = 0;
            int n = 0;
            for (CSVRecord rec : p) {
                sum += Double.parseDouble(rec.get(NEGATIVES_CHANGED));
                n++;
            }
            if (n > 0) {
                out.add(new ResultCell("S51", row, PRETRAINING, "negatives_changed_pct", 100 * sum / n, seed, profile,
                        pretrainingCorpus, provenance));
            }
        }
    }

    /** Relative tolerance within which an auxiliary term's mean hinge counts as at its margin. */
    static final double AT_MARGIN = 0.01;

    /**
     * Share (%) of the logged steps in the second half of a pretraining log at which its language-stream auxiliary
     * term ({@code name}, e.g. {@code lasr0} or {@code masr0}) sat at its margin: every anchor's hinge active and their
     * mean within {@value #AT_MARGIN} of gamma (loss / lambda), i.e. the hardest positive and the hardest negative
     * equally far on average (mean of d+ - d- within 1% of gamma of 0). Held step after step, that points to
     * near-collapse of the embedding the term is computed on (all in about one direction), where hard-triplet mining
     * with cosine distance gets little gradient. The log keeps no distances, so this is a symptom, not a measurement
     * of the distances; the share is a count against a band, so a term hovering at the band's edge (LASR) moves with
     * noise. No cell when the log has no such term.
     */
    static void auxAtMargin(Path metricsCsv, String name, double lambda, double margin, String row, long seed,
            String profile, String pretrainingCorpus, String provenance, List<ResultCell> out) throws IOException {
        if (!Files.isRegularFile(metricsCsv) || lambda <= 0 || margin <= 0) {
            return;
        }
        String loss = "loss_" + name;
        String active = name + "_active_triplets";
        List<boolean[]> steps = new java.util.ArrayList<>();
        try (Reader r = Files.newBufferedReader(metricsCsv);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderNames().contains(loss) || !p.getHeaderNames().contains(active)) {
                return;
            }
            for (CSVRecord rec : p) {
                if (rec.get(loss).isBlank() || rec.get(active).isBlank()) {
                    continue;
                }
                double hinge = Double.parseDouble(rec.get(loss)) / lambda;
                boolean all = Double.parseDouble(rec.get(active)) >= 1.0 - 1e-6;
                steps.add(new boolean[] {all && Math.abs(hinge - margin) <= AT_MARGIN * margin});
            }
        }
        List<boolean[]> late = steps.subList(steps.size() / 2, steps.size());
        if (late.isEmpty()) {
            return;
        }
        long at = late.stream().filter(b -> b[0]).count();
        out.add(new ResultCell("S51", row, PRETRAINING, "aux_at_margin_pct", 100.0 * at / late.size(), seed, profile,
                pretrainingCorpus, provenance));
    }
}
