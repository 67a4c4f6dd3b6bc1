package org.masrrepro.harness.spec;

import java.util.List;

/** Where an experiment's numbers go in the paper's tables. */
public record ReportSpec(
        @Doc("paper table or figure id: T1, T2 (NOSS linear probes), T3 (ASR WER), or F2 (Figure 2, lang2vec families x mining)") String table,
        @Doc("row id in that table, e.g. best-rq") String row,
        @Doc("column group, e.g. fleurs or dhvani (T1), voxforge or asvspoof2019 (T2), mls or fillets (T3; fillets = the real-speech sets)") String dataset) {

    /** Table 2's NOSS columns, as reports/paper/paper_numbers.csv names them. */
    public static final List<String> NOSS_TASKS =
            List.of("voxforge", "asvspoof2019", "iemocap", "mask", "esc50-human", "esc50-cough");

    public ReportSpec {
        Check.oneOf("table", table, List.of("T1", "T2", "T3", "F2"));
        Check.that(row != null && !row.isBlank(), "row must be non-empty");
        Check.oneOf("dataset", dataset, "T2".equals(table) ? NOSS_TASKS
                : "T3".equals(table) ? List.of("mls", "fillets", "librivox") : List.of("fleurs", "dhvani"));
    }
}
