package org.masrrepro.harness.cli;

import ai.djl.Device;
import org.masrrepro.harness.run.Harness;
import org.masrrepro.harness.run.ReportBuilder;
import org.masrrepro.harness.run.ReportKeys;
import org.masrrepro.harness.run.TimePlan;
import org.masrrepro.harness.spec.ExperimentSpec;
import org.masrrepro.harness.spec.Profile;
import org.masrrepro.harness.spec.SpecException;
import org.masrrepro.harness.spec.SpecLoader;
import org.masrrepro.harness.steps.Environment;
import org.masrrepro.harness.steps.Interrupted;
import org.masrrepro.reports.score.Scoring;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line: {@code run SPEC... [--profile P] [--seed N] [--device D]}, {@code list}, {@code validate},
 * {@code report}. Exit codes: 0 ok, 1 failure, 2 invalid spec or usage, 3 interrupted on request.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: masr <command> [options]",
            "  run SPEC...      run experiments (ids under harness/specs, prefixes like table1/, all, or .json paths)",
            "  list             list the specs and what of the paper each reproduces",
            "  validate [SPEC]  resolve and validate specs under every profile (all specs by default)",
            "  plan SPEC...     list the distinct steps a run involves: done (measured time) or to run (estimate)",
            "  report           rebuild the report of a profile from finished runs",
            "  score lid --scores SCORES.csv | score wer --ref REF.trn --hyp HYP.trn",
            "                   score another system's outputs; prints JSON (formats in the README)",
            "  check --baseline FILE [--write-baseline]",
            "                   compare a profile's results with a committed baseline; exit 1 on a regression",
            "options:",
            "  --profile smoke|cpu|paper   scale profile (default cpu)",
            "  --seed N                    root seed override",
            "  --seeds N                   run each spec with N root seeds (seed, seed+1, ...); claims need >= 3",
            "  --device NAME               DJL device, e.g. cpu, gpu, gpu(1) (default: DJL's choice, GPU if present)",
            "  --runs DIR                  outputs (default ./runs)",
            "  --specs DIR                 spec directory (default <repo>/harness/specs)",
            "  --data-dir DIR              lang2vec/Glottolog data (uriel/, glottolog/) and the base of relative real-corpus",
            "                              dirs (corpus type \"real\"); default $MASR_DATA_DIR or ../shared/data",
            "  --interrupt-after-steps N   stop pretraining after N steps in this process (to test resume)",
            "  --floor-only                run, plan: build corpus and features and score the non-learned floor only (no training)",
            "  --corpora-only              run, plan: build every corpus and feature set the specs use, nothing else; prints the time",
            "  --pretrain-only             run, plan: the pretraining corpus, its features and (continued) pretraining only",
            "  --timings FILE              plan: estimate steps with nothing alike in --runs from these reference timings",
            "                              (default harness/timings/<profile>.json when it exists)",
            "  --write-timings FILE        plan: add the measured times of the finished steps in --runs to FILE");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI and returns the exit code (testable without exiting the JVM). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (!"true".equals(System.getProperty("ai.djl.offline"))) {
            err.println("refusing to start: -Dai.djl.offline=true is not set (DJL would contact the network); "
                    + "use ./reproduce.sh or the masr launcher");
            return 2;
        }
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        List<String> positional = new ArrayList<>();
        Profile profile = Profile.CPU;
        Long seed = null;
        int seeds = 1;
        Device device = null;
        Path runs = Path.of("runs");
        Path specsDir = Environment.repoRoot().resolve("harness").resolve("specs");
        Integer interrupt = null;
        Path baseline = null;
        Path scoresCsv = null;
        Path refTrn = null;
        Path hypTrn = null;
        boolean writeBaseline = false;
        boolean floorOnly = false;
        boolean corporaOnly = false;
        boolean pretrainOnly = false;
        Path timings = null;
        Path writeTimings = null;
        Path dataDir = System.getenv("MASR_DATA_DIR") == null ? null : Path.of(System.getenv("MASR_DATA_DIR"));
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--profile" -> profile = Profile.parse(value(args, ++i, a));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--seeds" -> seeds = Integer.parseInt(value(args, ++i, a));
                    case "--device" -> device = Device.fromName(value(args, ++i, a));
                    case "--runs" -> runs = Path.of(value(args, ++i, a));
                    case "--specs" -> specsDir = Path.of(value(args, ++i, a));
                    case "--interrupt-after-steps" -> interrupt = Integer.parseInt(value(args, ++i, a));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    case "--baseline" -> baseline = Path.of(value(args, ++i, a));
                    case "--write-baseline" -> writeBaseline = true;
                    case "--floor-only" -> floorOnly = true;
                    case "--corpora-only" -> corporaOnly = true;
                    case "--pretrain-only" -> pretrainOnly = true;
                    case "--timings" -> timings = Path.of(value(args, ++i, a));
                    case "--write-timings" -> writeTimings = Path.of(value(args, ++i, a));
                    case "--scores" -> scoresCsv = Path.of(value(args, ++i, a));
                    case "--ref" -> refTrn = Path.of(value(args, ++i, a));
                    case "--hyp" -> hypTrn = Path.of(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        positional.add(a);
                    }
                }
            }
            if ((floorOnly || corporaOnly || pretrainOnly) && !command.equals("run") && !command.equals("plan")) {
                throw new IllegalArgumentException((floorOnly ? "--floor-only" : corporaOnly ? "--corpora-only"
                        : "--pretrain-only") + " selects steps of run and plan; " + command + " does not take it");
            }
            SpecLoader loader = new SpecLoader(specsDir);
            switch (command) {
                case "list" -> {
                    for (String id : loader.ids()) {
                        ExperimentSpec s = loader.load(id, profile, null);
                        out.printf("%-40s %s%n", id, s.describes());
                    }
                    return 0;
                }
                case "validate" -> {
                    List<String> ids = positional.isEmpty() ? loader.ids() : expand(loader, positional);
                    for (String id : ids) {
                        for (Profile p : Profile.values()) {
                            loader.load(id, p, seed);
                        }
                        out.println("ok  " + id);
                    }
                    for (Profile p : Profile.values()) {
                        ReportKeys.requireUnique(loader, ids, p);
                    }
                    return 0;
                }
                case "run" -> {
                    if (positional.isEmpty()) {
                        throw new IllegalArgumentException("run needs at least one SPEC");
                    }
                    Harness.builder().setSpecs(loader).setRunsRoot(runs).optProfile(profile).optSeed(seed)
                            .optSeeds(seeds).optDevice(device).optLog(out).optInterruptAfterSteps(interrupt).optDataDir(dataDir)
                            .optFloorOnly(floorOnly).optCorporaOnly(corporaOnly).optPretrainOnly(pretrainOnly).build()
                            .run(expand(loader, positional));
                    return 0;
                }
                case "plan" -> {
                    if (positional.isEmpty()) {
                        throw new IllegalArgumentException("plan needs at least one SPEC");
                    }
                    if (timings == null) {
                        Path shipped = Environment.repoRoot().resolve("harness").resolve("timings")
                                .resolve(profile.id() + ".json");
                        timings = Files.isRegularFile(shipped) ? shipped : null;
                    } else if (!Files.isRegularFile(timings)) {
                        throw new IllegalArgumentException("--timings " + timings + ": no such file");
                    }
                    Harness.builder().setSpecs(loader).setRunsRoot(runs).optProfile(profile).optSeed(seed)
                            .optSeeds(seeds).optLog(out).optDataDir(dataDir).optFloorOnly(floorOnly)
                            .optCorporaOnly(corporaOnly).optPretrainOnly(pretrainOnly).optTimings(timings).build()
                            .plan(expand(loader, positional));
                    if (timings != null) {
                        out.println("reference timings: " + timings);
                    }
                    if (writeTimings != null) {
                        int n = TimePlan.writeTimings(runs, profile, writeTimings);
                        out.println("timings: " + n + " measured step(s) of profile " + profile.id() + " in "
                                + writeTimings);
                    }
                    return 0;
                }
                case "report" -> {
                    return ReportBuilder.write(runs, profile, loader, dataDir, out) == null ? 1 : 0;
                }
                case "score" -> {
                    String what = positional.isEmpty() ? "" : positional.get(0);
                    if (what.equals("lid") && scoresCsv != null) {
                        out.println(Scoring.json(Scoring.lid(scoresCsv)));
                    } else if (what.equals("wer") && refTrn != null && hypTrn != null) {
                        out.println(Scoring.json(Scoring.wer(refTrn, hypTrn)));
                    } else {
                        throw new IllegalArgumentException("use: score lid --scores FILE, or score wer --ref FILE --hyp FILE");
                    }
                    return 0;
                }
                case "check" -> {
                    if (baseline == null) {
                        throw new IllegalArgumentException("check needs --baseline FILE");
                    }
                    return CheckCommand.run(runs, profile, loader, dataDir, baseline, writeBaseline, out, err);
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
        } catch (SpecException e) {
            err.println("invalid spec: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Interrupted e) {
            err.println("interrupted: " + e.getMessage());
            return 3;
        } catch (Exception e) {
            err.println("failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** Spec arguments to ids: an exact id or path, or a directory prefix such as {@code table1/}. */
    static List<String> expand(SpecLoader loader, List<String> args) {
        Set<String> out = new LinkedHashSet<>();
        List<String> all = loader.ids();
        for (String a : args) {
            if (a.equals("all")) {
                // The paper's order: tables first, then figures and sections, then anything a researcher added.
                List<String> order = List.of("table1/", "table2/", "table3/", "figure2/", "section7/");
                for (String p : order) {
                    all.stream().filter(id -> id.startsWith(p)).forEach(out::add);
                }
                out.addAll(all);
                continue;
            }
            String prefix = a.endsWith("/") ? a : a + "/";
            List<String> under = all.stream().filter(id -> id.startsWith(prefix)).toList();
            if (!all.contains(a) && !under.isEmpty()) {
                out.addAll(under);
            } else {
                out.add(loader.idOf(loader.fileOf(a)));
            }
        }
        return new ArrayList<>(out);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
