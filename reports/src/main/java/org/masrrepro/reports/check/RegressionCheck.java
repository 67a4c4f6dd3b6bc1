package org.masrrepro.reports.check;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares measured result cells with a committed baseline: a cell regresses when it is missing, not a number, or
 * worse than the baseline by more than its metric's tolerance (higher is better for acc and f1, lower for eer and
 * wer). Improvements beyond the tolerance are reported but pass. When the baseline records its corpus builds, the
 * outcome also names every corpus whose content differs from the baseline's (other Debian package versions, say), and
 * marks the regressed cells of rows measured on one, so a data change reads as one and not as a code regression.
 */
public final class RegressionCheck {

    /** Metrics where lower is better. */
    static final Set<String> LOWER_IS_BETTER = Set.of("eer", "wer", "cer");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** One compared cell. */
    public record Line(String key, double baseline, double measured, double tolerance, String verdict) {}

    /** A corpus whose build differs from the baseline's (a null hash: not in this run, or not in the baseline). */
    public record DataChange(String dir, String label, String baselineSha256, String measuredSha256) {}

    /** The outcome: every line, whether any regressed, and the corpora whose content changed. */
    public record Outcome(List<Line> lines, boolean regressed, List<DataChange> dataChanges, List<String> notInBaseline) {
        public Outcome(List<Line> lines, boolean regressed) {
            this(lines, regressed, List.of(), List.of());
        }

