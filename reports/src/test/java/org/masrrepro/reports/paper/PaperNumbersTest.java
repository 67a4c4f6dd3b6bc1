package org.masrrepro.reports.paper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transcription of the paper's tables is complete and spot-checks against the paper's text. */
class PaperNumbersTest {

    final PaperNumbers p = PaperNumbers.load();

    @Test
    void tableOneHasEveryCell() {
        assertEquals(6 * 10, p.cells("T1").size());
        assertEquals(5 * 6, p.cells("T2").size());
        assertEquals(3 * 7, p.cells("T3").size());
        assertEquals(2 * 9, p.cells("F4").size());
        for (String t : List.of("T1", "T2", "T3", "F4")) {
            for (PaperCell c : p.cells(t)) {
                assertTrue(c.source().matches("(Table [123]|Figure 4), row .+, column .+, .+"),
                        "every number says where in the paper it is: " + c);
            }
        }
    }

    @Test
    void everyTableOneCellByKey() {
        List<String> rows = List.of("w2v-bert", "w2v-bert+lasr", "w2v-bert+masr", "best-rq", "best-rq+lasr", "best-rq+masr");
        for (String row : rows) {
            for (String corpus : List.of("fleurs", "dhvani")) {
                for (String[] cm : new String[][] {{"O", "acc"}, {"NO", "acc"}, {"all", "acc"}, {"all", "f1"}, {"all", "eer"}}) {
                    double v = p.value("T1", row, corpus + "/" + cm[0], cm[1]).orElseThrow(
                            () -> new AssertionError("missing T1 " + row + " " + corpus + "/" + cm[0] + " " + cm[1]));
                    assertTrue(v >= 0 && v <= 100, row + " " + v);
                }
            }
        }
        assertTrue(p.value("T1", "best-rq", "fleurs/all", "wer").isEmpty());
        assertTrue(p.cells("T1").stream().allMatch(c -> c.source().startsWith("Table 1, ")));
    }

    @Test
    void noDuplicateKeysInTheResource() throws IOException {
        // load() also refuses duplicates; this reads the raw file so a lenient loader could not hide one.
        try (InputStream in = PaperNumbers.class.getResourceAsStream("paper_numbers.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals("id,table,row,column,metric,value,source", lines.get(0));
            Set<String> keys = new HashSet<>();
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.split(",");
                assertTrue(keys.add(f[0]), "duplicate id " + l);
                assertEquals(f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4], f[0], "the id is table|row|column|metric");
            }
            assertEquals(60 + 30 + 21 + 18, keys.size());
        }
    }

    @Test
    void figureFourRowsAreRates() {
        for (String row : List.of("best-rq", "best-rq+masr")) {
            for (String t : List.of("bs", "sr", "hr")) {
                double sum = 0;
                for (String q : List.of("bs", "sr", "hr")) {
                    sum += p.value("F4", row, t + ">" + q, "rate").orElseThrow();
                }
                assertEquals(1.0, sum, 0.011, row + " " + t); // the figure rounds to two decimals
            }
        }
    }

    @Test
    void spotChecks() {
        assertEquals(75.4, p.value("T1", "best-rq", "fleurs/all", "acc").orElseThrow());
        assertEquals(0.3, p.value("T1", "best-rq+masr", "fleurs/all", "eer").orElseThrow());
        assertEquals(46.2, p.value("T1", "w2v-bert+masr", "dhvani/all", "f1").orElseThrow());
        assertEquals(15.4, p.value("T1", "w2v-bert", "dhvani/all", "eer").orElseThrow());
        assertEquals(80.3, p.value("T2", "best-rq+masr", "esc50-human", "acc").orElseThrow());
        assertEquals(11.2, p.value("T3", "best-rq", "nl", "wer").orElseThrow());
        assertEquals(0.77, p.value("F4", "best-rq", "bs>hr", "rate").orElseThrow());
        assertEquals(48.6, p.value("T1", "best-rq+lasr", "dhvani/NO", "acc").orElseThrow());
        assertEquals(91.4, p.value("T1", "w2v-bert+masr", "fleurs/O", "acc").orElseThrow());
        assertEquals(81.8, p.value("T2", "best-rq+textmasr", "esc50-human", "acc").orElseThrow());
        assertEquals(97.9, p.value("T2", "best-rq+lasr", "asvspoof2019", "acc").orElseThrow());
        assertEquals(0.63, p.value("F4", "best-rq+masr", "hr>hr", "rate").orElseThrow());
        assertEquals(List.of("T1", "T1"), List.of(p.cells("T1").get(0).table(), p.cells("T1").get(59).table()));
    }

    @Test
    void paperSummaryClaimsFollowFromTheTable() {
        // Section 5.1: MASR improves BEST-RQ by 11.2% relative accuracy on FLEURS (75.4 -> 83.7 is +11.0%; the
        // paper rounds differently) and the EER by 66.6% (0.9 -> 0.3).
        double base = p.value("T1", "best-rq", "fleurs/all", "eer").orElseThrow();
        double masr = p.value("T1", "best-rq+masr", "fleurs/all", "eer").orElseThrow();
        assertEquals(66.7, 100 * (base - masr) / base, 0.1);
        for (String row : List.of("best-rq", "best-rq+lasr", "best-rq+masr")) {
            assertEquals(7.6, p.value("T3", row, "avg", "wer").orElseThrow());
        }
    }
}
