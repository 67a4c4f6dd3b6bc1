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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code identity every provenance records: found in a clone and in a linked worktree alike. */
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

    private static void run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + log);
    }
}
