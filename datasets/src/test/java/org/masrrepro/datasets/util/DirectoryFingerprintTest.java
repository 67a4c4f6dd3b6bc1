package org.masrrepro.datasets.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fingerprint changes with any added, removed, moved, resized or re-timed file, and only then. */
class DirectoryFingerprintTest {

    @TempDir
    Path tmp;

    @Test
    void followsPathsSizesAndTimes() throws IOException {
        Files.createDirectories(tmp.resolve("a/b"));
        Files.writeString(tmp.resolve("a/b/x.wav"), "abc");
        Files.writeString(tmp.resolve("y.tsv"), "12345");
        DirectoryFingerprint f = DirectoryFingerprint.of(tmp);
        assertEquals(2, f.files());
        assertEquals(8, f.bytes());
        assertEquals(f, DirectoryFingerprint.of(tmp), "stable when nothing changes");

        FileTime t = Files.getLastModifiedTime(tmp.resolve("y.tsv"));
        Files.writeString(tmp.resolve("y.tsv"), "12346"); // same size, new content
        Files.setLastModifiedTime(tmp.resolve("y.tsv"), FileTime.fromMillis(t.toMillis() + 1000));
        DirectoryFingerprint edited = DirectoryFingerprint.of(tmp);
        assertNotEquals(f.sha256(), edited.sha256(), "rewritten in place");

        Files.writeString(tmp.resolve("a/z.wav"), "");
        assertEquals(3, DirectoryFingerprint.of(tmp).files());
        assertNotEquals(edited.sha256(), DirectoryFingerprint.of(tmp).sha256(), "a file added");
        Files.delete(tmp.resolve("a/z.wav"));
        assertEquals(edited, DirectoryFingerprint.of(tmp), "removed again");

        FileTime x = Files.getLastModifiedTime(tmp.resolve("a/b/x.wav"));
        Files.move(tmp.resolve("a/b/x.wav"), tmp.resolve("a/x.wav"));
        Files.setLastModifiedTime(tmp.resolve("a/x.wav"), x);
        assertNotEquals(edited.sha256(), DirectoryFingerprint.of(tmp).sha256(), "a file moved");
        assertThrows(IOException.class, () -> DirectoryFingerprint.of(tmp.resolve("missing")));
    }
}
