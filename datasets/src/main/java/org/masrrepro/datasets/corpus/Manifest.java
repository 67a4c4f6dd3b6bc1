package org.masrrepro.datasets.corpus;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.masrrepro.datasets.util.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Reads and writes corpus manifests: CSV, one {@link Utterance} per row, header = its record components in order. */
public final class Manifest {

    /** The header: {@link Utterance}'s components in declaration order, in snake_case. */
    public static final List<String> HEADER = Arrays.stream(Utterance.class.getRecordComponents())
            .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList();

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private Manifest() {}

    /** Writes the manifest atomically (temporary file, then rename); rows in the given order. */
    public static void write(Path csv, List<Utterance> utterances) throws IOException {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, FORMAT.builder().setHeader(HEADER.toArray(String[]::new)).build())) {
            for (Utterance u : utterances) {
                p.printRecord(u.id(), u.split(), u.language(), u.speaker(), u.gender(), u.sentenceId(), u.transcript(),
                        u.audioPath(), u.numSamples(), u.overlapped(), u.label(), coordinate(u.latitude()),
                        coordinate(u.longitude()));
            }
        }
        AtomicFiles.writeString(csv, w.toString());
    }

    /**
     * One SHA-256 over the audio a manifest lists: each file's path and bytes, in manifest order (paths resolve
     * against the manifest's directory). It changes when the samples do, which the manifest alone does not show.
     */
    public static String audioSha256(Path csv) throws IOException {
        List<String> paths = read(csv).stream().map(Utterance::audioPath).toList();
        try {
            return org.masrrepro.datasets.util.Hashes.sha256Files(csv.toAbsolutePath().getParent(), paths);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(csv + ": lists " + e.getFile() + ", which does not exist; rebuild the corpus", e);
        }
    }

    /** Reads a manifest, checking the header, column count and types; errors name the file and line. */
    public static List<Utterance> read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": manifest not found; prepare the corpus first");
        }
        List<Utterance> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderNames().equals(HEADER)) {
                throw new IOException(csv + ": line 1: header " + p.getHeaderNames() + " is not " + HEADER
                        + "; the file is not a manifest of this version, rebuild the corpus");
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1; // +1 for the header; transcripts never hold newlines
                if (rec.size() != HEADER.size()) {
                    throw new IOException(csv + ": line " + line + ": " + rec.size() + " fields, expected " + HEADER.size());
                }
                String id = rec.get(0);
                if (id.isEmpty() || rec.get(1).isEmpty() || rec.get(2).isEmpty() || rec.get(7).isEmpty()) {
                    throw new IOException(csv + ": line " + line + ": id, split, language and audio_path must not be empty");
                }
                int numSamples;
                try {
                    numSamples = Integer.parseInt(rec.get(8));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + line + ": num_samples '" + rec.get(8) + "' is not an integer");
                }
                if (numSamples < 0) {
                    throw new IOException(csv + ": line " + line + ": num_samples " + numSamples + " is negative");
                }
                String ov = rec.get(9);
                if (!ov.equals("true") && !ov.equals("false")) {
                    throw new IOException(csv + ": line " + line + ": overlapped '" + ov + "' is not true or false");
                }
                String gender = rec.get(4);
                if (!gender.isEmpty() && !gender.equals("M") && !gender.equals("F")) {
                    throw new IOException(csv + ": line " + line + ": gender '" + gender + "' is not M, F or empty");
                }
                double lat = coordinate(rec.get(11), -90, 90, csv, line, "latitude");
                double lon = coordinate(rec.get(12), -180, 180, csv, line, "longitude");
                if (Double.isNaN(lat) != Double.isNaN(lon)) {
                    throw new IOException(csv + ": line " + line + ": latitude and longitude must both be given or both be empty");
                }
                out.add(new Utterance(id, rec.get(1), rec.get(2), rec.get(3), gender, rec.get(5), rec.get(6),
                        rec.get(7), numSamples, ov.equals("true"), rec.get(10), lat, lon));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + ": malformed CSV: " + e.getMessage(), e);
        }
        return out;
    }

    /** A coordinate as written: empty when unknown, else the shortest decimal that reads back the same double. */
    private static String coordinate(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static double coordinate(String s, double min, double max, Path csv, long line, String what)
            throws IOException {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(csv + ": line " + line + ": " + what + " '" + s + "' is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new IOException(csv + ": line " + line + ": " + what + " " + v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }
}
