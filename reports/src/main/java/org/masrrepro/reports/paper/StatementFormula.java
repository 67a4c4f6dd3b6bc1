package org.masrrepro.reports.paper;

import org.masrrepro.reports.results.ResultCell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes one of our numbers comparable to a paper statement, per seed, from result cells. Formulas
 * ({@code A}, {@code B} are {@code TABLE|row|column|metric}; {@code RA}, {@code RB} are {@code TABLE|row}):
 * <ul>
 *   <li>{@code value A}; {@code diff A B} = A - B; {@code rel_gain A B} = 100 (A - B) / B;
 *       {@code rel_drop A B} = 100 (B - A) / B (for lower-is-better metrics);</li>
 *   <li>{@code count_improved RA RB PREFIX METRIC}, {@code count_regressed ...}: columns under PREFIX where RA is
 *       above (below) RB; PREFIX {@code *} takes every column both rows have;</li>
 *   <li>{@code count_above_both RA RB RC PREFIX METRIC}: columns under PREFIX where RA is above both RB and RC;</li>
 *   <li>{@code mean_rel_gain RA RB PREFIX METRIC overlapped|non-overlapped}: mean of 100 (A - B) / B over those
 *       columns whose {@code overlapped} cell (1 or 0, same table, row RB) says so; columns with B = 0 are left out;</li>
 *   <li>{@code count_flagged RA PREFIX METRIC}: columns under PREFIX where RA's METRIC cell is 1 (e.g. how many of a
 *       corpus's languages are {@code overlapped}, i.e. also in pretraining).</li>
 * </ul>
 */
public record StatementFormula(String op, List<String> args) {

    private static final Map<String, Integer> ARITY = Map.of("value", 1, "diff", 2, "rel_gain", 2, "rel_drop", 2,
            "count_improved", 4, "count_regressed", 4, "count_above_both", 5, "mean_rel_gain", 5, "count_flagged", 3);

    public static StatementFormula parse(String formula) {
        String[] t = formula.trim().split("\\s+");
        Integer arity = ARITY.get(t[0]);
        if (arity == null || t.length != arity + 1) {
            throw new IllegalArgumentException("formula \"" + formula + "\": expected one of " + ARITY
                    + " (operator -> number of arguments)");
        }
        if (t[0].equals("mean_rel_gain") && !t[5].equals("overlapped") && !t[5].equals("non-overlapped")) {
            throw new IllegalArgumentException("formula \"" + formula + "\": last argument must be overlapped or non-overlapped");
        }
        return new StatementFormula(t[0], List.of(t).subList(1, t.length));
    }

    /** Mean over the seeds that have every needed cell, and how many seeds that was; empty when none. */
    public record Value(double mean, int seeds) {}

