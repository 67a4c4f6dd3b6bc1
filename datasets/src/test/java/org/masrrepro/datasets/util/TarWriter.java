package org.masrrepro.datasets.util;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes tar archives by hand for tests (ustar headers, GNU long names, pax records): the tests own every byte. */
public final class TarWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TarWriter entry(String name, char type, byte[] data) {
        byte[] h = new byte[512];
        put(h, 0, name.getBytes(StandardCharsets.UTF_8), 100);
        put(h, 100, "0000644\0".getBytes(StandardCharsets.US_ASCII), 8);
        put(h, 124, String.format("%011o\0", data.length).getBytes(StandardCharsets.US_ASCII), 12);
        put(h, 136, String.format("%011o\0", 1_700_000_000L).getBytes(StandardCharsets.US_ASCII), 12);
        h[156] = (byte) type;
        put(h, 257, "ustar\0".getBytes(StandardCharsets.US_ASCII), 6);
        put(h, 263, "00".getBytes(StandardCharsets.US_ASCII), 2);
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 8);
        out.writeBytes(h);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return this;
    }

    public TarWriter file(String name, String text) {
        return entry(name, '0', text.getBytes(StandardCharsets.UTF_8));
    }

    public TarWriter pax(String key, String value) {
        String rec = " " + key + "=" + value + "\n";
        int bytes = rec.getBytes(StandardCharsets.UTF_8).length; // the length counts bytes, its own digits too
        int len = bytes + 1;
        while (String.valueOf(len).length() + bytes != len) {
            len = String.valueOf(len).length() + bytes;
        }
        return entry("PaxHeaders/x", 'x', (len + rec).getBytes(StandardCharsets.UTF_8));
    }

    public byte[] tar(boolean endMarker) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(out.toByteArray());
        if (endMarker) {
            b.writeBytes(new byte[1024]);
        }
        return b.toByteArray();
    }

    public Path gz(Path file, boolean endMarker) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write(tar(endMarker));
        }
        return file;
    }

    private static void put(byte[] h, int at, byte[] v, int max) {
        System.arraycopy(v, 0, h, at, Math.min(v.length, max));
    }
}
