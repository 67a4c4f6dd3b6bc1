package org.masrrepro.reports.claims;

import org.masrrepro.reports.paper.PaperNumbers;
import org.masrrepro.reports.results.ResultCell;
import org.masrrepro.reports.stats.PairedSummary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks claims on result cells over seeds: per seed a signed statistic d (positive = the claim holds), then a
 * {@link PairedSummary}. Verdict: reproduced when the confidence interval of d lies above 0, not reproduced when it
 * lies below 0, inconclusive otherwise or with fewer than {@link #MIN_SEEDS} seeds, not run when a needed cell is missing.
 */
public final class ClaimEvaluator {

    private final Map<String, TreeMap<Long, Double>> bySeed = new HashMap<>();
    private final Map<String, TreeSet<String>> corpora = new HashMap<>();
    private final PaperNumbers paper;
    private final double confidence;

    public ClaimEvaluator(List<ResultCell> cells, PaperNumbers paper, double confidence) {
        for (ResultCell c : cells) {
            if (Double.isFinite(c.value())) {
                bySeed.computeIfAbsent(key(c.table(), c.row(), c.column(), c.metric()), k -> new TreeMap<>())
                        .put(c.seed(), c.value());
                if (c.corpus() != null && !c.corpus().isEmpty()) {
                    corpora.computeIfAbsent(key(c.table(), c.row(), c.column(), c.metric()), k -> new TreeSet<>())
                            .add(c.corpus());
                }
            }
        }
        this.paper = paper;
        this.confidence = confidence;
    }

    private static String key(String table, String row, String column, String metric) {
        return table + "|" + row + "|" + column + "|" + metric;
    }

    /** Seeds a verdict needs: fewer give an interval too wide to mean much (issue: at least 3 at cpu scale). */
    public static final int MIN_SEEDS = 3;

    public List<ClaimResult> evaluate(ClaimSet set) {
        return set.claims().stream().map(this::evaluate).toList();
    }

    public ClaimResult evaluate(Claim claim) {
        List<String> refs = cellsNeeded(claim);
        List<String> missing = refs.stream().filter(r -> !bySeed.containsKey(r)).toList();
        List<String> on = List.copyOf(refs.stream().flatMap(r -> corpora.getOrDefault(r, new TreeSet<>()).stream())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        if (refs.isEmpty() || !missing.isEmpty()) {
            return new ClaimResult(claim, Verdict.NOT_RUN, List.of(), List.of(), null, paperD(claim, refs),
                    refs.isEmpty() ? "no result has the columns the claim ranges over"
                            : "not measured: " + String.join(", ", missing), on);
        }
        TreeSet<Long> seeds = new TreeSet<>(bySeed.get(refs.get(0)).keySet());
        refs.forEach(r -> seeds.retainAll(bySeed.get(r).keySet()));
        if (seeds.isEmpty()) {
            return new ClaimResult(claim, Verdict.NOT_RUN, List.of(), List.of(), null, paperD(claim, refs),
                    "no seed has every cell the claim needs", on);
        }
        List<Double> d = new ArrayList<>();
        for (long seed : seeds) {
            d.add(statistic(claim, columns(claim), ref -> bySeed.get(ref).get(seed)));
        }
        PairedSummary s = PairedSummary.of(d.stream().mapToDouble(Double::doubleValue).toArray(), confidence);
        Verdict v;
        String note;
        if (s.n() < MIN_SEEDS) {
            v = Verdict.INCONCLUSIVE;
            note = (s.n() == 1 ? "one seed" : s.n() + " seeds") + " (mean d = " + fmt(s.mean()) + "); a verdict needs "
                    + MIN_SEEDS + " or more (--seeds " + MIN_SEEDS + ")";
        } else if (s.ciLow() > 0) {
            v = Verdict.REPRODUCED;
            note = pct() + " CI of d above 0";
        } else if (s.ciHigh() < 0) {
            v = Verdict.NOT_REPRODUCED;
            note = pct() + " CI of d below 0";
        } else {
            v = Verdict.INCONCLUSIVE;
            note = pct() + " CI of d contains 0";
        }
        if (v == Verdict.REPRODUCED && claim.type() == Claim.Type.not_worse && claim.informativeLimit() != null) {
            // Only a pass can be vacuous: a clearly worse result is evidence even from a baseline at the floor.
            double bMean = seeds.stream().mapToDouble(seed -> bySeed.get(claim.b()).get(seed)).average().orElseThrow();
            if (!(claim.lowerBetter() ? bMean < claim.informativeLimit() : bMean > claim.informativeLimit())) {
                v = Verdict.INCONCLUSIVE;
                note = "baseline " + claim.b() + " at " + fmt(bMean) + " is not " + (claim.lowerBetter() ? "below "
                        : "above ") + fmt(claim.informativeLimit()) + ": at the metric's floor, 'no worse' holds "
                        + "vacuously";
            }
        }
        boolean twoCells = claim.type() == Claim.Type.greater || claim.type() == Claim.Type.less;
        if (twoCells && d.stream().allMatch(x -> x == 0.0)) {
            // Two cells equal at every seed (often both 0: a confusion our baseline never makes) test nothing; a
            // count or gain of 0 elsewhere is a result.
            note = "d is 0 at every seed (the compared values are equal), so our corpus cannot test the claim; " + note;
        }
        return new ClaimResult(claim, v, List.copyOf(seeds), d, s, paperD(claim, refs), note, on);
    }

    private String pct() {
        return Math.round(confidence * 100) + "%";
    }

    private static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.2f", x);
    }

    /** Keys of every cell the claim reads; for row-wise claims, the columns both rows have. */
    List<String> cellsNeeded(Claim c) {
        return switch (c.type()) {
            case greater, less, not_worse -> List.of(c.a(), c.b());
            case gain_greater -> List.of(c.a(), c.b(), c.c(), c.e());
            case above -> List.of(c.a());
            case best_of -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.a()), c.others().stream()).toList();
            case count_better, majority_better -> pairs(c, columns(c));
        };
    }

    /** The columns a row-wise claim compares (empty for the others). */
    private List<String> columns(Claim c) {
        return switch (c.type()) {
            case count_better -> c.columns();
            case majority_better -> columnsWithPrefix(c);
            default -> List.of();
        };
    }

    private List<String> pairs(Claim c, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String col : columns) {
            out.add(c.rowA() + "|" + col + "|" + c.metric());
            out.add(c.rowB() + "|" + col + "|" + c.metric());
        }
        return out;
    }

    /** Columns under the prefix that both rows measured (per-language cells vary with the corpus). */
    private List<String> columnsWithPrefix(Claim c) {
        TreeSet<String> a = new TreeSet<>();
        TreeSet<String> b = new TreeSet<>();
        for (String k : bySeed.keySet()) {
            String[] p = k.split("\\|", -1);
            if (p[2].startsWith(c.columnPrefix()) && p[3].equals(c.metric())) {
                String row = p[0] + "|" + p[1];
                if (row.equals(c.rowA())) {
                    a.add(p[2]);
                } else if (row.equals(c.rowB())) {
                    b.add(p[2]);
                }
            }
        }
        a.retainAll(b);
        if (Boolean.TRUE.equals(c.overlappedOnly())) {
            // The languages also in the pretraining corpus: row_b's overlapped marker cell is 1 (in every seed).
            a.removeIf(col -> {
                TreeMap<Long, Double> o = bySeed.get(c.rowB() + "|" + col + "|overlapped");
                return o == null || o.values().stream().anyMatch(v -> v != 1.0);
            });
        }
        return List.copyOf(a);
    }

    /** d for one seed; {@code value} maps a cell key to its value. */
    static double statistic(Claim c, List<String> columns, Function<String, Double> value) {
        return switch (c.type()) {
            case greater -> value.apply(c.a()) - value.apply(c.b());
            case less -> value.apply(c.b()) - value.apply(c.a());
            case gain_greater -> (value.apply(c.a()) - value.apply(c.b())) - (value.apply(c.c()) - value.apply(c.e()));
            case not_worse -> c.tolerance() - (c.lowerBetter() ? 1 : -1) * (value.apply(c.a()) - value.apply(c.b()));
            case above -> value.apply(c.a()) - c.threshold();
            case best_of -> value.apply(c.a()) - c.others().stream().mapToDouble(value::apply).max().orElseThrow();
            case count_better, majority_better -> {
                int wins = 0;
                int losses = 0;
                for (String col : columns) {
                    int cmp = compare(c, value, col);
                    wins += cmp > 0 ? 1 : 0;
                    losses += cmp < 0 ? 1 : 0;
                }
                yield c.type() == Claim.Type.count_better ? wins - c.atLeast() + 0.5 : wins - losses;
            }
        };
    }

    private static int compare(Claim c, Function<String, Double> value, String col) {
        double a = value.apply(c.rowA() + "|" + col + "|" + c.metric());
        double b = value.apply(c.rowB() + "|" + col + "|" + c.metric());
        return (c.lowerBetter() ? -1 : 1) * Double.compare(a, b);
    }

    /** d from the paper's own numbers, or NaN when one of its cells is not in the paper. */
    private double paperD(Claim c, List<String> refs) {
        if (c.paperD() != null) {
            return c.paperD(); // given in the paper's text only (the claim's reading says where)
        }
        Map<String, Double> values = new HashMap<>();
        for (String r : refs) {
            CellRef ref = CellRef.parse(r);
            Optional<Double> v = paper.value(ref.table(), ref.row(), ref.column(), ref.metric());
            if (v.isEmpty()) {
                return Double.NaN;
            }
            values.put(r, v.get());
        }
        if (c.type() == Claim.Type.majority_better) {
            return Double.NaN; // the paper gives per-language changes only as a figure
        }
        return statistic(c, c.type() == Claim.Type.count_better ? c.columns() : List.of(), values::get);
    }
}
