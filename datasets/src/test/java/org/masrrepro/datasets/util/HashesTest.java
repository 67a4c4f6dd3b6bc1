package org.masrrepro.datasets.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HashesTest {

    /**
     * Pins the framing of {@link Hashes#sha256Files} (path, 0 byte, 8-byte big-endian length, bytes), with the digest
     * computed independently by Python's hashlib. Corpus steps record this hash under a key naming {@link
     * Hashes#FILES_SCHEME}, so a framing change must come with a new scheme name, or every recorded hash would read
     * as "audio differs".
     */
    @Test
    void filesHashFramingIsPinned(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("h1"), "ab");
        Files.writeString(dir.resolve("h2"), "c");
        assertEquals("a19b2e19374eb2ecf641361ba2c4153fd05ab4d1a38f5cde3db48be089686718",
                Hashes.sha256Files(dir, List.of("h1", "h2")),
                "sha256Files framing changed: bump Hashes.FILES_SCHEME (now " + Hashes.FILES_SCHEME + ") with it");
        assertEquals("files-v2", Hashes.FILES_SCHEME, "update the pinned digest above with the scheme");
    }
}
