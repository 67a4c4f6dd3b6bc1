package org.masrrepro.harness.run;

import org.junit.jupiter.api.Test;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.StepId;
import org.masrrepro.reports.results.ResultCell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report counts a result only if the current spec, resolved for the result's seed, leads to the evaluation it
 * was read from: results of removed or since-changed specs (calibration runs, older profiles) are left out, loudly.
 */
class CurrentResultsTest {

    static final SpecLoader SPECS = new SpecLoader(TestPaths.specs());
    static final Profile P = Profile.SMOKE;
    static final String BESTRQ = "table1/bestrq-fleurs";
    static final long SEED = 20240611L;

    static RunRecord record(String spec, long seed, String evalDir) {
        return record(spec, seed, evalDir, "best-rq");
    }

    static RunRecord record(String spec, long seed, String evalDir, String row) {
        return new RunRecord(spec, "x", P.id(), seed, "FLEURS analog", "corpus/c", evalDir,
                List.of(new ResultCell("T1", row, "fleurs/all", "acc", 50, seed, P.id(), "FLEURS analog", "p")),
                Map.of());
    }

    static ExperimentPlan plan(long seed) {
        return ExperimentPlan.of(SPECS.load(BESTRQ, P, seed), P, (id, s) -> SPECS.load(id, P, s));
    }

    @Test
    void keepsWhatTheSpecsProduceAndDropsTheRestWithReasons() {
        StepId ids = new StepId();
        String eval = ids.dirName(plan(SEED).eval());
        String floor = ids.dirName(plan(SEED).floor());
        RunRecord current = record(BESTRQ, SEED, eval);
        RunRecord changed = record(BESTRQ, SEED + 1, eval); // another seed resolves to another evaluation
        RunRecord removed = record("table1/calibration-that-was-deleted", SEED, eval);
        RunRecord ownFloor = new RunRecord("floor/fleurs", "floor", P.id(), 0, "FLEURS analog", "corpus/c", floor,
                List.of(), Map.of());
        RunRecord oldFloor = new RunRecord("floor/fleurs", "floor", P.id(), 0, "FLEURS analog", "corpus/old",
                "floor/0123456789abcdef", List.of(), Map.of());
        // Ran before the spec's row was renamed: same evaluation, but its cells sit in the old row.
        RunRecord renamed = record(BESTRQ, SEED, eval, "best-rq (old name)");
        // Written by a build before the record format field: read from JSON, the field is 0.
        RunRecord older = new com.google.gson.Gson().fromJson(new com.google.gson.Gson().toJson(
                record(BESTRQ, SEED, eval)).replace("\"format\":" + RunRecord.FORMAT, "\"x\":0"), RunRecord.class);
        assertEquals(0, older.format());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<RunRecord> kept = CurrentResults.filter(List.of(removed, oldFloor, changed, renamed, older, current,
                ownFloor), SPECS, P, null, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(List.of(ownFloor, current), kept);
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("left out 5 that"), said);
        assertTrue(said.contains("record written by an older harness (format 0, now " + RunRecord.FORMAT + ")"), said);
        assertTrue(said.contains("its cells are in row \"best-rq (old name)\""), said);
        assertTrue(said.contains("floor/0123456789abcdef: no current spec evaluates on that corpus build"), said);
        assertTrue(said.contains(BESTRQ + " seed " + (SEED + 1) + ": spec changed since"), said);
        assertTrue(said.contains("table1/calibration-that-was-deleted seed " + SEED + ": no such spec under"), said);
    }

    @Test
    void aFloorAloneIsKeptWhenAShippedSpecEvaluatesOnItsCorpus() {
        // What `run --floor-only` leaves: a floor and no spec record.
        RunRecord floor = new RunRecord("floor/fleurs", "floor", P.id(), 0, "FLEURS analog", "corpus/c",
                new StepId().dirName(plan(SEED).floor()), List.of(), Map.of());
        assertEquals(List.of(floor), CurrentResults.filter(List.of(floor), SPECS, P, null,
                new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void saysNothingWhenEverythingIsCurrent() {
        RunRecord current = record(BESTRQ, SEED, new StepId().dirName(plan(SEED).eval()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(List.of(current), CurrentResults.filter(List.of(current), SPECS, P, null,
                new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }
}
