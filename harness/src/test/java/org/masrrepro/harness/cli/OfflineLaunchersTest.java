package org.masrrepro.harness.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masrrepro.harness.TestPaths;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DJL must never start without offline mode: every launcher and build entry point must set it. */
class OfflineLaunchersTest {

    private static final Pattern OFFLINE = Pattern.compile("-Dai\\.djl\\.offline=true|DJL_OFFLINE=true");

    @ParameterizedTest
    @ValueSource(strings = {".mvn/jvm.config", "pom.xml", "reproduce.sh", "harness/bin/masr", ".ci/run"})
    void entryPointSetsOfflineMode(String file) throws IOException {
        Path f = TestPaths.repoRoot().resolve(file);
        assertTrue(Files.isRegularFile(f), file + " is missing");
        assertTrue(OFFLINE.matcher(Files.readString(f)).find(), file + " does not set -Dai.djl.offline=true");
    }

    @Test
    void everyScriptThatStartsJavaSetsOfflineMode() throws IOException {
        // Any shell script in the repository that runs java or mvn must set offline mode itself.
        List<Path> scripts;
        try (Stream<Path> s = Files.walk(TestPaths.repoRoot())) {
            scripts = s.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
                            && !p.toString().contains("/runs/"))
                    .filter(p -> p.toString().endsWith(".sh") || p.getFileName().toString().equals("masr")
                            || p.getFileName().toString().equals("run"))
                    .filter(Files::isRegularFile)
                    .toList();
        }
        assertTrue(scripts.size() >= 3, "found scripts " + scripts);
        for (Path p : scripts) {
            String text = Files.readString(p);
            boolean startsJvm = Pattern.compile("(?m)^[^#]*\\b(java|mvn|exec java)\\b").matcher(text).find();
            if (startsJvm) {
                assertTrue(OFFLINE.matcher(text).find(), p + " starts a JVM without -Dai.djl.offline=true");
            }
        }
    }

    @Test
    void surefireArgLineCarriesOfflineMode() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "Surefire must pass -Dai.djl.offline=true");
    }

    @Test
    void cliRefusesToStartWithoutOfflineMode() {
        String old = System.getProperty("ai.djl.offline");
        System.clearProperty("ai.djl.offline");
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"list"}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("ai.djl.offline"));
        } finally {
            System.setProperty("ai.djl.offline", old);
        }
    }
}
