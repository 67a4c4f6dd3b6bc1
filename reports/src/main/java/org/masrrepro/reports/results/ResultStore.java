package org.masrrepro.reports.results;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Stores result cells as JSON (for tools) and CSV (for pandas and spreadsheets), in a deterministic order. */
public final class ResultStore {

    private static final Gson GSON = StrictJson.builder().create();
    private static final Comparator<ResultCell> ORDER = Comparator.comparing(ResultCell::table)
            .thenComparing(ResultCell::row).thenComparing(ResultCell::column).thenComparing(ResultCell::metric)
            .thenComparingLong(ResultCell::seed).thenComparing(ResultCell::profile);

    private ResultStore() {}

    /** Pretty JSON array, sorted by table, row, column, metric, seed, profile. */
    public static void write(Path jsonFile, List<ResultCell> cells) throws IOException {
        List<ResultCell> sorted = new ArrayList<>(cells);
        sorted.sort(ORDER);
        Files.createDirectories(jsonFile.toAbsolutePath().getParent());
        Files.writeString(jsonFile, GSON.toJson(sorted) + "\n", StandardCharsets.UTF_8);
    }

    /** Cells written by {@link #write}; an empty file reads as no cells. */
    public static List<ResultCell> read(Path jsonFile) throws IOException {
        List<ResultCell> cells = GSON.fromJson(Files.readString(jsonFile, StandardCharsets.UTF_8),
                new TypeToken<List<ResultCell>>() {}.getType());
        return cells == null ? List.of() : cells;
    }

    /**
     * CSV with header {@code table,row,column,metric,value,seed,profile,corpus,pretraining_corpus,provenance}, same
     * order as JSON; every row names its corpora and profile, so a row read alone still says where it came from (an
     * unknown or absent pretraining corpus is an empty field).
     */
    public static void writeCsv(Path csv, List<ResultCell> cells) throws IOException {
        List<ResultCell> sorted = new ArrayList<>(cells);
        sorted.sort(ORDER);
        Files.createDirectories(csv.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                        .setHeader("table", "row", "column", "metric", "value", "seed", "profile", "corpus",
                                "pretraining_corpus", "provenance")
                        .build())) {
            for (ResultCell c : sorted) {
                p.printRecord(c.table(), c.row(), c.column(), c.metric(), c.value(), c.seed(), c.profile(), c.corpus(),
                        c.pretrainingCorpus(), c.provenance());
            }
        }
    }
}
