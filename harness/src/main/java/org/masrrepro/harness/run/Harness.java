package org.masrrepro.harness.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.masrrepro.datasets.util.ProgressListener;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.CorpusStep;
import org.masrrepro.harness.steps.FeatureStep;
import org.masrrepro.harness.steps.Step;
import org.masrrepro.harness.steps.StepRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resolves specs, runs their step graphs (sharing steps between them), records results and writes the report. */
public final class Harness {

    private final SpecLoader specs;
    private final Path runsRoot;
    private final Profile profile;
    private final Long seedOverride;
    private final Device device;
    private final PrintStream log;
    private final ProgressListener progress;
    private final Integer interruptAfterSteps;
    private final Path dataDir;
    private final int seeds;
    private final boolean floorOnly;
    private final boolean corporaOnly;
    private final boolean pretrainOnly;
    private final Path timings;

    private Harness(Builder b) {
        this.specs = b.specs;
        this.runsRoot = b.runsRoot;
        this.profile = b.profile;
        this.seedOverride = b.seed;
        this.device = b.device; // null: DJL's default, resolved when a run starts (plan needs no engine)
        this.log = b.log;
        this.progress = b.progress != null ? b.progress : new ConsoleProgress(b.log, 5);
        this.interruptAfterSteps = b.interruptAfterSteps;
        this.dataDir = b.dataDir;
        this.seeds = b.seeds;
        this.floorOnly = b.floorOnly;
        this.corporaOnly = b.corporaOnly;
        this.pretrainOnly = b.pretrainOnly;
        if ((floorOnly ? 1 : 0) + (corporaOnly ? 1 : 0) + (pretrainOnly ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--floor-only, --corpora-only and --pretrain-only exclude each other");
        }
        this.timings = b.timings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Resolves every spec first (so an invalid spec fails before any work), then runs them in order. */
    public List<RunRecord> run(List<String> specIds) throws IOException {
        List<ExperimentPlan> plans = plans(specIds);
        Device device = this.device != null ? this.device : Engine.getInstance().defaultDevice();
        StepRunner runner = new StepRunner(runsRoot, device, progress, log);
        if (interruptAfterSteps != null) {
            runner.setInterruptAfterSteps(interruptAfterSteps);
        }
        if (dataDir != null) {
            runner.setDataDir(dataDir);
        }
        log.printf("profile %s, device %s, runs in %s%n", profile.id(), device, runsRoot.toAbsolutePath());
        if (corporaOnly) {
            buildCorpora(plans, runner);
            return List.of();
        }
        if (pretrainOnly) {
            for (ExperimentPlan plan : plans) {
                log.printf("== %s (seed %d): pretraining only%n", plan.spec().id(), plan.spec().seed());
                runner.setRequester(plan.spec().id(), profile.id(), plan.spec().seed());
                roots(plan).forEach(runner::run);
            }
            return List.of();
        }
        List<RunRecord> records = new ArrayList<>();
        for (ExperimentPlan plan : plans) {
            log.printf("== %s (seed %d): %s%n", plan.spec().id(), plan.spec().seed(), plan.spec().describes());
            runner.setRequester(plan.spec().id(), profile.id(), plan.spec().seed());
            roots(plan).forEach(runner::run);
            if (!floorOnly) {
                records.add(Results.record(plan, runner));
            }
            if (plan.floor() != null) {
                Results.recordFloor(plan, runner);
            }
        }
        ReportBuilder.write(runsRoot, profile, specs, dataDir, log);
        return records;
    }

    /** Resolves each spec for each seed into its step graph (no work is done); an invalid spec fails here. */
    public List<ExperimentPlan> plans(List<String> specIds) {
        List<ExperimentPlan> plans = new ArrayList<>();
        for (String id : specIds) {
            ExperimentPlan first = ExperimentPlan.load(specs, id, profile, seedOverride, dataDir);
            plans.add(first);
            for (int k = 1; k < seeds; k++) {
                // Seeds root, root+1, ...: each re-runs training; a corpus with its own seed is shared by all.
                plans.add(ExperimentPlan.load(specs, id, profile, first.spec().seed() + k, dataDir));
            }
        }
        ReportKeys.requireUnique(specs, specIds, profile);
        return plans;
    }

    /** Prints what running {@code specIds} involves: each step, done (measured time) or to run (estimated time). */
    public TimePlan plan(List<String> specIds) throws IOException {
        List<Step> roots = new ArrayList<>();
        plans(specIds).forEach(p -> roots.addAll(roots(p)));
        TimePlan t = TimePlan.of(roots, runsRoot, profile, timings);
        log.print(t.render());
        return t;
    }

    /**
     * The steps {@link #run} runs for {@code plan} under the only-flags, each with what it depends on; {@link #plan}
     * times the same ones. Corpora only: the corpus and feature steps of the target and the floor; pretraining only:
     * the (continued) pretraining; floor only: the floor; otherwise the target, then the floor.
     */
    private List<Step> roots(ExperimentPlan plan) {
        List<Step> out = new ArrayList<>();
        if (corporaOnly) {
            collectData(plan.target(), out);
            if (plan.floor() != null) {
                collectData(plan.floor(), out);
            }
        } else if (pretrainOnly) {
            out.add(plan.pretrain());
        } else {
            if (!floorOnly) {
                out.add(plan.target());
            }
            if (plan.floor() != null) {
                out.add(plan.floor());
            }
        }
        return out;
    }

    /** Runs the corpus and feature steps every plan needs, each once, and logs the total wall time. */
    private void buildCorpora(List<ExperimentPlan> plans, StepRunner runner) {
        java.util.Map<Path, Step> steps = new java.util.LinkedHashMap<>();
        java.util.Map<Path, ExperimentPlan> askedBy = new java.util.HashMap<>();
        for (ExperimentPlan plan : plans) {
            for (Step s : roots(plan)) {
                steps.putIfAbsent(runner.dirOf(s), s);
                askedBy.putIfAbsent(runner.dirOf(s), plan); // provenance names the first spec that needs the step
            }
        }
        long t0 = System.nanoTime();
        for (Map.Entry<Path, Step> e : steps.entrySet()) {
            ExperimentPlan plan = askedBy.get(e.getKey());
            runner.setRequester(plan.spec().id(), profile.id(), plan.spec().seed());
            runner.run(e.getValue());
        }
        log.printf("corpora and features: %d steps in %.1f s%n", steps.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** The corpus and feature steps under {@code step}, dependencies first. */
    private static void collectData(Step step, List<Step> out) {
        for (Step d : step.dependencies()) {
            collectData(d, out);
        }
        if (step instanceof CorpusStep || step instanceof FeatureStep) {
            out.add(step);
        }
    }

    /** Configures a {@link Harness}. */
    public static final class Builder {
        private SpecLoader specs;
        private Path runsRoot;
        private Profile profile = Profile.CPU;
        private Long seed;
        private Device device;
        private PrintStream log = System.out;
        private ProgressListener progress;
        private Integer interruptAfterSteps;
        private Path dataDir;
        private int seeds = 1;

        /** Runs every spec with {@code n} root seeds: its own (or --seed), then the next n-1 integers. */
        public Builder optSeeds(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("--seeds must be >= 1, found " + n);
            }
            this.seeds = n;
            return this;
        }

        private boolean floorOnly;

        /**
         * Runs only corpus, features and the non-learned floor of each spec (minutes, no training): to size and
         * calibrate a corpus before paying for pretraining.
         */
        public Builder optFloorOnly(boolean floorOnly) {
            this.floorOnly = floorOnly;
            return this;
        }

        private boolean corporaOnly;
        private boolean pretrainOnly;
        private Path timings;

        /** Reference timings (masr plan --write-timings) for plan's estimates of steps with nothing alike measured. */
        public Builder optTimings(Path timings) {
            this.timings = timings;
            return this;
        }

        /**
         * Runs only the corpus and feature steps of each spec (no floor, no training): to build, time or check every
         * corpus a set of specs uses.
         */
        public Builder optCorporaOnly(boolean corporaOnly) {
            this.corporaOnly = corporaOnly;
            return this;
        }

        /**
         * Runs only corpus, features and the (continued) pretraining of each spec, no fine-tuning, probe or
         * evaluation: to pretrain the encoders on one machine (a GPU) and run the downstream steps on another, or to
         * time pretraining alone. A later run without it reuses the finished steps.
         */
        public Builder optPretrainOnly(boolean pretrainOnly) {
            this.pretrainOnly = pretrainOnly;
            return this;
        }

        /** Directory with uriel/ and glottolog/ (default: ../shared/data beside the repository). */
        public Builder optDataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder setSpecs(SpecLoader specs) {
            this.specs = specs;
            return this;
        }

        public Builder setRunsRoot(Path runsRoot) {
            this.runsRoot = runsRoot;
            return this;
        }

        public Builder optProfile(Profile profile) {
            this.profile = profile;
            return this;
        }

        public Builder optSeed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        public Builder optLog(PrintStream log) {
            this.log = log;
            return this;
        }

        public Builder optProgress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        public Builder optInterruptAfterSteps(Integer steps) {
            this.interruptAfterSteps = steps;
            return this;
        }

        public Harness build() {
            if (specs == null || runsRoot == null) {
                throw new IllegalStateException("setSpecs and setRunsRoot are required");
            }
            return new Harness(this);
        }
    }
}
