package org.masrrepro.datasets.corpus;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes corpus manifests: CSV with one {@link Utterance} per row, header = its components in order. */
public final class Manifest {

    public static final String[] HEADER = {"id", "split", "language", "speaker", "gender", "sentence_id", "transcript",
        "audio_path", "num_samples", "overlapped"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private Manifest() {}

    public static void write(Path csv, List<Utterance> utterances) throws IOException {
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, FORMAT.builder().setHeader(HEADER).build())) {
            for (Utterance u : utterances) {
                p.printRecord(u.id(), u.split(), u.language(), u.speaker(), u.gender(), u.sentenceId(), u.transcript(),
                        u.audioPath(), u.numSamples(), u.overlapped());
            }
        }
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static List<Utterance> read(Path csv) throws IOException {
        List<Utterance> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderNames().equals(List.of(HEADER))) {
                throw new IOException(csv + ": manifest header " + p.getHeaderNames() + " differs from " + List.of(HEADER));
            }
            for (CSVRecord rec : p) {
                try {
                    out.add(new Utterance(rec.get(0), rec.get(1), rec.get(2), rec.get(3), rec.get(4), rec.get(5),
                            rec.get(6), rec.get(7), Integer.parseInt(rec.get(8)), Boolean.parseBoolean(rec.get(9))));
                } catch (RuntimeException e) {
                    throw new IOException(csv + ": line " + (rec.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
