package org.masrrepro.datasets.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Versions and owners of installed Debian packages (for corpus cards), via dpkg-query; never installs anything itself. */
public final class DebianPackages {

    private DebianPackages() {}

    /** Installed version per package (sorted by name); packages that are not installed, or no dpkg at all, are absent. */
    public static Map<String, String> versions(Collection<String> packages) {
        Map<String, String> out = new TreeMap<>();
        if (packages.isEmpty()) {
            return out;
        }
        // db:Status-Status tells "installed" from "config-files" (removed but not purged), which -W alone still lists
        List<String> cmd = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package}\\t${Version}\\t${db:Status-Status}\\n"));
        cmd.addAll(new LinkedHashSet<>(packages));
        for (String line : run(cmd).split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[2].equals("installed") && !f[1].isEmpty()) {
                out.put(f[0].replaceAll(":.*", ""), f[1]);
            }
        }
        return out;
    }

    /** The package that owns an installed file ({@code dpkg -S}), or null when none does. */
    public static String owner(Path file) {
        String out = run(List.of("dpkg-query", "-S", file.toAbsolutePath().toString()));
        for (String line : out.split("\n")) {
            int sep = line.indexOf(": ");
            if (sep > 0 && !line.startsWith("dpkg-query:") && !line.startsWith("diversion by")) {
                return line.substring(0, sep).split(",")[0].trim().replaceAll(":.*", "");
            }
        }
        return null;
    }

    /** The owning package of each installed file (one {@code dpkg -S} for all); files no package owns are absent. */
    public static Map<Path, String> owners(Collection<Path> files) {
        Map<Path, String> out = new TreeMap<>();
        if (files.isEmpty()) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of("dpkg-query", "-S"));
        files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
        for (String line : run(cmd).split("\n")) {
            int sep = line.indexOf(": ");
            if (sep > 0 && !line.startsWith("dpkg-query:") && !line.startsWith("diversion by")) {
                Path file = Path.of(line.substring(sep + 2).trim());
                String pkg = line.substring(0, sep).split(",")[0].trim().replaceAll(":.*", "");
                files.stream().filter(f -> f.toAbsolutePath().equals(file)).forEach(f -> out.putIfAbsent(f, pkg));
            }
        }
        return out;
    }

    /**
     * Throws an {@link IllegalStateException} whose message is exactly the command that installs the missing packages,
     * {@code apt-get install -y <missing...>}, for the launcher to run as root.
     */
    public static void requireInstalled(Collection<String> packages) {
        Map<String, String> v = versions(packages);
        List<String> missing = new LinkedHashSet<>(packages).stream().filter(p -> !v.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("apt-get install -y " + String.join(" ", missing));
        }
    }

    /** stdout+stderr of a command; empty when it cannot run (e.g. no dpkg on this system). */
    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
