package org.masrrepro.reports.score;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.reports.wer.WordErrorRate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The scoring command's numbers against scikit-learn (stored fixture) and sclite (run when installed). */
class ScoringTest {

    @Test
    void lidMatchesScikitLearn() throws IOException, URISyntaxException {
        Path csv = Path.of(ScoringTest.class.getResource("/fixtures/sklearn_lid.csv").toURI());
        JsonObject ref;
        try (InputStream in = ScoringTest.class.getResourceAsStream("/fixtures/sklearn_lid.json")) {
            ref = new Gson().fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), JsonObject.class);
        }
        Map<String, Object> ours = Scoring.lid(csv);
        assertEquals(ref.get("accuracy").getAsDouble(), (double) ours.get("accuracy"), 1e-6);
        assertEquals(ref.get("macro_f1").getAsDouble(), (double) ours.get("macro_f1"), 1e-6);
        assertEquals(ref.get("eer").getAsDouble(), (double) ours.get("eer"), 1e-3);
    }

    @Test
    void werCountsByHand() {
        WordErrorRate.Counts c = WordErrorRate.align(List.of("a", "b", "c", "d"), List.of("b", "c", "x", "d", "e"));
        assertEquals(new WordErrorRate.Counts(4, 0, 1, 2), c);
        assertEquals(75.0, c.wer(), 1e-9);
        assertEquals(new WordErrorRate.Counts(2, 1, 0, 0), WordErrorRate.align(List.of("a", "b"), List.of("a", "c")));
        assertEquals(new WordErrorRate.Counts(0, 0, 0, 1), WordErrorRate.align(List.of(), List.of("z")));
    }

    @Test
    void missingHypothesisIsAnError(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("r.trn"), "a b (u1)\nc (u2)\n");
        Files.writeString(tmp.resolve("h.trn"), "a b (u1)\n");
        IOException e = assertThrows(IOException.class, () -> Scoring.wer(tmp.resolve("r.trn"), tmp.resolve("h.trn")));
        assertTrue(e.getMessage().contains("u2"), e.getMessage());
    }

    @Test
    void werMatchesSclite(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sctk")), "sclite missing: apt-get install -y sctk");
        Files.writeString(tmp.resolve("ref.trn"), "the cat sat on the mat (u1)\nhello world (u2)\na b c d (u3)\n"
                + "one two three four five six (u4)\n");
        Files.writeString(tmp.resolve("hyp.trn"), "the cat sit on mat (u1)\nhello there world (u2)\nb c x d e (u3)\n"
                + "one three four four five (u4)\n");
        Process p = new ProcessBuilder("/usr/bin/sctk", "sclite", "-r", "ref.trn", "trn", "-h", "hyp.trn", "trn",
                "-i", "rm", "-o", "sum", "stdout").directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("Sum/Avg\\|\\s+(\\d+)\\s+(\\d+)\\s+\\|\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)")
                .matcher(out);
        assertTrue(m.find(), out);
        Map<String, Object> ours = Scoring.wer(tmp.resolve("ref.trn"), tmp.resolve("hyp.trn"));
        double n = ((Number) ours.get("reference_words")).doubleValue();
        assertEquals(Double.parseDouble(m.group(2)), n);
        assertEquals(Double.parseDouble(m.group(4)), round1(100 * ((Number) ours.get("substitutions")).doubleValue() / n));
        assertEquals(Double.parseDouble(m.group(5)), round1(100 * ((Number) ours.get("deletions")).doubleValue() / n));
        assertEquals(Double.parseDouble(m.group(6)), round1(100 * ((Number) ours.get("insertions")).doubleValue() / n));
        assertEquals(Double.parseDouble(m.group(7)), round1((double) ours.get("wer")));
    }

    static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
