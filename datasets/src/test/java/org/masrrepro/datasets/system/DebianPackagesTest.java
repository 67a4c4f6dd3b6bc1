package org.masrrepro.datasets.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** dpkg-query wrappers: versions, owners, the exact install command for missing packages. */
class DebianPackagesTest {

    @Test
    void versionsOwnersAndInstallCommand() {
        assumeTrue(Files.isRegularFile(Path.of("/usr/bin/dpkg-query")), "not a Debian system");
        var v = DebianPackages.versions(List.of("dpkg", "no-such-package-masr"));
        assertTrue(v.containsKey("dpkg"), v.toString());
        assertFalse(v.containsKey("no-such-package-masr"));
        assertEquals("dpkg", DebianPackages.owner(Path.of("/usr/bin/dpkg-query")));
        assertEquals(null, DebianPackages.owner(Path.of("/no/such/file")));
        DebianPackages.requireInstalled(List.of("dpkg"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DebianPackages.requireInstalled(List.of("dpkg", "no-such-a", "no-such-b")));
        assertEquals("apt-get install -y no-such-a no-such-b", e.getMessage());
    }
}
