package org.masrrepro.datasets.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 content hashes (hex) of files and bytes, for provenance and cache keys. */
public final class Hashes {

    private Hashes() {}

    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Names the framing of {@link #sha256Files}; change it with the framing, as recorded hashes carry it. */
    public static final String FILES_SCHEME = "files-v2";

    /**
     * One SHA-256 over the files at {@code paths} (resolved against {@code base}), each framed as its path, a 0 byte,
     * its length (8 bytes, big-endian) and its bytes, so no two different file lists share a stream.
     */
    public static String sha256Files(Path base, java.util.List<String> paths) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        for (String p : paths) {
            md.update(p.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(Files.size(base.resolve(p))).array());
            try (InputStream in = Files.newInputStream(base.resolve(p))) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Relative path -> SHA-256 of every file under {@code dir}, sorted by path: to compare two builds file by file. */
    public static java.util.SortedMap<String, String> sha256Tree(Path dir) throws IOException {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), sha256(p));
            }
        }
        return out;
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
