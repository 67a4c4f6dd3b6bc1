package org.masrrepro.reports.report;

import org.masrrepro.reports.metrics.ClassificationReport;

import java.util.Map;

/**
 * What the report shows of one run, paths relative to the report directory.
 *
 * @param spec        spec id
 * @param seed        root seed
 * @param describes   what of the paper it reproduces
 * @param table       paper table id of its main result
 * @param row         its row in that table
 * @param dataset     dataset column prefix (fleurs, dhvani, mls...)
 * @param corpus      the corpus, named honestly
 * @param cardLink    link to its corpus card, or null
 * @param provenance  link to the provenance.json behind its numbers
 * @param metrics     classification outputs (null for non-classification runs)
 * @param curves      training curves by name: [steps, values]
 */
public record RunSummary(String spec, long seed, String describes, String table, String row, String dataset,
        String corpus, String cardLink, String provenance, ClassificationReport metrics, Map<String, double[][]> curves) {}
