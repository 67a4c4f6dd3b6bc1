package org.masrrepro.harness.steps;

import ai.djl.engine.Engine;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Versions and code identity recorded in every provenance file: git commit, Java, DJL, PyTorch, threads, and the CPU
 * (model and the instruction sets that select libtorch kernels). {@link #PLATFORM_KEYS} of it make the platform
 * fingerprint: on equal data, steps made on one fingerprint give bit-identical numbers.
 */
public final class Environment {

    private static Map<String, Object> cached;

    /**
     * The environment keys whose values together identify the platform a number was computed on: whatever changes
     * the floating-point operations behind a number: libtorch's (CPU kernels picked by instruction set, intra-op thread
     * count, engine build, a GPU) and Java's own (the feature front end uses {@code Math}, whose results may differ by
     * an ulp between JDK builds); not what only changes speed or bookkeeping (git commit, processor count).
     */
    public static final List<String> PLATFORM_KEYS = List.of("cpu_model", "cpu_isa", "os", "java_vendor",
            "java_version", "djl_version", "engine", "engine_version", "gpu_count", "torch_num_threads");

    /** Instruction-set flags of {@code /proc/cpuinfo} that change which libtorch (oneDNN, MKL, ATen) kernels run. */
    static final List<String> ISA_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx_vnni", "avx512f",
            "avx512dq", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16",
            "amx_int8", "asimd", "asimddp", "sve", "sve2", "bf16", "i8mm");

    /** The value of a platform key that could not be read (no {@code /proc/cpuinfo}, say). */
    public static final String UNKNOWN = "unknown";

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
            m.putAll(cpu(readCpuinfo()));
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
     * The platform fingerprint of an environment as recorded in a provenance file ({@link #PLATFORM_KEYS}; a value
     * left out or null, such as an unset thread count, reads "unset"), or null when the environment has no CPU (a
     * step made before the CPU was recorded).
     */
    public static Map<String, String> platform(JsonObject environment) {
        if (environment == null || !environment.has("cpu_model") || !environment.has("cpu_isa")) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        for (String k : PLATFORM_KEYS) {
            JsonElement v = environment.get(k);
            out.put(k, v == null || v.isJsonNull() ? "unset" : v.getAsString());
        }
        return out;
    }

    /**
     * CPU model name and the {@link #ISA_FLAGS} present (space-separated, in that list's order) from the text of
     * {@code /proc/cpuinfo} (x86 "flags", ARM "Features"); {@link #UNKNOWN} for what it does not say or when null.
     */
    static Map<String, String> cpu(String cpuinfo) {
        String model = null;
        Set<String> flags = null;
        for (String line : cpuinfo == null ? new String[0] : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (model == null && key.equals("model name") && !value.isEmpty()) {
                model = value;
            } else if (flags == null && (key.equals("flags") || key.equals("Features"))) {
                flags = new HashSet<>(List.of(value.split("\\s+")));
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("cpu_model", model == null ? UNKNOWN : model);
        if (flags == null) {
            out.put("cpu_isa", UNKNOWN);
        } else {
            Set<String> present = flags;
            out.put("cpu_isa", String.join(" ", ISA_FLAGS.stream().filter(present::contains).toList()));
        }
        return out;
    }

    private static String readCpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
