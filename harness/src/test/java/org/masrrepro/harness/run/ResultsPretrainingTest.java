package org.masrrepro.harness.run;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.harness.TestPaths;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.StepRunner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What a run record says of its pretraining: the corpus a pretraining statistic is measured on, and its curves. */
class ResultsPretrainingTest {

    static final SpecLoader SPECS = new SpecLoader(TestPaths.specs());
    static final Profile P = Profile.SMOKE;

    @TempDir
    Path runs;

    static ExperimentPlan plan(String id) {
        return ExperimentPlan.of(SPECS.load(id, P, 20240611L), P, (i, s) -> SPECS.load(i, P, s));
    }

    @Test
    void aContinuationNamesItsBaseAndItsOwnCurveApart() {
        StepRunner runner = new StepRunner(runs, Device.cpu(), ProgressListener.NONE,
                new PrintStream(new ByteArrayOutputStream()));
        ExperimentPlan masr = plan("table1/bestrq-masr-dhvani");
        Map<String, String> curves = Results.pretrainingCurves(masr, runner);
        assertEquals(List.of("pretraining", "continued pretraining"), List.copyOf(curves.keySet()));
        assertEquals(runs.relativize(runner.dirOf(masr.pretrain().base()).resolve("train/metrics.csv")).toString(),
                curves.get("pretraining"));
        assertEquals(runs.relativize(runner.dirOf(masr.pretrain()).resolve("train/metrics.csv")).toString(),
                curves.get("continued pretraining"));
        assertEquals(List.of("pretraining"), List.copyOf(Results.pretrainingCurves(plan("table1/bestrq-fleurs"),
                runner).keySet()));
    }

    /** The S51 cell of a Dhvani run is the pretraining's, on the FLEURS analog, as its FLEURS twin's is. */
    @Test
    void aPretrainingStatisticNamesThePretrainingCorpus() {
        ExperimentPlan dhvani = plan("table1/bestrq-masr-dhvani");
        ExperimentPlan fleurs = plan("table1/bestrq-masr-fleurs");
        assertEquals(Results.pretrainingCorpus(fleurs), Results.pretrainingCorpus(dhvani));
        assertNotEquals(dhvani.corpus().spec().label(), Results.pretrainingCorpus(dhvani), "not the downstream corpus");
    }

    /** An ASR run draws each language's CTC fine-tuning after its pretraining. */
    @Test
    void anAsrRunNamesEachLanguagesFineTuning() {
        StepRunner runner = new StepRunner(runs, Device.cpu(), ProgressListener.NONE,
                new PrintStream(new ByteArrayOutputStream()));
        ExperimentPlan fillets = plan("table3/real-speech/bestrq-fillets");
        List<String> names = List.copyOf(Results.asrCurves(fillets, runner).keySet());
        assertEquals("pretraining", names.get(0));
        assertEquals(List.of("fine-tuning (cs)", "fine-tuning (nl)"), names.subList(1, names.size()));
    }

    /**
     * The random-init row's pretraining trains nothing: its corpus is named for its input statistics, not as
     * pretraining, and its cells name no pretraining corpus; BEST-RQ's does both.
     */
    @Test
    void anUntrainedEncoderNamesNoPretrainingCorpus() throws java.io.IOException {
        assertEquals(true, plan("table1/random-init-fleurs").pretrain().trainsNothing());
        assertEquals(false, plan("table1/bestrq-fleurs").pretrain().trainsNothing());
        assertEquals(false, plan("table1/bestrq-masr-dhvani").pretrain().trainsNothing(), "a continuation trains");
        List<ReportBuilder.UsedRun> used = ReportBuilder.used(List.of(record("table1/random-init-fleurs"),
                record("table1/bestrq-fleurs")), runs, SPECS, P, TestPaths.sharedData());
        assertEquals(List.of(org.masrrepro.reports.report.RunSummary.INPUT_STATISTICS,
                org.masrrepro.reports.report.RunSummary.DOWNSTREAM), used.get(0).corpora().get(0).roles(),
                used.get(0).corpora().toString());
        assertEquals(null, used.get(0).record().cells().get(0).pretrainingCorpus());
        assertEquals(List.of(org.masrrepro.reports.report.RunSummary.PRETRAINING,
                org.masrrepro.reports.report.RunSummary.DOWNSTREAM), used.get(1).corpora().get(0).roles());
        assertEquals(used.get(1).corpora().get(0).label(), used.get(1).record().cells().get(0).pretrainingCorpus());
    }

    /** A run record of {@code spec} at seed 20240611 measured on its own downstream corpus, with one cell. */
    private static RunRecord record(String spec) {
        ExperimentPlan p = plan(spec);
        String dir = new org.masrrepro.harness.steps.StepId().dirName(p.corpus());
        return new RunRecord(spec, "x", P.id(), 20240611L, p.corpus().spec().label(), dir, "eval/x",
                List.of(new org.masrrepro.reports.results.ResultCell("T1", "r", "fleurs/all", "acc", 50, 20240611L,
                        P.id(), p.corpus().spec().label(), "p")), Map.of());
    }
}
