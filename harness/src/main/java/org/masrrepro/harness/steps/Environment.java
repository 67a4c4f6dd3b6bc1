package org.masrrepro.harness.steps;

import ai.djl.engine.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Versions and code identity recorded in every provenance file: git commit, Java, DJL, PyTorch, threads. */
public final class Environment {

    private static Map<String, Object> cached;

    private Environment() {}

    /** The repository root: the {@code masr.repoRoot} property, else the working directory. */
    public static Path repoRoot() {
        return Path.of(System.getProperty("masr.repoRoot", ".")).toAbsolutePath().normalize();
    }

    /** A snapshot of the software environment (computed once per JVM). */
    public static synchronized Map<String, Object> describe() {
        if (cached == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("git_commit", git(repoRoot(), "rev-parse", "HEAD"));
            String status = git(repoRoot(), "status", "--porcelain", "--untracked-files=no");
            m.put("git_dirty", status == null ? null : !status.isBlank());
            m.put("java_version", System.getProperty("java.version"));
            m.put("java_vendor", System.getProperty("java.vendor"));
            m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            m.put("available_processors", Runtime.getRuntime().availableProcessors());
            m.put("djl_version", Engine.getDjlVersion());
            Engine engine = Engine.getInstance();
            m.put("engine", engine.getEngineName());
            m.put("engine_version", engine.getVersion());
            m.put("gpu_count", engine.getGpuCount());
            m.put("djl_offline", System.getProperty("ai.djl.offline"));
            m.put("torch_num_threads", System.getProperty("ai.djl.pytorch.num_threads"));
            m.put("torch_num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads"));
            cached = m;
        }
        return cached;
    }

    /**
     * The output of {@code git args} in {@code root}, or null when {@code root} is no git checkout or git fails. A
     * linked worktree's {@code .git} is a file, not a directory: it counts too.
     */
    static String git(Path root, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            if (!Files.exists(root.resolve(".git"))) {
                return null;
            }
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
