package org.masrrepro.reports.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Result cells survive a JSON round trip, and JSON and CSV are written in one fixed order. */
class ResultStoreTest {

    static ResultCell cell(String row, String column, String metric, double v, long seed) {
        return new ResultCell("T1", row, column, metric, v, seed, "smoke", "FLEURS analog (espeak-ng, 6 languages)",
                "eval/" + row + "/seed-" + seed + "/provenance.json");
    }

    final List<ResultCell> cells = List.of(cell("best-rq+masr", "fleurs/all", "acc", 61.25, 2),
            cell("best-rq", "fleurs/all", "eer", 12.5, 1), cell("best-rq", "fleurs/all", "acc", 55.0, 2),
            cell("best-rq", "fleurs/all", "acc", 54.0, 1).withPretrainingCorpus("FLEURS analog (pretrain split)"),
            cell("best-rq", "fleurs/O", "acc", Double.NaN, 1));

    @Test
    void jsonRoundTripIsSortedAndLossless(@TempDir Path tmp) throws IOException {
        Path json = tmp.resolve("sub/results.json");
        ResultStore.write(json, cells);
        List<ResultCell> back = ResultStore.read(json);
        List<ResultCell> expected = List.of(cells.get(4), cells.get(3), cells.get(2), cells.get(1), cells.get(0));
        assertEquals(expected, back); // NaN equal in records: Double.compare semantics
        // The same cells in another order give the same bytes.
        List<ResultCell> reversed = new ArrayList<>(cells);
        java.util.Collections.reverse(reversed);
        Path json2 = tmp.resolve("r2.json");
        ResultStore.write(json2, reversed);
        assertEquals(Files.readString(json), Files.readString(json2));
        // The JSON names the pretraining corpus as the CSV does; a cell without one has no such key.
        String text = Files.readString(json);
        assertTrue(text.contains("\"pretraining_corpus\": \"FLEURS analog (pretrain split)\""), text);
        assertEquals(1, text.split("pretraining_corpus", -1).length - 1, text);
    }

    @Test
    void csvHasHeaderAndSortedRows(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("results.csv");
        ResultStore.writeCsv(csv, cells);
        try (Reader r = Files.newBufferedReader(csv)) {
            List<CSVRecord> recs = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords();
            assertEquals(5, recs.size());
            assertEquals("fleurs/O", recs.get(0).get("column"));
            assertEquals("54.0", recs.get(1).get("value"));
            assertEquals("1", recs.get(1).get("seed"));
            assertEquals("FLEURS analog (espeak-ng, 6 languages)", recs.get(1).get("corpus"));
            assertEquals("FLEURS analog (pretrain split)", recs.get(1).get("pretraining_corpus"));
            assertEquals("", recs.get(2).get("pretraining_corpus"), "not known: empty");
            assertEquals("smoke", recs.get(1).get("profile"));
            assertEquals("best-rq+masr", recs.get(4).get("row"));
        }
        assertEquals("table,row,column,metric,value,seed,profile,corpus,pretraining_corpus,provenance", Files.readAllLines(csv).get(0));
    }
}
