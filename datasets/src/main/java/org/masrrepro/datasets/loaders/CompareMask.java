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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ComParE 2020 Mask sub-challenge: {@code lab/labels.csv} (header {@code file_name,label}, label clear or mask) and
 * the audio in {@code wav/}. The split is the file name's prefix: {@code train_}, {@code devel_} (-> dev),
 * {@code test_}. Rows whose label is not public ({@code ?}, as for the challenge's test set) are left out and
 * counted in the notes; any other label is an error. The speech is German.
 */
public final class CompareMask extends CorpusLoader {

    private static final Map<String, String> PREFIXES = Map.of("train", "train", "devel", "dev", "test", "test");

    private CompareMask(Builder b) {
        super(b);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "compare_mask";
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        Path csv = root.resolve("lab").resolve("labels.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": ComParE Mask labels not found (expected lab/labels.csv and wav/)");
        }
        List<Utterance> out = new ArrayList<>();
        Map<String, Integer> hidden = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderNames().equals(List.of("file_name", "label"))) {
                throw new IOException(csv + ": line 1: header " + p.getHeaderNames() + " is not [file_name, label]");
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != 2) {
                    throw new IOException(csv + ": line " + line + ": " + rec.size() + " fields, expected 2");
                }
                String file = rec.get(0).trim();
                String label = rec.get(1).trim();
                int us = file.indexOf('_');
                String split = us > 0 ? PREFIXES.get(file.substring(0, us)) : null;
                if (split == null) {
                    throw new IOException(csv + ": line " + line + ": file name '" + file
                            + "' does not start with train_, devel_ or test_");
                }
                if (label.equals("?") || label.isEmpty()) {
                    hidden.merge(split, 1, Integer::sum);
                    continue;
                }
                if (!label.equals("clear") && !label.equals("mask")) {
                    throw new IOException(csv + ": line " + line + ": label '" + label + "' is not clear or mask");
                }
                String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                out.add(Rows.row(stem, split, "de", "", "", "", "", "wav/" + file, label));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + ": malformed CSV: " + e.getMessage(), e);
        }
        if (!hidden.isEmpty()) {
            note("rows without a public label left out, per split: " + hidden);
        }
        note("split by file-name prefix: train_ -> train, devel_ -> dev, test_ -> test");
        return out;
    }

    /** Configures a {@link CompareMask} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        @Override
        public CompareMask build() {
            return new CompareMask(this);
        }
    }
}
