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

/**
 * ESC-50 environmental sounds as in its repository: {@code meta/esc50.csv} (header
 * {@code filename,fold,target,category,esc10,src_file,take}) and the clips in {@code audio/}. The label is the
 * category; folds 1-5 become splits via {@code optFolds(test, dev)} (default 5 and 4). There is no speech, so the
 * language is {@code zxx} (ISO 639 "no linguistic content") and the speaker is empty.
 */
public final class Esc50 extends CorpusLoader {

    static final List<String> HEADER = List.of("filename", "fold", "target", "category", "esc10", "src_file", "take");

    private final Folds folds;

    private Esc50(Builder b) {
        super(b);
        this.folds = new Folds(b.test, b.dev);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String format() {
        return "esc50";
    }

    @Override
    protected List<Utterance> rows() throws IOException {
        Path csv = root.resolve("meta").resolve("esc50.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IOException(csv + ": ESC-50 metadata not found (expected meta/esc50.csv and audio/)");
        }
        List<Utterance> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            if (!p.getHeaderNames().equals(HEADER)) {
                throw new IOException(csv + ": line 1: header " + p.getHeaderNames() + " is not " + HEADER);
            }
            for (CSVRecord rec : p) {
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != HEADER.size()) {
                    throw new IOException(csv + ": line " + line + ": " + rec.size() + " fields, expected " + HEADER.size());
                }
                int fold;
                try {
                    fold = Integer.parseInt(rec.get("fold"));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + line + ": fold '" + rec.get("fold") + "' is not an integer");
                }
                if (fold < 1 || fold > 5) {
                    throw new IOException(csv + ": line " + line + ": fold " + fold + " is not in 1..5");
                }
                String file = rec.get("filename");
                String category = rec.get("category");
                if (file.isEmpty() || category.isEmpty()) {
                    throw new IOException(csv + ": line " + line + ": empty filename or category");
                }
                String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                out.add(Rows.row(stem, folds.split(fold), "zxx", "", "", "", "", "audio/" + file, category));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(csv + ": malformed CSV: " + e.getMessage(), e);
        }
        note(folds.describe("fold"));
        return out;
    }

    /** Configures an {@link Esc50} loader. */
    public static final class Builder extends BaseBuilder<Builder> {
        private int test = 5;
        private int dev = 4;

        /** Fold used as test and as dev (0 = no dev); default 5 and 4. */
        public Builder optFolds(int testFold, int devFold) {
            this.test = testFold;
            this.dev = devFold;
            return this;
        }

        @Override
        public Esc50 build() {
            return new Esc50(this);
        }
    }
}
