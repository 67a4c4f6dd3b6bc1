package org.masrrepro.harness.run;

import org.junit.jupiter.api.Test;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.reports.report.RunSummary;
import org.masrrepro.reports.results.ResultCell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floors of different corpora under one dataset get a row each instead of being pooled as seeds; each table's caption
 * names only the corpora behind its own cells.
 */
class ReportBuilderTest {

    static RunRecord floor(String corpusDir, double acc) {
        return new RunRecord("floor/fleurs", "floor", "cpu", 0, "FLEURS analog", corpusDir, "floor/x",
                List.of(new ResultCell("T1", Results.FLOOR_ROW, "fleurs/all", "acc", acc, 0, "cpu", "FLEURS analog",
                        "p")), Map.of());
    }

    static RunRecord learned(String corpusDir) {
        return new RunRecord("table1/bestrq-fleurs", "x", "cpu", 1, "FLEURS analog", corpusDir, "eval/x",
                List.of(new ResultCell("T1", "best-rq", "fleurs/all", "acc", 40, 1, "cpu", "FLEURS analog", "p")),
                Map.of());
    }

    @Test
    void oneCorpusKeepsThePlainFloorRow() {
        List<RunRecord> in = List.of(floor("corpus/a", 44), learned("corpus/a"));
        assertEquals(in, ReportBuilder.separateFloors(in, new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void twoCorporaGetOneRowEachAndAWarning() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<RunRecord> out = ReportBuilder.separateFloors(
                List.of(floor("corpus/a", 44), floor("corpus/b", 48), learned("corpus/a")),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(Results.FLOOR_ROW + " [corpus/a]", out.get(0).cells().get(0).row());
        assertEquals(Results.FLOOR_ROW + " [corpus/b]", out.get(1).cells().get(0).row());
        assertEquals(48, out.get(1).cells().get(0).value());
        assertEquals("best-rq", out.get(2).cells().get(0).row(), "learned rows are untouched");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("floors of 2 corpora"));
    }

    static ReportBuilder.CorpusUse use(String dir, String label, boolean real, int skipped, String... roles) {
        return new ReportBuilder.CorpusUse(dir, label, real, skipped, List.of(roles));
    }

    static final ReportBuilder.CorpusUse FLEURS = use("corpus/a", "FLEURS analog", false, 0, RunSummary.PRETRAINING,
            RunSummary.DOWNSTREAM);

    @Test
    void eachTableCaptionNamesOnlyItsOwnCorpora() {
        RunRecord probe = new RunRecord("table2/mask/bestrq", "x", "cpu", 1, "ComParE Mask analog", "corpus/m", "probe/x",
                List.of(new ResultCell("T2", "best-rq", "mask", "acc", 70, 1, "cpu", "ComParE Mask analog", "p")),
                Map.of());
        Map<String, String> captions = ReportBuilder.tableCaptions(List.of(
                new ReportBuilder.UsedRun(floor("corpus/a", 44), List.of(use("corpus/a", "FLEURS analog", false, 0,
                        RunSummary.DOWNSTREAM))),
                new ReportBuilder.UsedRun(learned("corpus/a"), List.of(FLEURS)),
                new ReportBuilder.UsedRun(probe, List.of(use("corpus/a", "FLEURS analog", false, 0,
                        RunSummary.PRETRAINING), use("corpus/m", "ComParE Mask analog", false, 0, RunSummary.DOWNSTREAM)))),
                Profile.CPU);
        assertEquals(List.of("T1", "T2"), List.copyOf(captions.keySet()));
        assertTrue(captions.get("T1").startsWith("Ours: FLEURS analog (pretraining, downstream); profile cpu; 2 run(s), "
                + "seeds [1]."), captions.get("T1"));
        assertFalse(captions.get("T1").contains("Mask"), captions.get("T1"));
        // Table 2's rows were measured on the Mask analog, but their encoder was pretrained on the FLEURS analog.
        assertTrue(captions.get("T2").startsWith("Ours: FLEURS analog (pretraining); ComParE Mask analog (downstream); "
                + "profile cpu; 1 run(s)"), captions.get("T2"));
        assertTrue(captions.get("T2").contains("These corpora are offline analogs (espeak-ng speech, Debian "
                + "recordings), NOT the paper's datasets"), captions.get("T2"));
    }

    /** The caption follows the corpora the rows used: analogs are said to be analogs, a real corpus is not. */
    @Test
    void captionSaysAnalogOnlyOfAnalogsAndCountsSkippedFilesOfRealCorpora() {
        ReportBuilder.UsedRun analog = new ReportBuilder.UsedRun(learned("corpus/a"), List.of(FLEURS));
        ReportBuilder.UsedRun real = new ReportBuilder.UsedRun(learned("corpus/r"), List.of(use("corpus/r",
                "FLEURS (real, 2 locales)", true, 3, RunSummary.PRETRAINING, RunSummary.DOWNSTREAM)));
        ReportBuilder.UsedRun mixed = new ReportBuilder.UsedRun(learned("corpus/r"), List.of(
                use("corpus/a", "FLEURS analog", false, 0, RunSummary.PRETRAINING),
                use("corpus/r", "my corpus", true, 1, RunSummary.DOWNSTREAM)));

        String a = ReportBuilder.caption(List.of(analog), Profile.SMOKE);
        assertTrue(a.contains("These corpora are offline analogs") && a.contains("NOT the paper's datasets"), a);
        assertFalse(a.contains("real corpus"), a);

        String r = ReportBuilder.caption(List.of(real), Profile.SMOKE);
        assertTrue(r.startsWith("Ours: FLEURS (real, 2 locales) (pretraining, downstream); profile smoke;"), r);
        assertFalse(r.toLowerCase(java.util.Locale.ROOT).contains("analog"), "a real corpus is no analog: " + r);
        assertFalse(r.contains("NOT the paper's datasets"), r);
        assertTrue(r.contains("FLEURS (real, 2 locales) is a real corpus read from disk"), r);
        assertTrue(r.contains("FLEURS (real, 2 locales): 3 missing or unreadable audio files left out (skip_bad_files), "
                + "listed in its card."), r);

        String m = ReportBuilder.caption(List.of(mixed), Profile.SMOKE);
        assertTrue(m.contains("FLEURS analog is an offline analog (espeak-ng speech, Debian recordings), NOT the "
                + "paper's datasets"), m);
        assertTrue(m.contains("my corpus is a real corpus read from disk"), m);
        assertTrue(m.contains("my corpus: 1 missing or unreadable audio file left out"), m);
        assertFalse(m.contains("These corpora are offline analogs"), "not every corpus is an analog: " + m);
    }

    @Test
    void corpusNotesSayAnalogOrRealAndSkippedFiles() {
        assertEquals("offline analog, not the paper's dataset", FLEURS.note());
        assertEquals("real corpus read from disk; 2 missing or unreadable audio files left out (skip_bad_files), "
                + "listed in its card", use("d", "x", true, 2, RunSummary.DOWNSTREAM).note());
    }
}
