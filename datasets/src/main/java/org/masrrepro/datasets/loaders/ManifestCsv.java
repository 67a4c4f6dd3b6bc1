package org.masrrepro.datasets.loaders;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.masrrepro.datasets.corpus.Utterance;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A corpus described by a researcher's own CSV (header row, RFC 4180), so a new corpus needs no Java code. Columns:
 * {@code path} (required; audio file relative to the corpus root, or absolute) and any of {@code id, split, language,
 * speaker, gender, sentence_id, transcript, label, latitude, longitude, num_samples} ({@code num_samples} is
 * ignored: the audio is decoded and counted). Other columns must be mapped with {@code optColumnMap} to one of
 * those names or to {@code ignore}, else they are an error naming them. Defaults: id = path without extension with
 * '/' as '_'; split = {@code optDefaultSplit} (required when there is no split column); language =
 * {@code optDefaultLanguage}, else {@code und}. Splits must be pretrain, train, dev or test; gender M/F/male/female
 * or empty; latitude/longitude in degrees, both or neither.
 */
public final class ManifestCsv extends CorpusLoader {

    /** Column names the loader understands. */
    public static final List<String> FIELDS = List.of("path", "id", "split", "language", "speaker", "gender",
            "sentence_id", "transcript", "label", "latitude", "longitude", "num_samples");
    /** Target of {@code optColumnMap} that drops a column. */
    public static final String IGNORE = "ignore";
    static final Set<String> SPLITS = Set.of("pretrain", "train", "dev", "test");

    private final String file;
    private final Map<String, String> columnMap;
    private final String defaultSplit;
    private final String defaultLanguage;

    private ManifestCsv(Builder b) {
        super(b);
        this.file = b.file;
        this.columnMap = Map.copyOf(b.columnMap);
        this.defaultSplit = b.defaultSplit;
        this.defaultLanguage = b.defaultLanguage;
        for (Map.Entry<String, String> e : columnMap.entrySet()) {
            if (!FIELDS.contains(e.getValue()) && !e.getValue().equals(IGNORE)) {
                throw new IllegalArgumentException("column map: '" + e.getKey() + "' -> '" + e.getValue()
                        + "' is not one of " + FIELDS + " or " + IGNORE);
            }
        }
        if (defaultSplit != null && !SPLITS.contains(defaultSplit)) {
            throw new IllegalArgumentException("default split '" + defaultSplit + "' is not one of " + new TreeSet<>(SPLITS));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "manifest";
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        Path csv = root.resolve(file);
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": manifest CSV not found");
        }
        List<Utterance> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            Map<String, Integer> col = columns(csv, p.getHeaderNames());
            if (!col.containsKey("split") && defaultSplit == null) {
                throw new IOException(csv + ": no split column; add one (pretrain/train/dev/test) or set a default split");
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != p.getHeaderNames().size()) {
                    throw new IOException(csv + ": line " + line + ": " + rec.size() + " fields, the header has "
                            + p.getHeaderNames().size());
                }
                out.add(row(rec, col, csv, line));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + ": malformed CSV: " + e.getMessage(), e);
        }
        note("source: researcher manifest " + csv);
        return out;
    }

    /** Field name -> column index, after the column map; unknown and doubly-mapped columns are errors. */
    private Map<String, Integer> columns(Path csv, List<String> header) throws IOException {
        Map<String, Integer> col = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String field = columnMap.getOrDefault(name, name);
            if (field.equals(IGNORE)) {
                continue;
            }
            if (!FIELDS.contains(field)) {
                unknown.add(name);
                continue;
            }
            if (col.put(field, i) != null) {
                throw new IOException(csv + ": line 1: two columns give the field '" + field + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IOException(csv + ": line 1: unknown column(s) " + unknown + "; known: " + FIELDS
                    + "; map them to one of those or to '" + IGNORE + "' with the column map");
        }
        if (!col.containsKey("path")) {
            throw new IOException(csv + ": line 1: no 'path' column (the audio file of each row)");
        }
        return col;
    }

    private Utterance row(CSVRecord rec, Map<String, Integer> col, Path csv, long line) throws IOException {
        String path = get(rec, col, "path");
        if (path.isEmpty()) {
            throw new IOException(csv + ": line " + line + ": empty path");
        }
        String id = get(rec, col, "id");
        if (id.isEmpty()) {
            id = path.replace('\\', '/').replaceAll("\\.[^./]*$", "").replaceAll("^/+", "").replace('/', '_');
        }
        String split = col.containsKey("split") ? get(rec, col, "split") : defaultSplit;
        if (split.isEmpty() && defaultSplit != null) {
            split = defaultSplit;
        }
        if (!SPLITS.contains(split)) {
            throw new IOException(csv + ": line " + line + ": split '" + split + "' is not one of " + new TreeSet<>(SPLITS));
        }
        String language = get(rec, col, "language");
        if (language.isEmpty()) {
            language = defaultLanguage == null ? "und" : defaultLanguage;
        }
        String gender = Rows.gender(get(rec, col, "gender"));
        if (gender == null) {
            throw new IOException(csv + ": line " + line + ": gender '" + get(rec, col, "gender") + "' is not M, F or empty");
        }
        double lat = coordinate(get(rec, col, "latitude"), 90, csv, line, "latitude");
        double lon = coordinate(get(rec, col, "longitude"), 180, csv, line, "longitude");
        if (Double.isNaN(lat) != Double.isNaN(lon)) {
            throw new IOException(csv + ": line " + line + ": latitude and longitude must both be given or both be empty");
        }
        return new Utterance(id, split, language, get(rec, col, "speaker"), gender, get(rec, col, "sentence_id"),
                get(rec, col, "transcript"), path.replace('\\', '/'), 0, false, get(rec, col, "label"), lat, lon);
    }

    private static String get(CSVRecord rec, Map<String, Integer> col, String field) {
        Integer i = col.get(field);
        return i == null ? "" : rec.get(i).trim();
    }

    private static double coordinate(String s, double limit, Path csv, long line, String what) throws IOException {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(csv + ": line " + line + ": " + what + " '" + s + "' is not a number");
        }
        if (!(v >= -limit && v <= limit)) {
            throw new IOException(csv + ": line " + line + ": " + what + " " + v + " is outside [-" + limit + ", " + limit + "]");
        }
        return v;
    }

    /** Configures a {@link ManifestCsv} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private String file = "manifest.csv";
        private Map<String, String> columnMap = Map.of();
        private String defaultSplit;
        private String defaultLanguage;

        /** The CSV, relative to the root (or absolute); default {@code manifest.csv}. */
        public Builder optFile(String file) {
            this.file = file;
            return this;
        }

        /** CSV column -> known field name or {@code ignore}, e.g. {@code {"lang": "language", "notes": "ignore"}}. */
        public Builder optColumnMap(Map<String, String> columnMap) {
            this.columnMap = Map.copyOf(columnMap);
            return this;
        }

        /** Split of rows without one (and of all rows when there is no split column). */
        public Builder optDefaultSplit(String split) {
            this.defaultSplit = split;
            return this;
        }

        /** Language of rows without one; default {@code und} (undetermined). */
        public Builder optDefaultLanguage(String language) {
            this.defaultLanguage = language;
            return this;
        }

        @Override
        public ManifestCsv build() {
            return new ManifestCsv(this);
        }
    }
}
