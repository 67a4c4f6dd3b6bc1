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
 *
 * <p>Exact mode: when the baseline records the platform fingerprint its numbers were computed on and this run's equals
 * it, a cell all of whose corpora have the baseline's manifest and audio hashes is expected bit-identical (smoke
 * runs are, on the same data and platform, resumed or not), so any difference beyond {@link #EXACT_TOLERANCE}, better
 * or worse, fails as {@link #CHANGED}. Elsewhere (another platform, changed data, a baseline without a platform or
 * without audio hashes) the baseline's tolerances apply. The outcome says which mode was used and why.
 */
public final class RegressionCheck {

    /** Metrics where lower is better. */
    static final Set<String> LOWER_IS_BETTER = Set.of("eer", "wer", "cer");
    /** Absolute tolerance of exact mode, where bit-identical values are expected: any real change exceeds it. */
    public static final double EXACT_TOLERANCE = 1e-9;
    /** Verdict of a cell that moved although data and platform are the baseline's. */
    public static final String CHANGED = "CHANGED (same data and platform: bit-identical expected)";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** One compared cell. */
    public record Line(String key, double baseline, double measured, double tolerance, String verdict) {}

    /**
     * A corpus whose build differs from the baseline's in {@code part}: "manifest" (a null hash: the corpus is not in
     * this run, or not in the baseline) or "audio" (both hashes known, the samples differ).
     */
    public record DataChange(String dir, String label, String part, String baselineSha256, String measuredSha256) {}

    /**
     * The outcome: every line, whether any regressed or changed, the corpora whose content changed, measured cells the
     * baseline lacks, which comparison mode was used and why (null when not told), and the corpora whose audio could
     * not be compared (no audio hash in the baseline, or none in this run): their cells keep the tolerances.
     */
    public record Outcome(List<Line> lines, boolean regressed, List<DataChange> dataChanges, List<String> notInBaseline,
            String mode, List<String> audioNotCompared) {

        public String render() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-70s %9s %9s %7s  %s%n", "cell",
                    "baseline", "measured", "tol", "verdict"));
            for (Line l : lines) {
                sb.append(String.format(Locale.ROOT, "%-70s %9.2f %9.2f %7.2f  %s", l.key(), l.baseline(),
                        l.measured(), l.tolerance(), l.verdict()));
                if (l.verdict().equals(CHANGED)) {
                    sb.append(String.format(Locale.ROOT, " by %+.6g", l.measured() - l.baseline()));
                }
                sb.append('\n');
            }
            long bad = lines.stream().filter(l -> l.verdict().startsWith("REGRESSED") || l.verdict().startsWith("MISSING")).count();
            long changed = lines.stream().filter(l -> l.verdict().equals(CHANGED)).count();
            if (!regressed) {
                sb.append("no regression in ").append(lines.size()).append(" cells\n");
            } else {
                sb.append(bad > 0 ? bad + " of " + lines.size() + " cells regressed" : "")
                        .append(bad > 0 && changed > 0 ? ", " : "")
                        .append(changed > 0 ? changed + " of " + lines.size() + " cells changed" : "").append('\n');
            }
            if (mode != null) {
                sb.append(mode).append('\n');
            }
            if (changed > 0) {
                sb.append("Cells marked CHANGED were computed on the baseline's data and platform, where runs are "
                        + "bit-identical, so the code moved them. Review the diff first; if the change is intended (a "
                        + "code change that moves smoke numbers), record it with masr check --write-baseline\n");
            }
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
                                    : d.part() + " " + shortHash(d.baselineSha256()) + " -> " + shortHash(d.measuredSha256()))
                            .append('\n');
                }
            }
            if (!audioNotCompared.isEmpty()) {
                sb.append(audioNotCompared.size() == 1 ? "1 corpus has" : audioNotCompared.size() + " corpora have")
                        .append(" no audio hash to compare, so its cells keep the tolerances (not a data change; "
                        + "re-write the baseline with masr check --write-baseline to compare them exactly): ")
                        .append(String.join("; ", audioNotCompared)).append('\n');
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
     * out. {@code platform}: the fingerprint the cells were computed on, null when not known (then checks against the
     * baseline never compare exactly).
     */
    public static Baseline of(String profile, String note, Map<String, Double> tolerances, List<ResultCell> measured,
            List<Baseline.Corpus> corpora, Map<String, String> platform) {
        List<Baseline.Cell> cells = new ArrayList<>();
        means(measured).forEach((k, v) -> {
            String[] f = k.split(" \\| ");
            if (tolerances.containsKey(f[3])) {
                cells.add(new Baseline.Cell(f[0], f[1], f[2], f[3], v));
            }
        });
        return new Baseline(profile, note, new TreeMap<>(tolerances), platform == null ? null : new TreeMap<>(platform),
                corpora == null ? null : List.copyOf(corpora), cells);
    }

    public static void write(Path file, Baseline b) throws IOException {
        Files.writeString(file, GSON.toJson(b) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Compares cells, and, when both the baseline and {@code corpora} (this run's builds) are known, the corpus builds:
     * a regressed cell measured on a changed corpus (as evaluation or pretraining data) is marked "(data changed)".
     * When {@code platform} (this run's fingerprint, null if not known) equals the baseline's, cells on unchanged
     * corpora are compared exactly (see the class comment).
     */
    public static Outcome compare(Baseline baseline, List<ResultCell> measured, List<Baseline.Corpus> corpora,
            Map<String, String> platform) {
        List<DataChange> changes = new ArrayList<>();
        Set<String> changedCells = new java.util.HashSet<>();
        Set<String> knownCells = new java.util.HashSet<>();
        List<String> audioNotCompared = new ArrayList<>();
        Set<String> audioUnknownCells = new java.util.HashSet<>();
        boolean dataKnown = baseline.corpora() != null && corpora != null;
        if (dataKnown) {
            Map<String, Baseline.Corpus> now = new TreeMap<>();
            corpora.forEach(c -> now.put(c.dir(), c));
            Set<String> known = new java.util.HashSet<>();
            for (Baseline.Corpus old : baseline.corpora()) {
                known.add(old.dir());
                knownCells.addAll(old.cells() == null ? List.of() : old.cells());
                Baseline.Corpus c = now.get(old.dir());
                List<String> cells = old.cells() == null ? List.of() : old.cells();
                boolean audioDiffers = c != null && old.audioSha256() != null && c.audioSha256() != null
                        && !old.audioSha256().equals(c.audioSha256());
                DataChange change = c == null
                        ? new DataChange(old.dir(), old.label(), "manifest", old.manifestSha256(), null)
                        : !java.util.Objects.equals(old.manifestSha256(), c.manifestSha256())
                        ? new DataChange(old.dir(), old.label(), "manifest", old.manifestSha256(), c.manifestSha256())
                        : audioDiffers
                        ? new DataChange(old.dir(), old.label(), "audio", old.audioSha256(), c.audioSha256())
                        : null;
                if (change != null) {
                    changes.add(change);
                    changedCells.addAll(cells);
                } else if (old.audioSha256() == null || c.audioSha256() == null) {
                    // a missing audio hash is no evidence of sameness (nor of a change): not compared exactly
                    audioNotCompared.add(old.label() + " (" + old.dir() + "): no audio hash "
                            + (old.audioSha256() == null ? "in the baseline (a real corpus, or a baseline written before audio hashes were kept)"
                            : "in this run (a real corpus, or audio that could not be read; see the lines above)"));
                    audioUnknownCells.addAll(cells);
                }
            }
            for (Baseline.Corpus c : now.values()) {
                if (!known.contains(c.dir())) {
                    changes.add(new DataChange(c.dir(), c.label(), "manifest", null, c.manifestSha256()));
                    changedCells.addAll(c.cells());
                }
            }
        }
        String platformDiffers = platformDiffers(baseline.platform(), platform);
        Map<String, Double> ours = means(measured);
        List<Line> lines = new ArrayList<>();
        boolean regressed = false;
        int exactCells = 0;
        for (Baseline.Cell c : baseline.cells()) {
            String column = Baseline.cellKey(c.table(), c.row(), c.column());
            boolean exact = platformDiffers == null && knownCells.contains(column) && !changedCells.contains(column)
                    && !audioUnknownCells.contains(column);
            exactCells += exact ? 1 : 0;
            double tol = exact ? EXACT_TOLERANCE : baseline.tolerances().getOrDefault(c.metric(), 0.0);
            Double m = ours.get(c.key());
            String verdict;
            if (m == null || m.isNaN() != Double.isNaN(c.value())) {
                verdict = m == null ? "MISSING" : "REGRESSED (not a number)";
                regressed = true;
            } else if (m.isNaN()) {
                verdict = "ok (both n/a)";
            } else if (exact) {
                verdict = Math.abs(m - c.value()) > tol ? CHANGED : "ok";
                regressed |= !verdict.equals("ok");
            } else {
                double better = LOWER_IS_BETTER.contains(c.metric()) ? c.value() - m : m - c.value();
                if (better < -tol) {
                    verdict = changedCells.contains(column) ? "REGRESSED (data changed)" : "REGRESSED";
                    regressed = true;
                } else {
                    verdict = better > tol ? "improved" : "ok";
                }
            }
            lines.add(new Line(c.key(), c.value(), m == null ? Double.NaN : m, tol, verdict));
        }
        String mode = mode(platformDiffers, dataKnown, exactCells, lines.size());
        Set<String> inBaseline = new java.util.HashSet<>();
        baseline.cells().forEach(c -> inBaseline.add(c.key()));
        List<String> unguarded = ours.keySet().stream().filter(k -> !inBaseline.contains(k))
                .filter(k -> baseline.tolerances().containsKey(k.substring(k.lastIndexOf(" | ") + 3))).toList();
        return new Outcome(lines, regressed, changes, unguarded, mode, audioNotCompared);
    }

    /** Why the platforms cannot be taken as equal, or null when they are the same known fingerprint. */
    static String platformDiffers(Map<String, String> baseline, Map<String, String> measured) {
        if (baseline == null) {
            return "the baseline records no platform (written before platforms were kept, or on runs of mixed or "
                    + "unknown platform)";
        }
        if (measured == null) {
            return "this run's platform is not known (steps made before it was recorded, or on more than one platform)";
        }
        List<String> unknown = measured.entrySet().stream().filter(e -> e.getValue().equals("unknown"))
                .map(Map.Entry::getKey).toList();
        if (!unknown.isEmpty()) {
            return "this run's platform is partly unknown (" + String.join(", ", unknown) + ")";
        }
        List<String> diff = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(baseline.keySet());
        keys.addAll(measured.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(baseline.get(k), measured.get(k))) {
                diff.add(k + " " + measured.get(k) + " vs the baseline's " + baseline.get(k));
            }
        }
        return diff.isEmpty() ? null : "platform differs from the baseline's (" + String.join("; ", diff) + ")";
    }

    private static String mode(String platformDiffers, boolean dataKnown, int exactCells, int cells) {
        String exact = "compared exactly (tolerance " + EXACT_TOLERANCE + "; data and platform are the baseline's, "
                + "where runs are bit-identical)";
        if (exactCells == cells) {
            return "mode: all " + cells + " cells " + exact;
        }
        if (exactCells > 0) {
            return "mode: " + exactCells + " of " + cells + " cells " + exact + "; the baseline's tolerances apply to "
                    + "the other " + (cells - exactCells) + ", measured on corpora that differ from the baseline's "
                    + "or whose audio was not compared (listed below)";
        }
        String why = platformDiffers != null ? platformDiffers
                : !dataKnown ? "the corpus builds of the baseline or of this run are not known"
                : "every cell was measured on a corpus that differs from the baseline's or whose audio was not "
                + "compared (listed below)";
        return "mode: " + why + ": the baseline's tolerances apply";
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
