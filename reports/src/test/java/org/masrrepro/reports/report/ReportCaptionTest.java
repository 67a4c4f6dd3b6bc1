package org.masrrepro.reports.report;

import org.junit.jupiter.api.Test;
import org.masrrepro.reports.results.ResultCell;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A caption names every corpus the runs behind its numbers used and what for, says analogs are analogs and real
 * corpora real (with the files they left out); each table's caption names only the corpora behind its own cells.
 */
class ReportCaptionTest {

    static RunSummary.Corpus corpus(String source, String label, boolean real, int skipped, String... roles) {
        return new RunSummary.Corpus(label, List.of(roles), null, source, real, skipped);
    }

    static final RunSummary.Corpus FLEURS = corpus("corpus/a", "FLEURS analog", false, 0, RunSummary.PRETRAINING,
            RunSummary.DOWNSTREAM);

    static RunSummary run(String spec, long seed, String table, String row, String corpus,
            RunSummary.Corpus... corpora) {
        return new RunSummary(spec, seed, "x", table, row, "fleurs", corpus, null, "p", null, Map.of(),
                List.of(corpora));
    }

    static RunSummary floor(RunSummary.Corpus... corpora) {
        return run(RunSummary.FLOOR_PREFIX + "fleurs", 0, "T1", "floor", "FLEURS analog", corpora);
    }

    static RunSummary learned(RunSummary.Corpus... corpora) {
        return run("table1/bestrq-fleurs", 1, "T1", "best-rq", "FLEURS analog", corpora);
    }

    static ResultCell cell(String table, String row, String column, String corpus) {
        return new ResultCell(table, row, column, "acc", 40, 1, "cpu", corpus, "p");
    }

    @Test
    void eachTableCaptionNamesOnlyItsOwnCorpora() {
        List<RunSummary> runs = List.of(
                floor(corpus("corpus/a", "FLEURS analog", false, 0, RunSummary.DOWNSTREAM)),
                learned(FLEURS),
                run("table2/mask/bestrq", 1, "T2", "best-rq", "ComParE Mask analog",
                        corpus("corpus/a", "FLEURS analog", false, 0, RunSummary.PRETRAINING),
                        corpus("corpus/m", "ComParE Mask analog", false, 0, RunSummary.DOWNSTREAM)));
        List<ResultCell> cells = List.of(cell("T1", "floor", "fleurs/all", "FLEURS analog"),
                cell("T1", "best-rq", "fleurs/all", "FLEURS analog"), cell("T2", "best-rq", "mask", "ComParE Mask analog"));
        // As PaperReport captions each table: by the runs behind its cells.
        Set<String> tables = new TreeSet<>();
        cells.forEach(c -> tables.add(c.table()));
        Map<String, String> captions = new TreeMap<>();
        tables.forEach(t -> captions.put(t, ReportCaption.of(PaperReport.runsBehind(runs, cells, t), "cpu")));
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

    /** Figure 4 is computed from the LID runs of its rows on the corpora its cells name, not every run of the row. */
    @Test
    void anAnalysisTableIsBehindOnlyTheRunsOnItsCorpora() {
        RunSummary fleurs = learned(FLEURS);
        RunSummary dhvani = run("table1/bestrq-dhvani", 1, "T1", "best-rq", "Dhvani analog",
                corpus("corpus/a", "FLEURS analog", false, 0, RunSummary.PRETRAINING),
                corpus("corpus/d", "Dhvani analog", false, 0, RunSummary.DOWNSTREAM));
        List<ResultCell> cells = List.of(cell("T1", "best-rq", "fleurs/all", "FLEURS analog"),
                cell("T1", "best-rq", "dhvani/all", "Dhvani analog"), cell("F4", "best-rq", "bs>sr", "FLEURS analog"));
        assertEquals(List.of(fleurs), PaperReport.runsBehind(List.of(fleurs, dhvani), cells, "F4"),
                "the Dhvani run of the same row gave Figure 4 nothing");
        assertEquals(List.of(fleurs, dhvani), PaperReport.runsBehind(List.of(fleurs, dhvani), cells, "T1"));
    }

    /** The caption follows the corpora the rows used: analogs are said to be analogs, a real corpus is not. */
    @Test
    void captionSaysAnalogOnlyOfAnalogsAndCountsSkippedFilesOfRealCorpora() {
        RunSummary analog = learned(FLEURS);
        RunSummary real = learned(corpus("corpus/r", "FLEURS (real, 2 locales)", true, 3, RunSummary.PRETRAINING,
                RunSummary.DOWNSTREAM));
        RunSummary mixed = learned(corpus("corpus/a", "FLEURS analog", false, 0, RunSummary.PRETRAINING),
                corpus("corpus/r", "my corpus", true, 1, RunSummary.DOWNSTREAM));

        String a = ReportCaption.of(List.of(analog), "smoke");
        assertTrue(a.contains("These corpora are offline analogs") && a.contains("NOT the paper's datasets"), a);
        assertFalse(a.contains("real corpus"), a);

        String r = ReportCaption.of(List.of(real), "smoke");
        assertTrue(r.startsWith("Ours: FLEURS (real, 2 locales) (pretraining, downstream); profile smoke;"), r);
        assertFalse(r.toLowerCase(java.util.Locale.ROOT).contains("analog"), "a real corpus is no analog: " + r);
        assertFalse(r.contains("NOT the paper's datasets"), r);
        assertTrue(r.contains("FLEURS (real, 2 locales) is a real corpus read from disk"), r);
        assertTrue(r.contains("FLEURS (real, 2 locales): 3 missing or unreadable audio files left out (skip_bad_files), "
                + "listed in its card."), r);

        String m = ReportCaption.of(List.of(mixed), "smoke");
        assertTrue(m.contains("FLEURS analog is an offline analog (espeak-ng speech, Debian recordings), NOT the "
                + "paper's datasets"), m);
        assertTrue(m.contains("my corpus is a real corpus read from disk"), m);
        assertTrue(m.contains("my corpus: 1 missing or unreadable audio file left out"), m);
        assertFalse(m.contains("These corpora are offline analogs"), "not every corpus is an analog: " + m);
    }

    /**
     * Runs sharing one build of a real corpus do not multiply its skipped files; two builds under one label (another
     * size, say) are one entry whose skipped files add up.
     */
    @Test
    void captionCountsEachBuildsSkippedFilesOnce() {
        RunSummary.Corpus build = corpus("corpus/r1", "my corpus", true, 2, RunSummary.PRETRAINING,
                RunSummary.DOWNSTREAM);
        String shared = ReportCaption.of(List.of(learned(build),
                run("table1/bestrq-masr-fleurs", 1, "T1", "best-rq+masr", "my corpus", build)), "smoke");
        assertTrue(shared.startsWith("Ours: my corpus (pretraining, downstream); profile smoke; 2 run(s), seeds [1]."),
                shared);
        assertTrue(shared.contains("my corpus: 2 missing or unreadable audio files left out"), shared);

        String twoBuilds = ReportCaption.of(List.of(learned(build),
                run("table1/bestrq-masr-fleurs", 2, "T1", "best-rq+masr", "my corpus",
                        corpus("corpus/r2", "my corpus", true, 1, RunSummary.DOWNSTREAM))), "smoke");
        assertTrue(twoBuilds.startsWith("Ours: my corpus (pretraining, downstream); profile smoke; 2 run(s), "
                + "seeds [1, 2]."), twoBuilds);
        assertTrue(twoBuilds.contains("my corpus: 3 missing or unreadable audio files left out"), twoBuilds);
    }
}
