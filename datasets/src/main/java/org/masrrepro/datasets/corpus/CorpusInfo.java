package org.masrrepro.datasets.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A prepared corpus.
 *
 * @param dir             corpus directory
 * @param manifest        its manifest.csv
 * @param card            its card.md
 * @param utterances      the manifest rows
 * @param hours           total audio
 * @param packageVersions Debian packages it was built from, with versions
 * @param manifestSha256  content hash of the manifest
 */
public record CorpusInfo(Path dir, Path manifest, Path card, List<Utterance> utterances, double hours,
        Map<String, String> packageVersions, String manifestSha256) {}