        public String render() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-70s %9s %9s %7s  %s%n", "cell",
                    "baseline", "measured", "tol", "verdict"));
            for (Line l : lines) {
                sb.append(String.format(Locale.ROOT, "%-70s %9.2f %9.2f %7.2f  %s%n", l.key(), l.baseline(),
                        l.measured(), l.tolerance(), l.verdict()));
            }
            long bad = lines.stream().filter(l -> l.verdict().startsWith("REGRESSED") || l.verdict().startsWith("MISSING")).count();
            sb.append(regressed ? bad + " of " + lines.size() + " cells regressed\n" : "no regression in " + lines.size() + " cells\n");
            if (!notInBaseline.isEmpty()) {
                // not a failure (a new spec has no baseline yet), but nothing guards these cells until it is re-written
                sb.append(notInBaseline.size()).append(notInBaseline.size() == 1 ? " measured cell is" : " measured cells are")
                        .append(" not in the baseline, so unguarded (masr check --write-baseline adds them): ")
                        .append(String.join("; ", notInBaseline.subList(0, Math.min(8, notInBaseline.size()))))
                        .append(notInBaseline.size() > 8 ? "; ..." : "").append('\n');
            }
            if (!dataChanges.isEmpty()) {
                sb.append(dataChanges.size() == 1 ? "1 corpus differs" : dataChanges.size() + " corpora differ")
                        .append(" from the builds the baseline was measured on; "
                        + "cells marked (data changed) may move for that reason alone. Compare the Debian package "
                        + "versions in the corpus cards; if the data change is expected, re-write the baseline "
                        + "(masr check --write-baseline):\n");
                for (DataChange d : dataChanges) {
                    sb.append("  ").append(d.label()).append(" (").append(d.dir()).append("): ")
                            .append(d.measuredSha256() == null ? "not in this run"
                                    : d.baselineSha256() == null ? "not in the baseline"
                                    : "manifest " + shortHash(d.baselineSha256()) + " -> " + shortHash(d.measuredSha256()))
                            .append('\n');
                }
            }
            return sb.toString();
        }
    }

    private RegressionCheck() {}

    private static String shortHash(String sha) {
        return sha == null ? "(none)" : sha.substring(0, Math.min(12, sha.length()));
    }

    public static Baseline read(Path file) throws IOException {
        return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Baseline.class);
    }

    /**
     * A baseline of the measured cells (means over seeds) whose metric has a tolerance, for maintainers updating it
     * on purpose; cells whose metric has none (in the smoke baseline: the F3 overlapped flag, the F4 rate) are left
     * out.
     */
    public static Baseline of(String profile, String note, Map<String, Double> tolerances, List<ResultCell> measured,
            List<Baseline.Corpus> corpora) {
        List<Baseline.Cell> cells = new ArrayList<>();
        means(measured).forEach((k, v) -> {
            String[] f = k.split(" \\| ");
            if (tolerances.containsKey(f[3])) {
                cells.add(new Baseline.Cell(f[0], f[1], f[2], f[3], v));
            }
        });
        return new Baseline(profile, note, new TreeMap<>(tolerances), corpora == null ? null : List.copyOf(corpora),
                cells);
    }

    public static void write(Path file, Baseline b) throws IOException {
        Files.writeString(file, GSON.toJson(b) + "\n", StandardCharsets.UTF_8);
    }

    public static Outcome compare(Baseline baseline, List<ResultCell> measured) {
        return compare(baseline, measured, null);
    }

    /**
     * Compares cells, and, when both the baseline and {@code corpora} (this run's builds) are known, the corpus builds:
     * a regressed cell measured on a changed corpus (as evaluation or pretraining data) is marked "(data changed)".
     */
    public static Outcome compare(Baseline baseline, List<ResultCell> measured, List<Baseline.Corpus> corpora) {
        List<DataChange> changes = new ArrayList<>();
        Set<String> changedCells = new java.util.HashSet<>();
        if (baseline.corpora() != null && corpora != null) {
            Map<String, Baseline.Corpus> now = new TreeMap<>();
            corpora.forEach(c -> now.put(c.dir(), c));
            Set<String> known = new java.util.HashSet<>();
            for (Baseline.Corpus old : baseline.corpora()) {
                known.add(old.dir());
                Baseline.Corpus c = now.get(old.dir());
                String sha = c == null ? null : c.manifestSha256();
                if (!java.util.Objects.equals(old.manifestSha256(), sha)) {
                    changes.add(new DataChange(old.dir(), old.label(), old.manifestSha256(), sha));
                    changedCells.addAll(old.cells() == null ? List.of() : old.cells());
                }
            }
            for (Baseline.Corpus c : now.values()) {
                if (!known.contains(c.dir())) {
                    changes.add(new DataChange(c.dir(), c.label(), null, c.manifestSha256()));
                    changedCells.addAll(c.cells());
                }
            }
        }
        Map<String, Double> ours = means(measured);
        List<Line> lines = new ArrayList<>();
        boolean regressed = false;
        for (Baseline.Cell c : baseline.cells()) {
            double tol = baseline.tolerances().getOrDefault(c.metric(), 0.0);
            Double m = ours.get(c.key());
            String verdict;
            if (m == null || m.isNaN() != Double.isNaN(c.value())) {
                verdict = m == null ? "MISSING" : "REGRESSED (not a number)";
                regressed = true;
            } else if (m.isNaN()) {
                verdict = "ok (both n/a)";
            } else {
                double better = LOWER_IS_BETTER.contains(c.metric()) ? c.value() - m : m - c.value();
                if (better < -tol) {
                    verdict = changedCells.contains(Baseline.cellKey(c.table(), c.row(), c.column()))
                            ? "REGRESSED (data changed)" : "REGRESSED";
                    regressed = true;
                } else {
                    verdict = better > tol ? "improved" : "ok";
                }
            }
            lines.add(new Line(c.key(), c.value(), m == null ? Double.NaN : m, tol, verdict));
        }
        Set<String> inBaseline = new java.util.HashSet<>();
        baseline.cells().forEach(c -> inBaseline.add(c.key()));
        List<String> unguarded = ours.keySet().stream().filter(k -> !inBaseline.contains(k))
                .filter(k -> baseline.tolerances().containsKey(k.substring(k.lastIndexOf(" | ") + 3))).toList();
        return new Outcome(lines, regressed, changes, unguarded);
    }

    private static Map<String, Double> means(List<ResultCell> cells) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (ResultCell c : cells) {
            String key = c.table() + " | " + c.row() + " | " + c.column() + " | " + c.metric();
            double[] s = acc.computeIfAbsent(key, k -> new double[2]);
            s[0] += c.value();
            s[1]++;
        }
        Map<String, Double> out = new TreeMap<>();
        acc.forEach((k, s) -> out.put(k, s[0] / s[1]));
        return out;
    }
}
