package org.masrrepro.reports.report;

import com.google.gson.Gson;
import org.masrrepro.reports.results.StrictJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one table of the report's numbers twice, for tools: as CSV (header, one record per row; a missing value is
 * an empty field, a number is written as Java prints a double, as in results.csv) and as a pretty JSON array of objects
 * keyed by the header (a missing value is null).
 */
final class TabularExport {

    private static final Gson GSON = StrictJson.builder().serializeNulls().create();

    private TabularExport() {}

    /** Writes {@code <stem>.csv} and {@code <stem>.json} in {@code dir}; a NaN or null value is missing. */
    static void write(Path dir, String stem, List<String> header, List<List<Object>> rows) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Writer w = Files.newBufferedWriter(dir.resolve(stem + ".csv"), StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                        .setHeader(header.toArray(String[]::new)).build())) {
            for (List<Object> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row " + row + " has not the " + header.size() + " fields of "
                            + header);
                }
                Map<String, Object> object = new LinkedHashMap<>();
                List<Object> fields = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    Object v = row.get(i);
                    boolean missing = v == null || v instanceof Double d && d.isNaN();
                    object.put(header.get(i), missing ? null : v);
                    fields.add(missing ? "" : v);
                }
                p.printRecord(fields);
                objects.add(object);
            }
        }
        Files.writeString(dir.resolve(stem + ".json"), GSON.toJson(objects) + "\n", StandardCharsets.UTF_8);
    }
}
