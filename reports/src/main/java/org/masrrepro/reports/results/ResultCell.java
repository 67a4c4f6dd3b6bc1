package org.masrrepro.reports.results;

import com.google.gson.annotations.SerializedName;

/**
 * One number we measured, addressed like the paper's cells.
 *
 * @param table             paper table id, e.g. T1
 * @param row               method row, e.g. best-rq
 * @param column            column, e.g. fleurs/O
 * @param metric            acc, f1, eer, wer...
 * @param value             the number (percent for acc/f1/eer/wer)
 * @param seed              root seed of the run
 * @param profile           scale profile
 * @param corpus            the corpus that produced it (evaluated on), named honestly (analog or real)
 * @param pretrainingCorpus the corpus (or corpora, "; "-joined, a continued pretraining's base first) whose pretrain
 *                          split the encoder was pretrained on, named honestly; null when not known or when nothing was
 *                          pretrained (a non-learned floor)
 * @param provenance        path of the provenance.json behind it, relative to the runs directory
 */
public record ResultCell(String table, String row, String column, String metric, double value, long seed,
        String profile, String corpus, @SerializedName("pretraining_corpus") String pretrainingCorpus,
        String provenance) {

    /** A cell whose pretraining corpus is not (yet) known: the harness adds it when it writes the report. */
    public ResultCell(String table, String row, String column, String metric, double value, long seed, String profile,
            String corpus, String provenance) {
        this(table, row, column, metric, value, seed, profile, corpus, null, provenance);
    }

    /** This cell with its pretraining corpus (label or labels) set. */
    public ResultCell withPretrainingCorpus(String labels) {
        return new ResultCell(table, row, column, metric, value, seed, profile, corpus, labels, provenance);
    }

    /** This cell in another row (same number and provenance). */
    public ResultCell withRow(String newRow) {
        return new ResultCell(table, newRow, column, metric, value, seed, profile, corpus, pretrainingCorpus, provenance);
    }
}
