package org.masrrepro.harness.run;

import org.masrrepro.reports.report.RunSummary;
import org.masrrepro.reports.results.ResultCell;

import java.util.List;

/**
 * What one experiment run produced, for the report: its result cells and where the evidence lives.
 *
 * @param spec       spec id
 * @param describes  what of the paper it reproduces
 * @param profile    scale profile
 * @param seed       root seed
 * @param corpus     corpus label (says "analog" for offline corpora)
 * @param corpusDir  corpus step directory, relative to the runs root
 * @param evalDir    evaluation step directory, relative to the runs root
 * @param cells      the numbers
 * @param curves     training logs (metrics.csv) by curve name, relative to the runs root
 * @param format     how the record was written ({@link #FORMAT} now; 0 in records older than the field)
 */
public record RunRecord(
        String spec,
        String describes,
        String profile,
        long seed,
        String corpus,
        String corpusDir,
        String evalDir,
        List<ResultCell> cells,
        java.util.Map<String, String> curves,
        int format) {

    /**
     * Format of the records this build writes. 2: the S51 cell is in column {@code pretraining} with the pretraining
     * corpus (it was under the downstream dataset, with that corpus), and the curves name the base pretraining and the
     * continuation apart. 3: a LASR/MASR run has the S51 cell {@code aux_at_margin_pct} (its language-stream
     * triplet term at the margin), and the random-init row names no pretraining corpus. Older records are left out of
     * the report and check until their spec is re-run (which reuses every finished step and only rewrites the record).
     */
    public static final int FORMAT = 3;

    /** A record in this build's {@link #FORMAT}. */
    public RunRecord(String spec, String describes, String profile, long seed, String corpus, String corpusDir,
            String evalDir, List<ResultCell> cells, java.util.Map<String, String> curves) {
        this(spec, describes, profile, seed, corpus, corpusDir, evalDir, cells, curves, FORMAT);
    }

    /**
     * The cells of some records, each once, in order: one pretraining behind two runs (FLEURS and Dhvani) gives both
     * its statistic (S51), the same cell, which must count once in the report and in the regression check.
     */
    public static List<ResultCell> cellsOnce(List<RunRecord> records) {
        java.util.Set<ResultCell> cells = new java.util.LinkedHashSet<>();
        records.forEach(r -> cells.addAll(r.cells()));
        return new java.util.ArrayList<>(cells);
    }

    /** Whether this is a corpus's non-learned floor ({@link RunSummary#FLOOR_PREFIX}) rather than a learned run. */
    public boolean isFloor() {
        return RunSummary.isFloorSpec(spec);
    }
}
