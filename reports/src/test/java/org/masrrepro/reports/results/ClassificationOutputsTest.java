package org.masrrepro.reports.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scores and confusion CSVs have the documented columns and number format. */
class ClassificationOutputsTest {

    @Test
    void scoresCsv(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("scores.csv");
        ClassificationOutputs.writeScores(csv, List.of("u1", "u,2"), new int[] {0, 1}, List.of("de", "nl"),
                new float[][] {{-0.1f, -2.5f}, {-1f / 3, -1f / 3}});
        assertEquals(List.of("id,true,predicted,de,nl", "u1,de,de,-0.100000,-2.500000",
                "\"u,2\",nl,de,-0.333333,-0.333333"), Files.readAllLines(csv)); // tie predicts the first class
    }

    @Test
    void confusionCsv(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("confusion.csv");
        ClassificationOutputs.writeConfusion(csv, List.of("bs", "sr", "hr"), new int[][] {{2, 0, 7}, {7, 1, 2}, {3, 3, 4}});
        assertEquals(List.of("true\\predicted,bs,sr,hr", "bs,2,0,7", "sr,7,1,2", "hr,3,3,4"), Files.readAllLines(csv));
    }
}
