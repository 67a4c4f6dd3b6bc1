package org.masrrepro.reports.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.masrrepro.reports.metrics.ClassificationMetrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes per-utterance scores and confusion matrices as CSV, in the format {@code score lid} reads back. */
public final class ClassificationOutputs {

    private ClassificationOutputs() {}

    /** Columns: id, true, predicted (argmax, ties to the first class), then one score column per class (6 decimals). */
    public static void writeScores(Path csv, List<String> ids, int[] truth, List<String> classes, float[][] scores)
            throws IOException {
        if (ids.size() != truth.length || scores.length != truth.length) {
            throw new IllegalArgumentException(ids.size() + " ids, " + truth.length + " labels, " + scores.length + " score rows");
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        List<String> header = new ArrayList<>(List.of("id", "true", "predicted"));
        header.addAll(classes);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                        .setHeader(header.toArray(String[]::new)).build())) {
            for (int i = 0; i < ids.size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(ids.get(i));
                row.add(classes.get(truth[i]));
                row.add(classes.get(ClassificationMetrics.argMax(scores[i])));
                for (float s : scores[i]) {
                    row.add(String.format(Locale.ROOT, "%.6f", s));
                }
                p.printRecord(row);
            }
        }
    }

    /** First column {@code true\predicted}, then counts per predicted class. */
    public static void writeConfusion(Path csv, List<String> classes, int[][] confusion) throws IOException {
        Files.createDirectories(csv.toAbsolutePath().getParent());
        List<String> header = new ArrayList<>(List.of("true\\predicted"));
        header.addAll(classes);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                        .setHeader(header.toArray(String[]::new)).build())) {
            for (int t = 0; t < classes.size(); t++) {
                List<Object> row = new ArrayList<>();
                row.add(classes.get(t));
                for (int c : confusion[t]) {
                    row.add(c);
                }
                p.printRecord(row);
            }
        }
    }
}
