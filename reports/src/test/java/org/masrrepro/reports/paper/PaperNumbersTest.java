package org.masrrepro.reports.paper;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The transcription of the paper's tables is complete and spot-checks against the paper's text. */
class PaperNumbersTest {

    final PaperNumbers p = PaperNumbers.load();

    @Test
    void tableOneHasEveryCell() {
        assertEquals(6 * 10, p.cells("T1").size());
        assertEquals(5 * 6, p.cells("T2").size());
        assertEquals(3 * 7, p.cells("T3").size());
        assertEquals(2 * 9, p.cells("F4").size());
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
