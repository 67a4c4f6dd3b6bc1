package org.masrrepro.reports.report;

import org.masrrepro.reports.results.ResultCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds columns whose numbers cannot rank methods (means over seeds), so the report says so under the table instead of
 * letting them pass for a result: accuracy at or near 100% (a corpus too easy), learned rows no better than the
 * non-learned floor (accuracy, UAR, EER), WER at or above 100% (and with CER at or above it too, no usable output),
 * pretrained rows no better than the untrained encoder, rows at the majority-class rate, and pretrainings whose
 * triplet term sat at its margin.
 */
public final class Saturation {

    /** Mean accuracy (%) from which a column counts as saturated. */
    public static final double THRESHOLD = 97.5;

    private Saturation() {}

    /** How the non-learned floor's row begins (the harness names it {@code "floor: <method>"}). */
    public static final String FLOOR_PREFIX = "floor:";

    /** Mean WER (%) from which a model counts as transcribing nothing useful. */
    public static final double WER_DEGENERATE = 100.0;

    /**
     * The warnings under a table: saturated accuracy columns, learned rows no better than the non-learned floor
     * (accuracy and UAR: at or under it; EER: at or over it), WERs at or above 100%, pretrained rows at or under the
     * untrained encoder's accuracy, and (S51) triplet terms at their margin. The majority-class warning needs the
     * test sets' class counts: {@link #majorityWarnings}.
     */
    public static List<String> warnings(List<ResultCell> cells, String table) {
        Map<String, Map<String, double[]>> acc = means(cells, table, "acc");
        List<String> out = new ArrayList<>(saturated(acc));
        out.addAll(underTheFloor(acc, "accuracy", false));
        out.addAll(underTheFloor(means(cells, table, "uar"), "UAR", false));
        out.addAll(underTheFloor(means(cells, table, "eer"), "EER", true));
        out.addAll(degenerateWer(means(cells, table, "wer"), means(cells, table, "cer")));
        out.addAll(untrainedLevel(acc));
        out.addAll(collapsedAux(means(cells, table, "aux_at_margin_pct")));
        return out;
    }

    /** Mean share (%) of late logged steps at the margin from which an auxiliary term counts as collapsed. */
    public static final double COLLAPSED = 50.0;

    /**
     * Rows whose language-stream triplet term sat at its margin for most of the second half of its pretraining (mean
     * share over seeds of {@code aux_at_margin_pct} at or above {@value #COLLAPSED}%): a sign of near-collapse of the
     * embedding the term acts on, where it gets little gradient.
     */
    private static List<String> collapsedAux(Map<String, Map<String, double[]>> atMargin) {
        List<String> rows = new ArrayList<>();
        collapsedRows(atMargin).forEach((row, m) -> rows.add(String.format(Locale.ROOT, "%s %.0f%%", row, m)));
        if (rows.isEmpty()) {
            return List.of();
        }
        return List.of("Triplet term at its margin: " + String.join(", ", rows) + " of the late logged steps had "
                + "every hinge of the language-stream triplet term active and the mean hinge within 1% of the margin "
                + "gamma, i.e. the hardest positive and the hardest negative equally far on average. Held step after "
                + "step, that points to near-collapse of the embedding the term acts on (MASR: its projection q; "
                + "LASR: the pooled encoder output), where hard mining with cosine distance gets little gradient. "
                + "The logs keep no distances, so this is inferred, not measured; the control row 'best-rq continued "
                + "(no triplet term)' (spec ablations/bestrq-continued-ssl-only-fleurs) separates the triplet term's "
                + "effect from that of continuing the pretraining.");
    }

    /** Row -> mean share (%) of {@code aux_at_margin_pct} where it is at or above {@value #COLLAPSED}. */
    private static Map<String, Double> collapsedRows(Map<String, Map<String, double[]>> atMargin) {
        Map<String, Double> out = new TreeMap<>();
        atMargin.values().forEach(byRow -> byRow.forEach((row, s) -> {
            if (s[0] / s[1] >= COLLAPSED) {
                out.put(row, s[0] / s[1]);
            }
        }));
        return out;
    }

