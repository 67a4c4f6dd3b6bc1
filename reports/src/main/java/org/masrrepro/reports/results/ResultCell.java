package org.masrrepro.reports.results;

/**
 * One number we measured, addressed like the paper's cells.
 *
 * @param table      paper table id, e.g. T1
 * @param row        method row, e.g. best-rq
 * @param column     column, e.g. fleurs/O
 * @param metric     acc, f1, eer, wer...
 * @param value      the number (percent for acc/f1/eer/wer)
 * @param seed       root seed of the run
 * @param profile    scale profile
 * @param corpus     the corpus that produced it, named honestly (analog or real)
 * @param provenance path of the provenance.json behind it, relative to the runs directory
 */
public record ResultCell(String table, String row, String column, String metric, double value, long seed,
        String profile, String corpus, String provenance) {}
