package org.masrrepro.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masrrepro.harness.TestPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code reproduce.sh}'s own argument handling, with Maven, the dependency installer and the {@code masr} launcher
 * replaced by stubs that record how they were called (the real launcher's behaviour is tested through {@link Main}).
 */
class ReproduceScriptTest {

    @TempDir
    Path tmp;

    private Path repo;
    private Path calls;
    private final Map<String, String> env = new HashMap<>();

    private void stub(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void setUpCopy() throws IOException {
        repo = tmp.resolve("repo");
        calls = tmp.resolve("calls.txt");
        Files.createDirectories(repo);
        Files.copy(TestPaths.repoRoot().resolve("reproduce.sh"), repo.resolve("reproduce.sh"));
        stub(repo.resolve("harness/bin/install-deps.sh"), "echo install-deps >> " + calls);
        stub(repo.resolve("harness/bin/masr"), "echo \"masr $* DJL_OFFLINE=$DJL_OFFLINE\" >> " + calls);
        stub(tmp.resolve("bin/mvn"), "echo \"mvn $* MAVEN_OPTS=$MAVEN_OPTS\" >> " + calls);
    }

    private int run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("reproduce.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "reproduce.sh did not finish");
        return p.exitValue();
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void onlyAndSeedsReachTheLauncherOffline() throws Exception {
        setUpCopy();
        assertEquals(0, run("--only", "ablations/lasr-margin-0.5", "table1/bestrq-fleurs", "--seeds", "3",
                "--profile", "smoke"), Files.readString(tmp.resolve("out.txt")));
        List<String> c = calls();
        assertEquals("install-deps", c.get(0), c.toString());
        assertTrue(c.get(1).startsWith("mvn ") && c.get(1).contains("package") && c.get(1).contains("-Dai.djl.offline=true"),
                c.toString());
        assertEquals("masr run ablations/lasr-margin-0.5 table1/bestrq-fleurs --profile smoke --seeds 3 DJL_OFFLINE=true",
                c.get(2));
    }

    @Test
    void defaultsToEverySpecAtCpuScale() throws Exception {
        setUpCopy();
        assertEquals(0, run(), Files.readString(tmp.resolve("out.txt")));
        assertEquals("masr run all --profile cpu DJL_OFFLINE=true", calls().get(2));
        assertTrue(Files.readString(tmp.resolve("out.txt")).contains("report: runs/report/cpu/README.md"),
                Files.readString(tmp.resolve("out.txt")));
    }

    @Test
    void aPrebuiltTreeSkipsInstallsAndBuildAndTheReportPathFollowsRuns() throws Exception {
        setUpCopy();
        env.put("MASR_PREBUILT", "1");
        Path runs = tmp.resolve("elsewhere");
        assertEquals(0, run("--only", "table1/bestrq-fleurs", "--profile", "smoke", "--runs", runs.toString()),
                Files.readString(tmp.resolve("out.txt")));
        assertEquals(List.of("masr run table1/bestrq-fleurs --profile smoke --runs " + runs + " DJL_OFFLINE=true"),
                calls(), "nothing installed or built");
        assertTrue(Files.readString(tmp.resolve("out.txt")).contains("report: " + runs + "/report/smoke/README.md"),
                Files.readString(tmp.resolve("out.txt")));
    }

    @Test
    void anUnknownArgumentStopsBeforeAnyWork() throws Exception {
        setUpCopy();
        assertEquals(2, run("--onyl", "table1/bestrq-fleurs"));
        assertTrue(Files.readString(tmp.resolve("out.txt")).contains("unknown argument --onyl"));
        assertTrue(calls().isEmpty(), "nothing may be installed, built or run: " + calls());
    }
}
