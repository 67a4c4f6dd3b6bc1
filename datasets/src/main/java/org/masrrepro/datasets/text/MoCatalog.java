package org.masrrepro.datasets.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure-Java GNU gettext {@code .mo} parser (either byte order): msgid -> translation, plural and context entries skipped. */
public final class MoCatalog {

    private static final int MAGIC = 0x950412de;
    private static final Pattern CHARSET = Pattern.compile("charset=([A-Za-z0-9_.:-]+)");

    private MoCatalog() {}

    /** Reads a catalogue file; errors name the file. */
    public static Map<String, String> read(Path mo) throws IOException {
        return parse(Files.readAllBytes(mo), mo.toString());
    }

    /** Parses catalogue bytes; {@code source} names them in errors. Entries keep the file's order. */
    public static Map<String, String> parse(byte[] bytes, String source) throws IOException {
        if (bytes.length < 28) {
            throw new IOException(source + ": " + bytes.length + " bytes is too short for a gettext .mo file");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != MAGIC) {
                throw new IOException(source + ": not a gettext .mo file (magic is not 0x950412de in either byte order)");
            }
        }
        int major = b.getInt(4) >>> 16;
        if (major > 1) {
            throw new IOException(source + ": unsupported .mo major revision " + major);
        }
        int n = b.getInt(8);
        long origTable = Integer.toUnsignedLong(b.getInt(12));
        long transTable = Integer.toUnsignedLong(b.getInt(16));
        if (n < 0 || origTable + 8L * n > bytes.length || transTable + 8L * n > bytes.length) {
            throw new IOException(source + ": corrupt .mo header (" + n + " strings, tables at " + origTable + "/"
                    + transTable + ", file " + bytes.length + " bytes)");
        }
        byte[][] origs = new byte[n][];
        byte[][] trans = new byte[n][];
        Charset charset = StandardCharsets.UTF_8;
        for (int i = 0; i < n; i++) {
            origs[i] = slice(b, bytes, (int) origTable + 8 * i, source);
            trans[i] = slice(b, bytes, (int) transTable + 8 * i, source);
            if (origs[i].length == 0) {
                charset = charset(new String(trans[i], StandardCharsets.ISO_8859_1), charset);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (origs[i].length == 0) {
                continue; // the header entry
            }
            String id = new String(origs[i], charset);
            if (id.indexOf('\0') >= 0 || id.indexOf('\u0004') >= 0) {
                continue; // plural forms (msgid\0msgid_plural) or a message context (ctx\u0004msgid)
            }
            String t = new String(trans[i], charset);
            if (!t.isEmpty() && t.indexOf('\0') < 0) {
                out.put(id, t);
            }
        }
        return out;
    }

    /** The header's {@code charset=}, or the fallback (UTF-8) when absent or unknown to this JVM. */
    private static Charset charset(String header, Charset fallback) {
        Matcher m = CHARSET.matcher(header);
        if (!m.find()) {
            return fallback;
        }
        try {
            return Charset.isSupported(m.group(1)) ? Charset.forName(m.group(1)) : fallback;
        } catch (IllegalCharsetNameException e) {
            return fallback;
        }
    }

    private static byte[] slice(ByteBuffer b, byte[] bytes, int entry, String source) throws IOException {
        long len = Integer.toUnsignedLong(b.getInt(entry));
        long off = Integer.toUnsignedLong(b.getInt(entry + 4));
        if (off + len > bytes.length) {
            throw new IOException(source + ": string table entry at byte " + entry + " points outside the file");
        }
        byte[] s = new byte[(int) len];
        System.arraycopy(bytes, (int) off, s, 0, (int) len);
        return s;
    }
}
