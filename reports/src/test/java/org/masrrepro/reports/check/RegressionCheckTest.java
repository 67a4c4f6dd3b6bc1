package org.masrrepro.reports.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.reports.results.ResultCell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regressions are caught in the right direction per metric; improvements and small changes pass. */
class RegressionCheckTest {

    static ResultCell cell(String metric, double v) {
        return new ResultCell("T1", "best-rq", "fleurs/all", metric, v, 1, "smoke", "analog", "p");
    }

    @Test
    void directionAwareWithTolerance(@TempDir Path tmp) throws IOException {
        Baseline b = RegressionCheck.of("smoke", "test", Map.of("acc", 2.0, "eer", 1.0),
                List.of(cell("acc", 70), cell("eer", 10)));
        RegressionCheck.write(tmp.resolve("b.json"), b);
        Baseline read = RegressionCheck.read(tmp.resolve("b.json"));
        assertEquals(b, read);

        assertFalse(RegressionCheck.compare(read, List.of(cell("acc", 69), cell("eer", 10.5))).regressed());
        RegressionCheck.Outcome worse = RegressionCheck.compare(read, List.of(cell("acc", 67.9), cell("eer", 8)));
        assertTrue(worse.regressed());
        assertTrue(worse.render().contains("REGRESSED"), worse.render());
        assertEquals("improved", worse.lines().get(1).verdict());
        assertTrue(RegressionCheck.compare(read, List.of(cell("acc", 80), cell("eer", 11.5))).regressed(), "eer up is worse");
        assertTrue(RegressionCheck.compare(read, List.of(cell("acc", 80))).regressed(), "a missing cell regresses");
        assertTrue(RegressionCheck.compare(read, List.of(cell("acc", Double.NaN), cell("eer", 10))).regressed());
    }
}
