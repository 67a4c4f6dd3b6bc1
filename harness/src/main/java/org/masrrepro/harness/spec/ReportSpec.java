package org.masrrepro.harness.spec;

import java.util.List;

/** Where an experiment's numbers go in the paper's tables. */
public record ReportSpec(
        @Doc("paper table or figure id: T1, T3 (ASR WER), or F2 (Figure 2, lang2vec families x mining)") String table,
        @Doc("row id in that table, e.g. best-rq") String row,
        @Doc("column group, e.g. fleurs, dhvani or mls") String dataset) {

    public ReportSpec {
        Check.oneOf("table", table, List.of("T1", "T3", "F2"));
        Check.that(row != null && !row.isBlank(), "row must be non-empty");
        Check.oneOf("dataset", dataset, List.of("fleurs", "dhvani", "mls"));
    }
}
