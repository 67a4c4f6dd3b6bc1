package org.masrrepro.datasets.util;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzip-compressed tar archive (a {@code .tar.gz}) file by file, without extracting it: POSIX ustar and pax
 * ({@code path} and {@code size} records) and GNU tar (long names) as Python's tarfile and GNU tar write them. Only
 * regular files are handed on; directories, links and devices are skipped. A header whose checksum is wrong, an
 * archive cut off inside an entry, or a gzip stream that is damaged or cut off is an IOException naming the archive:
 * nothing half-read passes for a whole archive.
 */
public final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {}

    /** Receives one regular file of the archive. */
    @FunctionalInterface
    public interface FileHandler {
        /**
         * @param name the entry's path inside the archive, '/'-separated
         * @param size its length in bytes
         * @param data its content; reading past {@code size} gives end-of-stream; need not be read to the end
         */
        void file(String name, long size, InputStream data) throws IOException;
    }

    /** Hands every regular file of {@code archive} to {@code handler}, in archive order. */
    public static void forEachFile(Path archive, FileHandler handler) throws IOException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16),
                1 << 16)) {
            read(archive, in, handler);
        } catch (EOFException e) {
            throw new IOException(archive + ": the archive is cut off (" + e.getMessage() + "); download it again", e);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(archive + ": damaged gzip stream (" + e.getMessage() + "); download it again", e);
        }
    }

    private static void read(Path archive, InputStream in, FileHandler handler) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null; // from a GNU 'L' entry or a pax 'path' record, for the next entry
        Long paxSize = null;
        long offset = 0;
        while (true) {
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0) {
                return; // end of the stream at an entry boundary (no end-of-archive blocks): accepted, as tar does
            }
            if (n < BLOCK) {
                throw new EOFException("it ends inside a tar header at byte " + (offset + n));
            }
            if (allZero(header)) {
                in.transferTo(java.io.OutputStream.nullOutputStream()); // to the gzip trailer: its CRC is checked
                return; // end-of-archive marker
            }
            checkChecksum(archive, header, offset);
            String name = longName != null ? longName : name(header);
            long size = paxSize != null ? paxSize : number(archive, header, 124, 12, offset);
            char type = (char) header[156];
            offset += BLOCK;
            longName = null;
            paxSize = null;
            if (type == 'L') {
                longName = cString(readAll(in, size, name), 0, (int) size);
            } else if (type == 'x') {
                String[] pax = pax(archive, readAll(in, size, name), offset);
                longName = pax[0];
                paxSize = pax[1] == null ? null : Long.parseLong(pax[1]);
            } else if (type == '0' || type == '\0' || type == '7') {
                Bounded data = new Bounded(in, size);
                handler.file(name, size, data);
                data.skipRest(name);
            } else { // directory, link, device, global pax header, GNU long link name: no file to hand on
                new Bounded(in, size).skipRest(name);
            }
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            skipFully(in, padded - size, name);
            offset += padded;
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkChecksum(Path archive, byte[] h, long offset) throws IOException {
        long stored = number(archive, h, 148, 8, offset);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += b;
        }
        if (stored != unsigned && stored != signed) { // some old tars summed signed bytes
            throw new IOException(archive + ": damaged tar header at byte " + offset + " (checksum " + stored
                    + ", computed " + unsigned + "); download the archive again");
        }
    }

    /** An octal field (NUL- or space-terminated), or GNU's base-256 form for large values (high bit set). */
    private static long number(Path archive, byte[] h, int at, int len, long offset) throws IOException {
        if ((h[at] & 0x80) != 0) {
            long v = h[at] & 0x7f;
            for (int i = at + 1; i < at + len; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = cString(h, at, len).trim();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException(archive + ": damaged tar header at byte " + offset + " (field '" + s
                    + "' is not octal); is this a tar.gz archive?", e);
        }
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = cString(h, 257, 6).startsWith("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] b, int at, int len) {
        int end = at;
        while (end < at + len && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_8);
    }

    /** A pax extended header's {@code path} and {@code size} (either null when absent). */
    private static String[] pax(Path archive, byte[] data, long offset) throws IOException {
        String[] out = new String[2];
        int i = 0;
        while (i < data.length && data[i] != 0) {
            int sp = i;
            while (sp < data.length && data[sp] != ' ') {
                sp++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, i, sp - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException(archive + ": damaged pax header at byte " + offset, e);
            }
            if (len <= sp - i || i + len > data.length) {
                throw new IOException(archive + ": damaged pax header at byte " + offset + " (record length " + len + ")");
            }
            String rec = new String(data, sp + 1, i + len - sp - 2, StandardCharsets.UTF_8); // without the '\n'
            int eq = rec.indexOf('=');
            if (eq > 0) {
                String key = rec.substring(0, eq);
                if (key.equals("path")) {
                    out[0] = rec.substring(eq + 1);
                } else if (key.equals("size")) {
                    out[1] = rec.substring(eq + 1);
                }
            }
            i += len;
        }
        return out;
    }

    private static byte[] readAll(InputStream in, long size, String name) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar metadata entry '" + name + "' of " + size + " bytes is implausibly large");
        }
        byte[] b = in.readNBytes((int) size);
        if (b.length < size) {
            throw new EOFException("it ends inside the entry '" + name + "'");
        }
        return b;
    }

    private static void skipFully(InputStream in, long n, String name) throws IOException {
        long left = n;
        while (left > 0) {
            long k = in.skip(left);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("it ends inside the entry '" + name + "'");
                }
                k = 1;
            }
            left -= k;
        }
    }

    /** The current entry's bytes; close() does not close the archive. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long size) {
            super(in);
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("it ends inside an entry");
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int k = in.read(b, off, (int) Math.min(len, left));
            if (k < 0) {
                throw new EOFException("it ends inside an entry");
            }
            left -= k;
            return k;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(Math.min(n, left));
            left -= k;
            return k;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        void skipRest(String name) throws IOException {
            skipFully(this.in, left, name);
            left = 0;
        }
    }
}