    /**
     * The rows of {@code table} whose pretraining's triplet term sat at its margin (from the S51 cells): a note under
     * Tables 1 and 2 and Figure 2, where their accuracies are compared, pointing to the Section 5.1 warning.
     */
    public static java.util.Optional<String> collapsedRowsNote(List<ResultCell> cells, String table) {
        Map<String, Double> collapsed = collapsedRows(means(cells, "S51", "aux_at_margin_pct"));
        java.util.Set<String> here = new java.util.TreeSet<>();
        cells.stream().filter(c -> c.table().equals(table) && collapsed.containsKey(c.row())).forEach(c ->
                here.add(c.row()));
        if (here.isEmpty() || table.equals("S51")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Rows " + String.join(", ", here) + ": the language-stream triplet term of their "
                + "pretraining sat at its margin for most of its late steps (see the warning under the Section 5.1 "
                + "table), so they test little of what the term was meant to add.");
    }

    /** How the untrained encoder's row begins (the specs name it {@code "random init (no pretraining)"}). */
    public static final String UNTRAINED_PREFIX = "random init";

    /**
     * Columns where the untrained encoder's mean accuracy is at or above a pretrained row's: there pretraining gave
     * that row nothing measurable, so its rank against the other pretrained rows is not a pretraining effect.
     */
    private static List<String> untrainedLevel(Map<String, Map<String, double[]>> acc) {
        List<String> columns = new ArrayList<>();
        java.util.Set<String> untrainedRows = new java.util.TreeSet<>();
        acc.forEach((column, rows) -> rows.forEach((untrained, u) -> {
            if (!untrained.startsWith(UNTRAINED_PREFIX)) {
                return;
            }
            double um = u[0] / u[1];
            List<String> below = new ArrayList<>();
            rows.forEach((row, s) -> {
                if (!row.startsWith(UNTRAINED_PREFIX) && !row.startsWith(FLOOR_PREFIX) && s[0] / s[1] <= um) {
                    below.add(String.format(Locale.ROOT, "%s %.1f%%", row, s[0] / s[1]));
                }
            });
            if (!below.isEmpty()) {
                untrainedRows.add(untrained);
                columns.add(String.format(Locale.ROOT, "%s (untrained %.1f%%; %s)", column, um,
                        String.join(", ", below)));
            }
        }));
        if (columns.isEmpty()) {
            return List.of();
        }
        return List.of("Pretraining adds nothing measurable, accuracy: the untrained encoder (" + String.join(", ",
                untrainedRows) + ") is at or above these pretrained rows in " + String.join("; ", columns) + ". "
                + "Fine-tuned or probed alike, they do no better than an encoder never pretrained, so at this scale "
                + "their differences there are not effects of their pretraining.");
    }

    /**
     * A test set's largest class: its name and its share (%) of the test utterances; {@code balanced} when every class
     * has as many (the name is then just the first).
     */
    public record Majority(String label, double percent, boolean balanced) {}

    /**
     * Rows of a table whose mean accuracy in a column is at or under that column's majority-class rate (always
     * answering the largest class): accuracy cannot rank them there (UAR, where shown, still can).
     */
    public static List<String> majorityWarnings(List<ResultCell> cells, String table, Map<String, Majority> byColumn,
            boolean uarShown) {
        List<String> out = new ArrayList<>();
        atMajority(cells, table, byColumn).forEach((column, under) -> {
            Majority m = byColumn.get(column);
            out.add(String.format(Locale.ROOT, "At the majority-class rate, accuracy: %s (always answering %s "
                    + "scores %.1f%%; at or under it: %s). Accuracy says nothing about these rows here%s.",
                    column, m.balanced() ? "any one class of this balanced test set" : "its largest class, "
                            + m.label() + ",", m.percent(), String.join(", ", under),
                    uarShown ? "; UAR (recall averaged over classes, chance = 1 / classes) still ranks them" : ""));
        });
        return out;
    }

    /** Column -> the rows ("row 58.7%") whose mean accuracy is at or under its majority-class rate; none: absent. */
    public static Map<String, List<String>> atMajority(List<ResultCell> cells, String table,
            Map<String, Majority> byColumn) {
        Map<String, List<String>> out = new TreeMap<>();
        means(cells, table, "acc").forEach((column, rows) -> {
            Majority m = byColumn.get(column);
            if (m == null) {
                return;
            }
            List<String> under = new ArrayList<>();
            rows.forEach((row, s) -> {
                if (s[0] / s[1] <= m.percent() + 1e-9) {
                    under.add(String.format(Locale.ROOT, "%s %.1f%%", row, s[0] / s[1]));
                }
            });
            if (!under.isEmpty()) {
                out.put(column, under);
            }
        });
        return out;
    }

