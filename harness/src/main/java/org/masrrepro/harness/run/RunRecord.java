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
        java.util.Map<String, String> curves) {

    /** Whether this is a corpus's non-learned floor ({@link RunSummary#FLOOR_PREFIX}) rather than a learned run. */
    public boolean isFloor() {
        return RunSummary.isFloorSpec(spec);
    }
}
