package org.masrrepro.harness.cli;

import org.junit.jupiter.api.Test;
import org.masrrepro.harness.TestPaths;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's commands that do no training. */
class MainTest {

    private record Out(int code, String out, String err) {}

    private static Out run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listShowsSpecsAndWhatTheyReproduce() {
        Out o = run("list", "--specs", TestPaths.specs().toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("table1/bestrq-fleurs") && o.out().contains("Table 1"), o.out());
    }

    @Test
    void validateChecksEveryProfile() {
        Out o = run("validate", "--specs", TestPaths.specs().toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("ok  table1/bestrq-fleurs"));
    }

    @Test
    void unknownSpecIsAUsageErrorNamingKnownIds() {
        Out o = run("run", "nope/nothing", "--specs", TestPaths.specs().toString(), "--profile", "smoke");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("table1/bestrq-fleurs"), o.err());
    }

    @Test
    void unknownProfileIsAUsageError() {
        Out o = run("list", "--profile", "huge", "--specs", TestPaths.specs().toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("smoke") && o.err().contains("paper"), o.err());
    }

    @Test
    void allExpandsToEverySpecTablesFirst() {
        org.masrrepro.harness.spec.SpecLoader loader = new org.masrrepro.harness.spec.SpecLoader(TestPaths.specs());
        java.util.List<String> all = Main.expand(loader, java.util.List.of("all"));
        assertEquals(new java.util.TreeSet<>(loader.ids()), new java.util.TreeSet<>(all));
        assertEquals(loader.ids().size(), all.size(), "no spec twice");
        assertTrue(all.get(0).startsWith("table1/"), all.toString());
    }
}