    public java.util.Optional<Value> evaluate(List<ResultCell> cells) {
        Map<Long, Map<String, Double>> bySeed = new TreeMap<>();
        for (ResultCell c : cells) {
            bySeed.computeIfAbsent(c.seed(), s -> new HashMap<>())
                    .put(c.table() + "|" + c.row() + "|" + c.column() + "|" + c.metric(), c.value());
        }
        List<Double> values = new ArrayList<>();
        for (Map<String, Double> seed : bySeed.values()) {
            OptionalDouble v = perSeed(seed);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                values.add(v.getAsDouble());
            }
        }
        if (values.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Value(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                values.size()));
    }

    private OptionalDouble perSeed(Map<String, Double> cell) {
        switch (op) {
            case "value", "diff", "rel_gain", "rel_drop" -> {
                Double a = cell.get(args.get(0));
                Double b = args.size() > 1 ? cell.get(args.get(1)) : Double.valueOf(0);
                if (a == null || b == null) {
                    return OptionalDouble.empty();
                }
                return OptionalDouble.of(switch (op) {
                    case "value" -> a;
                    case "diff" -> a - b;
                    case "rel_gain" -> 100 * (a - b) / b;
                    default -> 100 * (b - a) / b;
                });
            }
            case "count_above_both" -> {
                return countAboveBoth(cell);
            }
            case "count_flagged" -> {
                return countFlagged(cell);
            }
            default -> {
                String ra = args.get(0);
                String rb = args.get(1);
                String prefix = args.get(2);
                String metric = args.get(3);
                TreeSet<String> columns = new TreeSet<>();
                for (String k : cell.keySet()) {
                    String[] p = k.split("\\|", -1);
                    if ((p[0] + "|" + p[1]).equals(ra) && underPrefix(p[2], prefix) && p[3].equals(metric)
                            && cell.containsKey(rb + "|" + p[2] + "|" + metric)) {
                        columns.add(p[2]);
                    }
                }
                if (columns.isEmpty()) {
                    return OptionalDouble.empty();
                }
                int improved = 0;
                int regressed = 0;
                List<Double> gains = new ArrayList<>();
                boolean wantOverlapped = op.equals("mean_rel_gain") && args.get(4).equals("overlapped");
                for (String col : columns) {
                    double a = cell.get(ra + "|" + col + "|" + metric);
                    double b = cell.get(rb + "|" + col + "|" + metric);
                    improved += a > b ? 1 : 0;
                    regressed += a < b ? 1 : 0;
                    Double ov = cell.get(rb + "|" + col + "|overlapped");
                    if (op.equals("mean_rel_gain") && ov != null && (ov == 1.0) == wantOverlapped && b != 0) {
                        gains.add(100 * (a - b) / b);
                    }
                }
                return switch (op) {
                    case "count_improved" -> OptionalDouble.of(improved);
                    case "count_regressed" -> OptionalDouble.of(regressed);
                    default -> gains.stream().mapToDouble(Double::doubleValue).average();
                };
            }
        }
    }

    /**
     * The corpora (labels, sorted) of the cells this formula reads: what "ours" was measured on, which the statement's
     * dataset name (the paper's) is not.
     */
    public List<String> corpora(List<ResultCell> cells) {
        Map<String, TreeSet<String>> byKey = new HashMap<>();
        for (ResultCell c : cells) {
            if (c.corpus() != null && !c.corpus().isEmpty()) {
                byKey.computeIfAbsent(c.table() + "|" + c.row() + "|" + c.column() + "|" + c.metric(),
                        k -> new TreeSet<>()).add(c.corpus());
            }
        }
        TreeSet<String> out = new TreeSet<>();
        switch (op) {
            case "value", "diff", "rel_gain", "rel_drop" -> args.forEach(a -> out.addAll(byKey.getOrDefault(a,
                    new TreeSet<>())));
            default -> {
                // The columns the formula compares, as perSeed selects them: under PREFIX, of METRIC, had by every row.
                int rowsRead = op.equals("count_above_both") ? 3 : op.equals("count_flagged") ? 1 : 2;
                List<String> rows = args.subList(0, rowsRead);
                String prefix = args.get(rowsRead);
                String metric = args.get(rowsRead + 1);
                for (String key : byKey.keySet()) {
                    String[] p = key.split("\\|", -1);
                    if (!(p[0] + "|" + p[1]).equals(rows.get(0)) || !p[3].equals(metric) || !underPrefix(p[2], prefix)
                            || !rows.stream().allMatch(r -> byKey.containsKey(r + "|" + p[2] + "|" + metric))) {
                        continue;
                    }
                    rows.forEach(r -> out.addAll(byKey.get(r + "|" + p[2] + "|" + metric)));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether a column is one a row-wise formula covers: under PREFIX, or any column for {@code *}. */
    private static boolean underPrefix(String column, String prefix) {
        return prefix.equals("*") || column.startsWith(prefix);
    }

    private OptionalDouble countFlagged(Map<String, Double> cell) {
        String ra = args.get(0);
        String prefix = args.get(1);
        String metric = args.get(2);
        int columns = 0;
        int flagged = 0;
        for (Map.Entry<String, Double> e : cell.entrySet()) {
            String[] p = e.getKey().split("\\|", -1);
            if ((p[0] + "|" + p[1]).equals(ra) && p[3].equals(metric) && underPrefix(p[2], prefix)) {
                columns++;
                flagged += e.getValue() == 1.0 ? 1 : 0;
            }
        }
        return columns == 0 ? OptionalDouble.empty() : OptionalDouble.of(flagged);
    }

    private OptionalDouble countAboveBoth(Map<String, Double> cell) {
        String ra = args.get(0);
        String prefix = args.get(3);
        String metric = args.get(4);
        int above = 0;
        int columns = 0;
        for (Map.Entry<String, Double> e : cell.entrySet()) {
            String[] p = e.getKey().split("\\|", -1);
            if (!(p[0] + "|" + p[1]).equals(ra) || !p[3].equals(metric) || !underPrefix(p[2], prefix)) {
                continue;
            }
            Double b = cell.get(args.get(1) + "|" + p[2] + "|" + metric);
            Double c = cell.get(args.get(2) + "|" + p[2] + "|" + metric);
            if (b != null && c != null) {
                columns++;
                above += e.getValue() > b && e.getValue() > c ? 1 : 0;
            }
        }
        return columns == 0 ? OptionalDouble.empty() : OptionalDouble.of(above);
    }
}
