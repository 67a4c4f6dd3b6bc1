package org.masrrepro.reports.check;

import java.util.List;
import java.util.Map;

/**
 * Committed reference numbers for regression checks.
 *
 * @param profile    the profile the numbers come from
 * @param note       why the tolerances are what they are
 * @param tolerances allowed worsening per metric, in the metric's unit (percentage points)
 * @param platform   the platform fingerprint the numbers were computed on (CPU model and instruction sets, torch
 *                   threads, engine version, OS; keys and values as the harness records them), null in baselines
 *                   written before it was kept or when it was not one known fingerprint
 * @param corpora    the corpus builds the numbers were measured on (null in baselines written before they were kept)
 * @param cells      reference values
 */
public record Baseline(String profile, String note, Map<String, Double> tolerances, Map<String, String> platform,
        List<Corpus> corpora, List<Cell> cells) {

    /** One reference value. */
    public record Cell(String table, String row, String column, String metric, double value) {
        String key() {
            return cellKey(table, row, column) + " | " + metric;
        }
    }

    /**
     * One corpus build: its step directory (for an analog, the same on every machine for the same spec; for a real
     * corpus it includes the resolved data directory), its label, the SHA-256 of its manifest (which changes with the
     * text, labels and lengths), the SHA-256 of its audio (every file the manifest lists, in its order: a new espeak-ng
     * build can change the samples and keep the manifest; null in baselines written before it was recorded), and the
     * {@code table | row | column} cells measured on it, as evaluation or pretraining data.
     */
    public record Corpus(String dir, String label, String manifestSha256, String audioSha256, List<String> cells) {}

    /** The {@code table | row | column} key a corpus lists its cells by (one format for writing and comparing). */
    public static String cellKey(String table, String row, String column) {
        return table + " | " + row + " | " + column;
    }
}
