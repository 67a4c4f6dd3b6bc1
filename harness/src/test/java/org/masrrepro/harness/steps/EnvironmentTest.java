package org.masrrepro.harness.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code identity every provenance records: found in a clone and in a linked worktree alike; the platform
 * fingerprint: CPU model and the instruction sets that pick libtorch kernels.
 */
class EnvironmentTest {

    @TempDir
    Path tmp;

    @Test
    void gitCommitIsFoundInACloneAndInALinkedWorktree() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        run(repo, "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "a");
        run(repo, "add", "a.txt");
        run(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "a");
        String head = Environment.git(repo, "rev-parse", "HEAD");
        assertNotNull(head, "a clone's commit");
        assertTrue(head.matches("[0-9a-f]{40}"), head);

        Path worktree = tmp.resolve("wt");
        run(repo, "worktree", "add", "-q", "--detach", worktree.toString());
        assertTrue(Files.isRegularFile(worktree.resolve(".git")), "a linked worktree's .git is a file");
        assertEquals(head, Environment.git(worktree, "rev-parse", "HEAD"), "runs from a worktree record their commit");

        assertNull(Environment.git(Files.createDirectories(tmp.resolve("plain")), "rev-parse", "HEAD"),
                "no checkout, no commit");
    }

    @Test
    void cpuModelAndKernelPickingInstructionSetsMakeThePlatform() {
        String x86 = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
                + "flags\t\t: fpu sse4_2 avx f16c avx2 fma avx512f avx512_vnni hypervisor\n\n"
                + "processor\t: 1\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu sse4_2\n";
        assertEquals(Map.of("cpu_model", "AMD EPYC 7B13", "cpu_isa", "sse4_2 avx avx2 fma f16c avx512f avx512_vnni"),
                Environment.cpu(x86), "the first processor; flags in the list's order; others (fpu) left out");
        assertEquals(Map.of("cpu_model", "unknown", "cpu_isa", "asimd asimddp sve"),
                Environment.cpu("processor\t: 0\nFeatures\t: fp asimd asimddp sve cpuid\n"), "ARM");
        assertEquals(Map.of("cpu_model", "unknown", "cpu_isa", "unknown"), Environment.cpu(null), "no /proc/cpuinfo");

        JsonObject env = new Gson().toJsonTree(Environment.describe()).getAsJsonObject();
        Map<String, String> platform = Environment.platform(env);
        assertEquals(Environment.PLATFORM_KEYS.size(), platform.size(), platform.toString());
        assertEquals(System.getProperty("ai.djl.pytorch.num_threads", "unset"), platform.get("torch_num_threads"));
        env.remove("cpu_isa");
        assertNull(Environment.platform(env), "provenance written before the CPU was recorded has no fingerprint");
    }

    private static void run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + log);
    }
}
