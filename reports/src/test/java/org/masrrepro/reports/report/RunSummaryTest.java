package org.masrrepro.reports.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpora a run used: their notes, the one rule that merges them, and the run's origin line. */
class RunSummaryTest {

    static RunSummary.Corpus corpus(String source, String label, boolean real, int skipped, String... roles) {
        return new RunSummary.Corpus(label, List.of(roles), null, source, real, skipped);
    }

    @Test
    void corpusNotesSayAnalogOrRealAndSkippedFiles() {
        assertEquals("offline analog, not the paper's dataset", corpus("corpus/a", "FLEURS analog", false, 0,
                RunSummary.PRETRAINING, RunSummary.DOWNSTREAM).note());
        assertEquals("real corpus read from disk; 2 missing or unreadable audio files left out (skip_bad_files), "
                + "listed in its card", corpus("d", "x", true, 2, RunSummary.DOWNSTREAM).note());
        assertEquals("real corpus read from disk; 1 missing or unreadable audio file left out (skip_bad_files), "
                + "listed in its card", corpus("d", "x", true, 1, RunSummary.DOWNSTREAM).note());
    }

    /** One corpus step met twice counts its skipped files once; two steps under one label add theirs up. */
    @Test
    void mergeCountsSkippedFilesOncePerSource() {
        List<RunSummary.Corpus> merged = RunSummary.Corpus.merge(List.of(
                corpus("corpus/r1", "real", true, 2, RunSummary.DOWNSTREAM),
                corpus("corpus/r1", "real", true, 2, RunSummary.PRETRAINING),
                corpus("corpus/r2", "real", false, 3, RunSummary.DOWNSTREAM)), RunSummary.Corpus::label);
        assertEquals(1, merged.size(), merged.toString());
        assertEquals(5, merged.get(0).skipped(), "2 (corpus/r1, met twice) + 3 (corpus/r2)");
        assertTrue(merged.get(0).real(), "real if any build is");
        assertEquals(List.of(RunSummary.PRETRAINING, RunSummary.DOWNSTREAM), merged.get(0).roles());
        assertEquals("corpus/r1", merged.get(0).source());

        List<RunSummary.Corpus> bySource = RunSummary.Corpus.merge(List.of(
                corpus("corpus/r1", "real", true, 2, RunSummary.DOWNSTREAM),
                corpus("corpus/r1", "real", true, 2, RunSummary.DOWNSTREAM),
                corpus("corpus/r2", "real", true, 3, RunSummary.DOWNSTREAM)), c -> c.label() + "|" + c.source());
        assertEquals(List.of(2, 3), bySource.stream().map(RunSummary.Corpus::skipped).toList());
    }

    /** Roles in the order pretraining, continued, downstream; corpora by first role, ties in the order first met. */
    @Test
    void mergeOrdersRolesAndCorpora() {
        List<RunSummary.Corpus> merged = RunSummary.Corpus.merge(List.of(
                corpus("corpus/m", "MLS analog", false, 0, RunSummary.DOWNSTREAM),
                corpus("corpus/l", "LibriVox clips", false, 0, RunSummary.DOWNSTREAM),
                corpus("corpus/o", "Other analog", false, 0, RunSummary.CONTINUED_PRETRAINING),
                corpus("corpus/f", "FLEURS analog", false, 0, RunSummary.DOWNSTREAM),
                corpus("corpus/f", "FLEURS analog", false, 0, RunSummary.PRETRAINING)), RunSummary.Corpus::source);
        assertEquals(List.of("FLEURS analog", "Other analog", "MLS analog", "LibriVox clips"),
                merged.stream().map(RunSummary.Corpus::label).toList());
        assertEquals(List.of(RunSummary.PRETRAINING, RunSummary.DOWNSTREAM), merged.get(0).roles());
        assertEquals(List.of(RunSummary.CONTINUED_PRETRAINING, RunSummary.DOWNSTREAM),
                corpus("corpus/o", "Other analog", false, 0, RunSummary.DOWNSTREAM)
                        .withRole(RunSummary.CONTINUED_PRETRAINING).roles());
    }

    @Test
    void originNamesTheCorpusItsPretrainingCorporaInOrderAndTheProfile() {
        RunSummary r = new RunSummary("table1/bestrq-lasr-fleurs", 1, "x", "T1", "best-rq+lasr", "fleurs",
                "FLEURS analog", null, "p", null, Map.of(), List.of(
                        corpus("corpus/b", "Base analog", false, 0, RunSummary.PRETRAINING),
                        corpus("corpus/a", "A analog", false, 0, RunSummary.CONTINUED_PRETRAINING),
                        corpus("corpus/f", "FLEURS analog", false, 0, RunSummary.DOWNSTREAM)));
        assertEquals("ours on: FLEURS analog — pretrained on: Base analog; A analog — profile smoke", r.origin("smoke"));
        RunSummary floor = new RunSummary(RunSummary.FLOOR_PREFIX + "fleurs", 0, "floor", "T1", "floor", "fleurs",
                "FLEURS analog", null, "p", null, Map.of());
        assertTrue(floor.isFloor());
        assertFalse(r.isFloor());
        assertEquals("ours on: FLEURS analog — profile smoke", floor.origin("smoke"));
    }
}