    /** Column -> row -> {sum, n} of one metric's cells of a table. */
    private static Map<String, Map<String, double[]>> means(List<ResultCell> cells, String table, String metric) {
        Map<String, Map<String, double[]>> byColumn = new TreeMap<>();
        for (ResultCell c : cells) {
            if (c.table().equals(table) && c.metric().equals(metric) && Double.isFinite(c.value())) {
                double[] s = byColumn.computeIfAbsent(c.column(), k -> new TreeMap<>())
                        .computeIfAbsent(c.row(), k -> new double[2]);
                s[0] += c.value();
                s[1]++;
            }
        }
        return byColumn;
    }

    /** Learned rows whose mean is no better than the floor's in the same column ({@code lowerBetter}: EER). */
    private static List<String> underTheFloor(Map<String, Map<String, double[]>> byColumn, String metric,
            boolean lowerBetter) {
        List<String> out = new ArrayList<>();
        byColumn.forEach((column, rows) -> {
            List<Map.Entry<String, double[]>> floors = rows.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(FLOOR_PREFIX)).toList();
            if (floors.size() != 1) {
                return; // none, or one per corpus build: which floor a row faces is not known here
            }
            Map.Entry<String, double[]> floor = floors.get(0);
            double f = floor.getValue()[0] / floor.getValue()[1];
            List<String> under = new ArrayList<>();
            rows.forEach((row, s) -> {
                double m = s[0] / s[1];
                if (!row.startsWith(FLOOR_PREFIX) && (lowerBetter ? m >= f : m <= f)) {
                    under.add(String.format(Locale.ROOT, "%s %.1f%%", row, m));
                }
            });
            if (!under.isEmpty()) {
                out.add(String.format(Locale.ROOT, "No better than the floor, %s: %s (%s; the non-learned floor has "
                        + "%.1f%%%s). These encoders (pretrained or random) do no better than log-mel statistics with "
                        + "logistic regression here: at this scale what they learned did not help, so their rank "
                        + "against each other says little about the method.", metric, column, String.join(", ", under),
                        f, lowerBetter ? "; lower is better" : ""));
            }
        });
        return out;
    }

    /**
     * Rows whose mean WER is at or above 100%: the errors are at least as many as the reference words (insertions
     * at least as many as the words it got right), so WER no longer ranks them; with a CER of 100% or more as well the
     * model transcribes nothing usable (an empty output gives exactly 100 and 100).
     */
    private static List<String> degenerateWer(Map<String, Map<String, double[]>> wer,
            Map<String, Map<String, double[]>> cer) {
        List<String> out = new ArrayList<>();
        wer.forEach((column, rows) -> {
            List<String> bad = new ArrayList<>();
            List<String> nothing = new ArrayList<>();
            rows.forEach((row, s) -> {
                if (s[0] / s[1] >= WER_DEGENERATE) {
                    String text = String.format(Locale.ROOT, "%s %.1f%%", row, s[0] / s[1]);
                    double[] c = cer.getOrDefault(column, Map.of()).get(row);
                    (c != null && c[0] / c[1] >= 100.0 ? nothing : bad).add(text);
                }
            });
            if (!bad.isEmpty()) {
                out.add("WER at or above 100%: " + column + " (" + String.join(", ", bad) + "). The word errors are at "
                        + "least as many as the reference words (insertions at least as many as the words right), so "
                        + "WER cannot rank these models; the CER beside it still may.");
            }
            if (!nothing.isEmpty()) {
                out.add("Nothing usable transcribed: " + column + " (" + String.join(", ", nothing) + " WER, and a "
                        + "CER of 100% or more too; an empty output scores exactly 100 and 100). The model has not "
                        + "learned this language at this scale; the cell shows the pipeline ran, nothing about the "
                        + "method.");
            }
        });
        return out;
    }

    private static List<String> saturated(Map<String, Map<String, double[]>> byColumn) {
        List<String> out = new ArrayList<>();
        byColumn.forEach((column, rows) -> {
            List<String> high = new ArrayList<>();
            rows.forEach((row, s) -> {
                if (s[0] / s[1] >= THRESHOLD) {
                    high.add(String.format(Locale.ROOT, "%s %.1f%%", row, s[0] / s[1]));
                }
            });
            if (!high.isEmpty()) {
                out.add("Saturated: " + column + " (" + String.join(", ", high) + "). At or near 100% the corpus is "
                        + "too easy to tell methods apart; differences in this column say little until it is made "
                        + "harder.");
            }
        });
        return out;
    }
}
