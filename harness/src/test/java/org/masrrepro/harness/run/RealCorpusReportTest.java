package org.masrrepro.harness.run;

import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.audio.Wav;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.reports.plots.Charts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spec whose corpus is real (a manifest fixture with one missing file, {@code skip_bad_files}), run end to end at
 * smoke scale: the console warns that the corpus left a file out and where the list is (when the step runs and when
 * it is reused); the report's table caption calls it real, never an analog, and counts the skipped file; its CSV rows
 * and charts name it.
 */
class RealCorpusReportTest {

    static final String LABEL = "my recordings (real)";

    @TempDir
    Path tmp;

    static float[] tone(double hz, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16000) + 0.1 * Math.sin(2 * Math.PI * 2.7 * hz * i / 16000));
        }
        return x;
    }

    /** Two languages, every split, 16 kHz tones; the manifest also lists one file that does not exist. */
    static void fixture(Path root) throws IOException {
        StringBuilder csv = new StringBuilder("path,split,language,speaker\n");
        String[][] plan = {{"pretrain", "4"}, {"train", "4"}, {"dev", "1"}, {"test", "2"}};
        int k = 0;
        for (String lang : List.of("sw", "yo")) {
            for (String[] p : plan) {
                for (int i = 0; i < Integer.parseInt(p[1]); i++, k++) {
                    String file = lang + "/" + p[0] + "-" + i + ".wav";
                    Wav.write(root.resolve(file), tone((lang.equals("sw") ? 220 : 520) + 13 * i, 4800 + 160 * i), 16000);
                    csv.append(file).append(',').append(p[0]).append(',').append(lang).append(",s").append(k % 3)
                            .append('\n');
                }
            }
        }
        csv.append("sw/gone.wav,train,sw,s9\n");
        Files.writeString(root.resolve("manifest.csv"), csv.toString());
    }

    @Test
    void realCorpusWithSkippedFilesIsWarnedAboutAndCaptionedAsReal() throws IOException {
        Path corpusRoot = tmp.resolve("corpus");
        fixture(corpusRoot);
        Path specs = tmp.resolve("specs");
        TestPaths.corpusSpec(specs, "real/mine", JsonParser.parseString("""
                {"type": "real", "label": "%s", "format": "manifest", "dir": "%s", "skip_bad_files": true,
                 "languages": ["sw", "yo"], "overlapped": ["sw"]}""".formatted(LABEL,
                corpusRoot.toAbsolutePath().toString().replace("\\", "\\\\"))).getAsJsonObject());
        Path runs = tmp.resolve("runs");

        String log = run(specs, runs);
        String warning = log.lines().filter(l -> l.startsWith("[corpus] WARNING: ")).findFirst().orElse("");
        assertTrue(warning.contains(LABEL + ": 1 audio file was missing or unreadable and left out (skip_bad_files)"),
                log);
        Path corpusDir;
        try (Stream<Path> s = Files.list(runs.resolve("corpus"))) {
            corpusDir = s.findFirst().orElseThrow();
        }
        Path list = CorpusStep.dataDir(corpusDir).resolve(CorpusStep.SKIPPED_LIST);
        assertTrue(warning.contains("the list: " + list), warning);
        List<String> skipped = Files.readAllLines(list);
        assertEquals("path\treason", skipped.get(0));
        assertEquals(2, skipped.size(), skipped.toString());
        assertTrue(skipped.get(1).startsWith("sw/gone.wav\t"), skipped.toString());
        assertEquals(1, CorpusStep.skippedFiles(corpusDir));

        // Reusing the corpus says it again: a run that builds nothing still reads a corpus with holes.
        String again = run(specs, runs);
        assertTrue(again.contains("done earlier") && again.contains(warning), again);

        Path report = runs.resolve("report/smoke");
        String md = Files.readString(report.resolve("table1.md"));
        String caption = md.lines().findFirst().orElseThrow();
        assertTrue(caption.contains("Ours: " + LABEL + " (pretraining, downstream); profile smoke;"), caption);
        assertTrue(caption.contains(LABEL + " is a real corpus read from disk"), caption);
        assertTrue(caption.contains(LABEL + ": 1 missing or unreadable audio file left out (skip_bad_files), listed in "
                + "its card."), caption);
        assertFalse(caption.toLowerCase(Locale.ROOT).contains("analog"), "no analog was used: " + caption);
        String index = Files.readString(report.resolve("README.md"));
        assertTrue(index.contains("| " + LABEL + " | pretraining, downstream | [card](cards/"), index);
        assertTrue(index.contains("real corpus read from disk; 1 missing or unreadable audio file left out"), index);

        try (Reader r = Files.newBufferedReader(report.resolve("table1.csv"))) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)
                    .getRecords();
            CSVRecord bestRq = rows.stream().filter(x -> x.get("row").equals("best-rq")).findFirst().orElseThrow();
            assertEquals(LABEL, bestRq.get("corpus"));
            assertEquals(LABEL, bestRq.get("pretraining_corpus"));
            assertEquals("smoke", bestRq.get("profile"));
            CSVRecord floor = rows.stream().filter(x -> x.get("row").equals(Results.FLOOR_ROW)).findFirst().orElseThrow();
            assertEquals(LABEL, floor.get("corpus"));
            assertEquals("", floor.get("pretraining_corpus"), "a floor is not pretrained");
        }
        String sub = Charts.readText(report.resolve("table1.png")).get("Description");
        assertEquals("ours on: " + LABEL + " — pretrained on: " + LABEL + " — profile smoke", sub);

        // The regression check names the corpus by its recorded manifest hash and never hashes a real corpus's audio.
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<org.masrrepro.reports.check.Baseline.Corpus> corpora = org.masrrepro.harness.cli.CheckCommand.corpora(
                runs, Results.readAll(runs, Profile.SMOKE), new SpecLoader(specs), Profile.SMOKE, null,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, corpora.size(), corpora.toString());
        assertEquals(org.masrrepro.harness.steps.StepProvenance.inputHash(org.masrrepro.harness.steps.StepProvenance
                .read(corpusDir), "manifest.csv"), corpora.get(0).manifestSha256());
        assertEquals(null, corpora.get(0).audioSha256(), "a real corpus's audio is not hashed");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(LABEL + " is a real corpus, whose audio is not "
                + "hashed"), err.toString(StandardCharsets.UTF_8));
    }

    private static String run(Path specs, Path runs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Harness.builder().setSpecs(new SpecLoader(specs)).setRunsRoot(runs).optProfile(Profile.SMOKE).optLog(ps)
                    .build().run(List.of("real/mine"));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
