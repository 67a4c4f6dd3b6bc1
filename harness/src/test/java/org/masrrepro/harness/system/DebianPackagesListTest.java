package org.masrrepro.harness.system;

import org.junit.jupiter.api.Test;
import org.masrrepro.datasets.text.ParallelSentences;
import org.masrrepro.harness.TestPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The install list names every package whose catalogues the sentence miner reads, so fresh machines mine alike. */
class DebianPackagesListTest {

    @Test
    void everyDefaultGettextDomainHasItsPackageInTheInstallList() throws IOException {
        List<String> lines = Files.readAllLines(TestPaths.repoRoot().resolve("harness/bin/debian-packages.txt"));
        Set<String> listed = lines.stream().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(ParallelSentences.DOMAIN_PACKAGES.values());
        missing.removeAll(listed);
        assertEquals(Set.of(), missing, "add these to harness/bin/debian-packages.txt: a machine without them mines "
                + "another sentence pool");
    }
}
