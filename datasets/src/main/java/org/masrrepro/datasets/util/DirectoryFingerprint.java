package org.masrrepro.datasets.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a directory holds, cheaply: SHA-256 over every regular file's relative path, size and modification time
 * (no contents are read, so a 100k-file corpus takes seconds). Detects files added, removed, resized or rewritten in
 * place; a copy that does not preserve modification times reads as a change.
 *
 * @param files  number of regular files
 * @param bytes  their total size
 * @param sha256 hex digest of the sorted {@code path<TAB>size<TAB>mtime-ms} lines
 */
public record DirectoryFingerprint(long files, long bytes, String sha256) {

    /** The fingerprint of everything under {@code root} (symbolic links followed). */
    public static DirectoryFingerprint of(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        List<String> lines = new ArrayList<>();
        long[] bytes = {0};
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        bytes[0] += a.size();
                        lines.add(root.relativize(p).toString().replace('\\', '/') + "\t" + a.size() + "\t"
                                + a.lastModifiedTime().toMillis());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        lines.sort(null);
        String text = String.join("\n", lines);
        return new DirectoryFingerprint(lines.size(), bytes[0], Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The fingerprint of several directories read as one corpus (e.g. one per language), and of nothing else beside
     * them: SHA-256 over each one's {@code name<TAB>sha256} line, in the order given.
     */
    public static DirectoryFingerprint of(java.util.Map<String, Path> dirs) throws IOException {
        List<String> lines = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        for (java.util.Map.Entry<String, Path> e : dirs.entrySet()) {
            DirectoryFingerprint f = of(e.getValue());
            files += f.files();
            bytes += f.bytes();
            lines.add(e.getKey() + "\t" + f.sha256());
        }
        return new DirectoryFingerprint(files, bytes, Hashes.sha256(String.join("\n", lines)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
