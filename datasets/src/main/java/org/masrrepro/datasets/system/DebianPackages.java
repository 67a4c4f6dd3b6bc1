package org.masrrepro.datasets.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Versions and owners of installed Debian packages (for corpus cards), via dpkg-query. */
public final class DebianPackages {

    private DebianPackages() {}

    /** Installed version per package; packages that are not installed are absent. */
    public static Map<String, String> versions(Collection<String> packages) {
        Map<String, String> out = new TreeMap<>();
        if (packages.isEmpty()) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package}\\t${Version}\\t${db:Status-Status}\\n"));
        cmd.addAll(packages);
        for (String line : run(cmd).split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[2].equals("installed")) {
                out.put(f[0].replaceAll(":.*", ""), f[1]);
            }
        }
        return out;
    }

    /** The package that owns a file, or null. */
    public static String owner(Path file) {
        String out = run(List.of("dpkg-query", "-S", file.toString())).trim();
        int colon = out.indexOf(':');
        return colon > 0 && !out.contains("no path found") ? out.substring(0, colon).split(",")[0].trim() : null;
    }

    /** Throws, with the exact command to run, when any package is missing. */
    public static void requireInstalled(Collection<String> packages) {
        Map<String, String> v = versions(packages);
        List<String> missing = packages.stream().filter(p -> !v.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing Debian packages; run as root: apt-get install -y "
                    + String.join(" ", missing));
        }
    }

    private static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
