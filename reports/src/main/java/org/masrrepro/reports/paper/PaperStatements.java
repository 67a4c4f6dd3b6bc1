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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The paper's quantitative statements (relative improvements, per-language changes), from {@code paper_statements.csv}. */
public final class PaperStatements {

    private PaperStatements() {}

    /** Loads the bundled list, checking ids are unique and every formula parses. */
    public static List<PaperStatement> load() {
        try (InputStream in = PaperStatements.class.getResourceAsStream("paper_statements.csv")) {
            if (in == null) {
                throw new IllegalStateException("paper_statements.csv is missing from the reports jar");
            }
            List<PaperStatement> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (CSVRecord r : p) {
                String value = r.get("value").trim();
                PaperStatement s = new PaperStatement(r.get("id"), r.get("source"), r.get("statement"),
                        value.isEmpty() ? Double.NaN : Double.parseDouble(value), r.get("unit"),
                        r.get("formula").trim(), r.isMapped("note") && r.isSet("note") ? r.get("note").trim() : "");
                if (value.isEmpty() && (!s.formula().isEmpty() || s.note().isEmpty())) {
                    throw new IllegalStateException("paper_statements.csv: " + s.id() + " has no number, so it must "
                            + "have no formula and a note saying why it is listed");
                }
                if (!ids.add(s.id())) {
                    throw new IllegalStateException("paper_statements.csv: duplicate id " + s.id());
                }
                if (!s.formula().isEmpty()) {
                    StatementFormula.parse(s.formula());
                }
                out.add(s);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
