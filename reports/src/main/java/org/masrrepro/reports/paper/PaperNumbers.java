package org.masrrepro.reports.paper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the paper's reported numbers (Tables 1-3, Figure 4), transcribed cell by cell into
 * {@code paper_numbers.csv}. Tables T1, T2, T3 are percentages; F4 rows are confusion rates (0-1) keyed
 * {@code true>predicted}, e.g. {@code bs>hr}. Dhwani/Dhvani uses the column prefix {@code dhvani/}.
 */
public final class PaperNumbers {

    private final Map<String, PaperCell> cells;

    private PaperNumbers(Map<String, PaperCell> cells) {
        this.cells = cells;
    }

    /** Loads the bundled transcription. */
    public static PaperNumbers load() {
        try (InputStream in = PaperNumbers.class.getResourceAsStream("paper_numbers.csv")) {
            if (in == null) {
                throw new IllegalStateException("paper_numbers.csv is missing from the reports jar");
            }
            Map<String, PaperCell> cells = new LinkedHashMap<>();
            CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (CSVRecord r : p) {
                PaperCell c = new PaperCell(r.get("table"), r.get("row"), r.get("column"), r.get("metric"),
                        Double.parseDouble(r.get("value")), r.get("source"));
                if (!r.get("id").equals(key(c.table(), c.row(), c.column(), c.metric()))) {
                    throw new IllegalStateException("paper_numbers.csv line " + r.getRecordNumber() + ": id " + r.get("id")
                            + " is not table|row|column|metric of its row");
                }
                if (cells.put(key(c.table(), c.row(), c.column(), c.metric()), c) != null) {
                    throw new IllegalStateException("duplicate paper cell " + c);
                }
            }
            return new PaperNumbers(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String table, String row, String column, String metric) {
        return table + "|" + row + "|" + column + "|" + metric;
    }

    /** The paper's number for a cell, e.g. {@code value("T1", "best-rq", "fleurs/all", "acc")} = 75.4. */
    public Optional<Double> value(String table, String row, String column, String metric) {
        PaperCell c = cells.get(key(table, row, column, metric));
        return c == null ? Optional.empty() : Optional.of(c.value());
    }

    /** Cells of one table, in file order. */
    public List<PaperCell> cells(String table) {
        List<PaperCell> out = new ArrayList<>();
        for (PaperCell c : cells.values()) {
            if (c.table().equals(table)) {
                out.add(c);
            }
        }
        return out;
    }
}
